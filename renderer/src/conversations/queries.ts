// React Query state for conversations: my conversations (offset pages, infinite scroll), one
// conversation, and its messages — newest page first, then older pages through the `before`
// cursor. Keys come from queries/keys.ts.
import { useQuery } from '@tanstack/react-query';
import type { ConversationPage, ConversationRow, MessageRow, MessagesPage } from '../../../shared/browse';
import { call } from '../ouro';
import { useInfiniteList } from '../queries/infinite-lists';
import { queryKeys } from '../queries/keys';

export const CONVERSATIONS_PAGE_SIZE = 50;
export const MESSAGES_PAGE_SIZE = 50;

const fetchConversations = (offset: number) => call('conversations:list', { offset, limit: CONVERSATIONS_PAGE_SIZE });

export function useConversationList() {
  return useInfiniteList({
    queryKey: queryKeys.conversations.list(),
    queryFn: ({ pageParam }) => fetchConversations(pageParam),
    fetchFirst: () => fetchConversations(0),
    ids: (page: ConversationPage) => page.items.map((item) => item.id),
    initialPageParam: 0,
    getNextPageParam: (last: ConversationPage) => (last.hasMore ? last.nextOffset : undefined),
  });
}

/**
 * One conversation's title and members. Seeded with the list's row (as fresh as the list page
 * it came from), so opening a conversation asks Ouro again only once that row has gone stale.
 */
export function useConversation(id: string, fromList?: { row: ConversationRow; updatedAt: number }) {
  return useQuery({
    queryKey: queryKeys.conversations.detail(id),
    queryFn: () => call('conversations:get', { id }),
    ...(fromList ? { initialData: fromList.row, initialDataUpdatedAt: fromList.updatedAt } : {}),
  });
}

const fetchMessages = (id: string, before: string | null) =>
  call('conversations:messages', before ? { id, before, limit: MESSAGES_PAGE_SIZE } : { id, limit: MESSAGES_PAGE_SIZE });

/** "Next" pages here are older ones; a refresh re-reads only the newest page. */
export function useConversationMessages(id: string) {
  return useInfiniteList({
    queryKey: queryKeys.conversations.messages(id),
    queryFn: ({ pageParam }) => fetchMessages(id, pageParam),
    fetchFirst: () => fetchMessages(id, null),
    ids: (page: MessagesPage) => page.messages.map((message) => message.id),
    initialPageParam: null as string | null,
    getNextPageParam: (last: MessagesPage) => (last.hasMore && last.nextBefore ? last.nextBefore : undefined),
  });
}

/** All loaded pages as one oldest→newest list, without duplicates at page boundaries. */
export function flattenMessages(pages: readonly MessagesPage[] | undefined): MessageRow[] {
  if (!pages) return [];
  const seen = new Set<string>();
  const out: MessageRow[] = [];
  // pages[0] is the newest page; each later page is older.
  for (let p = pages.length - 1; p >= 0; p--) {
    for (const message of pages[p]?.messages ?? []) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      out.push(message);
    }
  }
  return out;
}

/**
 * The newest message of a conversation, for the list's second line. Asked only for rows on
 * screen (the list renders only those), and kept a while: it is a preview, not the conversation.
 */
export function useLatestMessage(id: string) {
  return useQuery({
    queryKey: queryKeys.conversations.latest(id),
    queryFn: async () => (await call('conversations:messages', { id, limit: 1 })).messages.at(-1) ?? null,
    staleTime: 60_000,
  });
}

/** The first words of a message, as plain text on one line (Markdown marks dropped). */
export function firstWords(text: string, max = 120): string {
  const plain = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*>#~|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
