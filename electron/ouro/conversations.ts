// Conversations (offset-paged list, retrieve) and their messages (cursor-paged backwards in
// time with `before`; ouro-api.md §6.2), and sending one: markdown converted as §6.3 says, under a
// client-chosen id so a retry never duplicates.
import { z } from 'zod';
import {
  ConversationSchema,
  CursorPaginationSchema,
  MessageSchema,
  type Conversation,
  type Message,
  type Page,
} from './models';
import { AppError, isAppError } from '../../shared/app-error';
import { validate } from './envelope';
import { pathOf, type Http } from './http';
import { clampLimit, clampOffset, offsetPage } from './search';
import type { CallOptions } from './types';

export const MESSAGES_MAX_LIMIT = 200;
export const MESSAGES_DEFAULT_LIMIT = 50;
export const CONVERSATIONS_DEFAULT_LIMIT = 20;
export const CONVERSATIONS_MAX_LIMIT = 200;

export interface ConversationListParams extends CallOptions {
  offset?: number;
  limit?: number;
  orgId?: string;
}

export interface MessagesParams extends CallOptions {
  /** ISO timestamp: only messages older than this. Absent = the newest page. */
  before?: string;
  limit?: number;
}

export interface MessagesPage {
  /** Oldest first. */
  messages: Message[];
  hasMore: boolean;
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextBefore: string | null;
}

export interface SendMessageParams extends CallOptions {
  /** Client-chosen uuid: the stored row gets it, and a retry with it can never duplicate. */
  id: string;
  /** Markdown, as typed. */
  markdown: string;
}

export interface SendResult {
  message: Message;
  /** Ouro answered 409 for this id: an earlier attempt stored it, and this is that message. */
  alreadySent: boolean;
}

/** `POST /utilities/convert/from-markdown` answers top-level `{json, markdown}`, no envelope (§6.3). */
const ConversionSchema = z.looseObject({
  json: z.looseObject({ type: z.string(), content: z.array(z.unknown()).optional() }),
  markdown: z.string().nullish().catch(undefined),
});
export type Conversion = { json: z.output<typeof ConversionSchema>['json']; markdown: string };

/** How far back a 409 looks for the message it says exists (newest pages of the maximum size). */
const DUPLICATE_LOOKUP_PAGES = 3;

export interface ConversationsApi {
  list(params?: ConversationListParams): Promise<Page<Conversation>>;
  get(id: string, options?: CallOptions): Promise<Conversation>;
  messages(id: string, params?: MessagesParams): Promise<MessagesPage>;
  /** Markdown → TipTap doc and Ouro's normalised markdown, the way the SDK converts before sending. */
  fromMarkdown(markdown: string, options?: CallOptions): Promise<Conversion>;
  /**
   * Converts, then `POST /conversations/{id}/messages/create` with `{message: {id, text, json}}`.
   * A 409 for the id means an earlier attempt went through: that message is fetched and returned.
   */
  sendMessage(conversationId: string, params: SendMessageParams): Promise<SendResult>;
}

function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/**
 * The server's in-page order is ambiguous (newest-first per ouro-mcp, reversed per ouro-py), so
 * sort locally: created_at, then seq (messages of one turn can share a timestamp), then id.
 */
export function sortMessages(messages: readonly Message[]): Message[] {
  return [...messages].sort((a, b) => {
    const byTime = timeOf(a.created_at) - timeOf(b.created_at);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
    const bySeq = (a.seq ?? 0) - (b.seq ?? 0);
    if (bySeq !== 0) return bySeq;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export function createConversations(http: Http): ConversationsApi {
  const api: ConversationsApi = {
    async list(params = {}) {
      const offset = clampOffset(params.offset);
      const limit = clampLimit(params.limit, CONVERSATIONS_DEFAULT_LIMIT, CONVERSATIONS_MAX_LIMIT);
      const { body, facts } = await http.json({
        method: 'GET',
        path: '/conversations',
        query: { offset, limit, org_id: params.orgId?.trim() || undefined },
        ...(params.signal ? { signal: params.signal } : {}),
      });
      const items = validate(z.array(ConversationSchema), body['data'], 'data', facts);
      return offsetPage(items, body['pagination'], offset, limit);
    },
    get: (id, options) => http.data({ method: 'GET', path: pathOf`/conversations/${id}`, ...options }, ConversationSchema),
    async messages(id, params = {}) {
      const limit = clampLimit(params.limit, MESSAGES_DEFAULT_LIMIT, MESSAGES_MAX_LIMIT);
      const { body, facts } = await http.json({
        method: 'GET',
        path: pathOf`/conversations/${id}/messages`,
        query: { limit, before: params.before?.trim() || undefined },
        ...(params.signal ? { signal: params.signal } : {}),
      });
      const messages = sortMessages(validate(z.array(MessageSchema), body['data'], 'data', facts));
      const parsed = CursorPaginationSchema.safeParse(body['pagination']);
      const pagination = parsed.success ? parsed.data : undefined;
      // Older backends put `hasMore` at the top level instead of in `pagination`.
      const topLevel = typeof body['hasMore'] === 'boolean' ? body['hasMore'] : undefined;
      const hasMore = messages.length > 0 && (pagination?.hasMore ?? topLevel ?? messages.length >= limit);
      const oldest = messages[0]?.created_at;
      const nextBefore = hasMore ? (pagination?.nextCursor?.before ?? oldest ?? null) : null;
      return { messages, hasMore, nextBefore };
    },
    async fromMarkdown(markdown, options) {
      // A pure conversion: repeating it after a transient failure is harmless.
      const { body, facts } = await http.json(
        { method: 'POST', path: '/utilities/convert/from-markdown', body: { markdown }, idempotent: true, ...options },
        { envelope: false },
      );
      const conversion = validate(ConversionSchema, body, 'body', facts);
      return { json: conversion.json, markdown: conversion.markdown ?? markdown };
    },
    async sendMessage(conversationId, params) {
      const call = params.signal ? { signal: params.signal } : {};
      const { json, markdown } = await api.fromMarkdown(params.markdown, call);
      try {
        // Not retried automatically: the person sees "failed" and retries with the same id.
        const message = await http.data(
          { method: 'POST', path: pathOf`/conversations/${conversationId}/messages/create`, body: { message: { id: params.id, text: markdown, json } }, ...call },
          MessageSchema,
        );
        return { message, alreadySent: false };
      } catch (error) {
        if (!isAppError(error) || error.kind !== 'conflict') throw error;
        const stored = await findMessage(conversationId, params.id, call);
        if (stored) return { message: stored, alreadySent: true };
        // A 409 for an id we cannot find: not ours to paper over.
        throw new AppError({ ...error.toData(), message: `Ouro already has a message with this id, but it is not in this conversation's recent messages (${error.message})` });
      }
    },
  };

  async function findMessage(conversationId: string, id: string, call: CallOptions): Promise<Message | undefined> {
    let before: string | undefined;
    for (let page = 0; page < DUPLICATE_LOOKUP_PAGES; page++) {
      const result = await api.messages(conversationId, { ...call, limit: MESSAGES_MAX_LIMIT, ...(before ? { before } : {}) });
      const found = result.messages.find((m) => m.id.toLowerCase() === id.toLowerCase());
      if (found) return found;
      if (!result.hasMore || !result.nextBefore) return undefined;
      before = result.nextBefore;
    }
    return undefined;
  }

  return api;
}
