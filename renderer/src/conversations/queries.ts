// React Query state for conversations: my conversations (offset pages, infinite scroll), one
// conversation, and its messages — newest page first, then older pages through the `before`
// cursor. Keys come from queries/keys.ts. The list, the newest messages and each row's latest
// message start from main's kept answers (queries/answer-cache.ts) and refresh from Ouro.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConversationPage, ConversationRow, MessageRow, MessagesPage } from '../../../shared/browse';
import type { ChannelInput } from '../../../shared/contract';
import { call } from '../ouro';
import { liveCall, useCacheSeed } from '../queries/answer-cache';
import { useInfiniteList } from '../queries/infinite-lists';
import { queryKeys } from '../queries/keys';

export const CONVERSATIONS_PAGE_SIZE = 50;
export const MESSAGES_PAGE_SIZE = 50;

const FIRST_CONVERSATIONS = { offset: 0, limit: CONVERSATIONS_PAGE_SIZE } as const;

export function useConversationList() {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.conversations.list();
  const ready = useCacheSeed(queryKey, { channel: 'conversations:list', input: FIRST_CONVERSATIONS, firstPageParam: 0 });
  const fetchFirst = () => liveCall(queryClient, queryKey, 'conversations:list', FIRST_CONVERSATIONS);
  return useInfiniteList({
    queryKey,
    queryFn: ({ pageParam }) => (pageParam === 0 ? fetchFirst() : call('conversations:list', { offset: pageParam, limit: CONVERSATIONS_PAGE_SIZE })),
    fetchFirst,
    ids: (page: ConversationPage) => page.items.map((item) => item.id),
    initialPageParam: 0,
    getNextPageParam: (last: ConversationPage) => (last.hasMore ? last.nextOffset : undefined),
    enabled: ready,
  });
}

/**
 * One conversation's title and members. Seeded with the list's row (as fresh as the list page
 * it came from), so opening a conversation asks Ouro again only once that row has gone stale.
 */
export function useConversation(id: string, fromList?: { row: ConversationRow; updatedAt: number }, enabled = true) {
  return useQuery({
    queryKey: queryKeys.conversations.detail(id),
    queryFn: () => call('conversations:get', { id }),
    enabled,
    ...(fromList ? { initialData: fromList.row, initialDataUpdatedAt: fromList.updatedAt } : {}),
  });
}

const newestInput = (id: string): ChannelInput<'conversations:messages'> => ({ id, limit: MESSAGES_PAGE_SIZE });

/** "Next" pages here are older ones; a refresh re-reads only the newest page. */
export function useConversationMessages(id: string) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.conversations.messages(id);
  const ready = useCacheSeed(queryKey, { channel: 'conversations:messages', input: newestInput(id), firstPageParam: null });
  const fetchFirst = () => liveCall(queryClient, queryKey, 'conversations:messages', newestInput(id));
  return useInfiniteList({
    queryKey,
    queryFn: ({ pageParam }) => (pageParam === null ? fetchFirst() : call('conversations:messages', { id, before: pageParam, limit: MESSAGES_PAGE_SIZE })),
    fetchFirst,
    ids: (page: MessagesPage) => page.messages.map((message) => message.id),
    initialPageParam: null as string | null,
    getNextPageParam: (last: MessagesPage) => (last.hasMore && last.nextBefore ? last.nextBefore : undefined),
    enabled: ready,
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
  const queryClient = useQueryClient();
  const queryKey = queryKeys.conversations.latest(id);
  const input = { id, limit: 1 };
  const latest = (page: MessagesPage) => page.messages.at(-1) ?? null;
  const ready = useCacheSeed(queryKey, { channel: 'conversations:messages', input, shape: latest });
  return useQuery({
    queryKey,
    queryFn: async () => latest(await liveCall(queryClient, queryKey, 'conversations:messages', input)),
    staleTime: 60_000,
    enabled: ready,
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
