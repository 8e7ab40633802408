// React Query state for conversations: my conversations (offset pages, infinite scroll), one
// conversation, and its messages — newest page first, then older pages through the `before`
// cursor. Keys are rooted at ['conversations'].
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ConversationRow, MessageRow, MessagesPage } from '../../../shared/browse';
import { call } from '../ouro';

export const CONVERSATIONS_PAGE_SIZE = 50;
export const MESSAGES_PAGE_SIZE = 50;

export const conversationKeys = {
  all: ['conversations'] as const,
  list: () => [...conversationKeys.all, 'list'] as const,
  detail: (id: string) => [...conversationKeys.all, 'detail', id] as const,
  messages: (id: string) => [...conversationKeys.all, 'messages', id] as const,
};

export function useConversationList() {
  return useInfiniteQuery({
    queryKey: conversationKeys.list(),
    queryFn: ({ pageParam }) => call('conversations:list', { offset: pageParam, limit: CONVERSATIONS_PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.hasMore ? last.nextOffset : undefined),
  });
}

/**
 * One conversation's title and members. Seeded with the list's row (as fresh as the list page
 * it came from), so opening a conversation asks Ouro again only once that row has gone stale.
 */
export function useConversation(id: string, fromList?: { row: ConversationRow; updatedAt: number }) {
  return useQuery({
    queryKey: conversationKeys.detail(id),
    queryFn: () => call('conversations:get', { id }),
    ...(fromList ? { initialData: fromList.row, initialDataUpdatedAt: fromList.updatedAt } : {}),
  });
}

/** "Next" pages here are older ones: the cursor walks backwards in time. */
export function useConversationMessages(id: string) {
  return useInfiniteQuery({
    queryKey: conversationKeys.messages(id),
    queryFn: ({ pageParam }) =>
      call('conversations:messages', pageParam ? { id, before: pageParam, limit: MESSAGES_PAGE_SIZE } : { id, limit: MESSAGES_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: MessagesPage) => (last.hasMore && last.nextBefore ? last.nextBefore : undefined),
    // Refetching on focus would re-read every page loaded so far, newest to oldest; a refresh
    // of the open conversation is the only thing worth doing, and staleTime covers it.
    refetchOnWindowFocus: false,
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
