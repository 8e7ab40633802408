// The conversations channels: my conversations (offset-paged), one conversation, and its
// messages (cursor-paged backwards in time). Maps Ouro's records to the slim display types of
// shared/browse.ts, including a title for unnamed conversations built from the members' names.
import type { ConversationRow, MessageRow } from '../../shared/browse';
import type { Conversation, Message } from '../ouro/models';
import type { AccountService } from '../account/account-service';
import type { Handlers } from '../ipc/handlers';
import type { Logger } from '../log';
import { createViewRecorder } from './view-records';

export interface ConversationHandlerDeps {
  account: AccountService;
  log: Logger;
}

export type ConversationHandlers = Pick<Handlers, 'conversations:list' | 'conversations:get' | 'conversations:messages'>;

/**
 * Members' usernames in membership order. Membership lives in `metadata.members` (ids); `users`
 * is the expanded profiles and may be missing or partial, so ids without a profile are skipped
 * rather than shown as uuids.
 */
function memberProfiles(conversation: Conversation): { id: string | null; name: string }[] {
  const byId = new Map<string, string>();
  const unkeyed: string[] = [];
  for (const user of conversation.users ?? []) {
    const name = user.username;
    if (!name) continue;
    const id = user.user_id ?? user.id;
    if (id) byId.set(id, name);
    else unkeyed.push(name);
  }
  const ids = conversation.metadata?.members ?? [];
  const seen = new Set<string>();
  const out: { id: string | null; name: string }[] = [];
  for (const id of ids) {
    const name = byId.get(id);
    if (name && !seen.has(id)) {
      seen.add(id);
      out.push({ id, name });
    }
  }
  // Profiles Ouro expanded for members it did not list (or when it sent no member ids at all).
  for (const [id, name] of byId) if (!seen.has(id)) out.push({ id, name });
  for (const name of unkeyed) out.push({ id: null, name });
  return out;
}

export function toConversationRow(conversation: Conversation, myUserId: string | null): ConversationRow {
  const members = memberProfiles(conversation);
  const others = members.filter((m) => m.id === null || m.id !== myUserId);
  const includesMe = members.length > others.length;
  // A conversation with only me in it is titled with my own name rather than nothing.
  const shown = (others.length > 0 ? others : members).map((m) => m.name);
  // An unnamed conversation is named from who is in it, me first as "You": "You, carol-agent".
  const fromMembers = others.length > 0 ? [...(includesMe ? ['You'] : []), ...shown] : shown;
  return {
    id: conversation.id,
    title: conversation.name ?? (fromMembers.length > 0 ? fromMembers.join(', ') : 'Untitled conversation'),
    memberNames: shown,
    lastActivity: conversation.last_updated ?? conversation.created_at ?? null,
    summary: conversation.summary ?? conversation.metadata?.summary ?? null,
  };
}

export function toMessageRow(message: Message): MessageRow {
  return {
    id: message.id,
    authorName: message.user?.username ?? 'Unknown member',
    authorId: message.user_id ?? message.user?.user_id ?? null,
    text: message.text ?? '',
    createdAt: message.created_at,
    seq: message.seq ?? null,
    type: message.type ?? null,
  };
}

export function createConversationHandlers(deps: ConversationHandlerDeps): ConversationHandlers {
  const recordView = createViewRecorder(deps.log);
  /** Who "me" is, to leave myself out of unnamed conversations' titles. */
  async function myUserId(): Promise<string | null> {
    const state = await deps.account.state();
    return state.status === 'signed-in' ? (state.user?.id ?? null) : null;
  }

  return {
    async 'conversations:list'({ offset, limit }) {
      const client = deps.account.client();
      const [page, me] = await Promise.all([client.conversations.list({ offset, limit }), myUserId()]);
      return { items: page.items.map((c) => toConversationRow(c, me)), hasMore: page.hasMore, nextOffset: page.nextOffset };
    },

    async 'conversations:get'({ id }) {
      const client = deps.account.client();
      const [conversation, me] = await Promise.all([client.conversations.get(id), myUserId()]);
      recordView(client, id);
      return toConversationRow(conversation, me);
    },

    async 'conversations:messages'({ id, before, limit }) {
      const page = await deps.account.client().conversations.messages(id, before === undefined ? { limit } : { before, limit });
      // The client already sorted the page oldest first (created_at, then seq).
      return { messages: page.messages.map(toMessageRow), hasMore: page.hasMore, nextBefore: page.nextBefore };
    },
  };
}
