// Request bodies of the conversation routes, from ouro-api.md §6.2–§6.3: membership in
// `metadata.members`, messages as markdown `text` plus its TipTap `json`.
import { z } from 'zod';
import { attribution, uuid } from './common';

const members = z.array(uuid);
const tiptapDoc = z.looseObject({ type: z.string(), content: z.array(z.unknown()).optional() });

/** `POST /conversations/create`: whether the creator is added by itself is [unknown], so members are sent. */
export const ConversationCreateBody = z.looseObject({
  conversation: z.looseObject({
    id: uuid.optional(),
    name: z.string().max(255).nullish(),
    summary: z.string().nullish(),
    org_id: uuid.nullish(),
    team_id: uuid.nullish(),
    license_id: z.string().nullish(),
    metadata: z.looseObject({ members }),
    attribution: attribution.nullish(),
  }),
});

/** `PUT /conversations/{id}`. */
export const ConversationUpdateBody = z.looseObject({
  conversation: z.looseObject({
    name: z.string().max(255).nullish(),
    summary: z.string().nullish(),
    license_id: z.string().nullish(),
    attribution: attribution.nullish(),
    metadata: z.looseObject({ members: members.optional() }).nullish(),
  }),
});

/** `POST /conversations/{id}/messages/create`: the SDK converts markdown first and sends both. */
export const MessageCreateBody = z.looseObject({
  message: z.looseObject({
    id: uuid.optional(),
    text: z.string(),
    json: tiptapDoc,
    type: z.enum(['message', 'reasoning', 'tool_call']).optional(),
    user_id: uuid.optional(),
    turn_id: z.string().optional(),
    seq: z.number().int().optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  }),
});

/** `PATCH /conversations/{id}/messages/{message_id}`: only the changed fields. */
export const MessagePatchBody = z.looseObject({
  message: z.looseObject({ text: z.string().optional(), json: tiptapDoc.optional(), metadata: z.record(z.string(), z.unknown()).nullish() }),
});

/** `POST /utilities/convert/from-markdown`. */
export const FromMarkdownBody = z.looseObject({ markdown: z.string() });
