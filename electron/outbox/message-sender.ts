// After an answer was lost: whether the outbox's message reached Ouro after all. (Sending itself is
// `conversations.sendMessage` in electron/ouro/conversations.ts — the one sender of messages.)
import type { MessageRow } from '../../shared/browse';
import { toMessageRow } from '../browse/conversation-handlers';
import type { OuroClient } from '../ouro/client';
import type { OutboxMessage } from './outbox';

/** The message among the conversation's newest, if an earlier attempt reached Ouro after all. */
export async function findDeliveredMessage(client: OuroClient, message: OutboxMessage, signal?: AbortSignal): Promise<MessageRow | null> {
  const page = await client.conversations.messages(message.conversationId, { limit: 50, ...(signal ? { signal } : {}) });
  const found = page.messages.find((m) => m.id.toLowerCase() === message.clientId.toLowerCase());
  return found ? toMessageRow(found) : null;
}
