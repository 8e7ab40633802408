// Conversations (offset-paged list, retrieve) and their messages (cursor-paged backwards in
// time with `before`; ouro-api.md §6.2).
import { z } from 'zod';
import {
  ConversationSchema,
  CursorPaginationSchema,
  MessageSchema,
  type Conversation,
  type Message,
  type Page,
} from '../../shared/ouro-models';
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

export interface ConversationsApi {
  list(params?: ConversationListParams): Promise<Page<Conversation>>;
  get(id: string, options?: CallOptions): Promise<Conversation>;
  messages(id: string, params?: MessagesParams): Promise<MessagesPage>;
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
  return {
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
  };
}
