// Posts one message the way the SDK does (ouro-api.md §6.3): the markdown converted to a TipTap
// doc first (`POST /utilities/convert/from-markdown`), then `POST /conversations/{id}/messages/create`
// with the message's own id, so Ouro can tell a resend from a new message. Not retried here: the
// outbox decides when to try again. Issue 13's conversation sender can stand in for this one.
import { z } from 'zod';
import { MessageSchema } from '../ouro/models';
import type { MessageRow } from '../../shared/browse';
import { toMessageRow } from '../browse/conversation-handlers';
import type { OuroClient } from '../ouro/client';
import { validate } from '../ouro/envelope';
import { pathOf } from '../ouro/http';
import type { OutboxMessage } from './outbox';

const Converted = z.looseObject({ json: z.looseObject({ type: z.string() }), markdown: z.string().nullish() });

export async function sendMessage(client: OuroClient, message: OutboxMessage, signal?: AbortSignal): Promise<MessageRow> {
  const call = signal ? { signal } : {};
  // Converting is a pure function of the text: safe to retry.
  const { body, facts } = await client.http.json({ method: 'POST', path: '/utilities/convert/from-markdown', body: { markdown: message.text }, idempotent: true, ...call }, { envelope: false });
  const converted = validate(Converted, body, 'body', facts);
  const created = await client.http.data(
    {
      method: 'POST',
      path: pathOf`/conversations/${message.conversationId}/messages/create`,
      body: { message: { id: message.clientId, text: converted.markdown ?? message.text, json: converted.json } },
      idempotent: false,
      ...call,
    },
    MessageSchema,
  );
  return toMessageRow(created);
}

/** The message among the conversation's newest, if an earlier attempt reached Ouro after all. */
export async function findDeliveredMessage(client: OuroClient, message: OutboxMessage, signal?: AbortSignal): Promise<MessageRow | null> {
  const page = await client.conversations.messages(message.conversationId, { limit: 50, ...(signal ? { signal } : {}) });
  const found = page.messages.find((m) => m.id.toLowerCase() === message.clientId.toLowerCase());
  return found ? toMessageRow(found) : null;
}
