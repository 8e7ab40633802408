// Messages waiting in main's outbox (written offline, or refused and kept for a retry): read once
// (`outbox:list`) and kept current by `outbox:changed` (queries/main-events.ts). A delivered
// message refreshes its conversation's newest page, where the real message takes its place.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { OutboxEntry, OutboxSnapshot } from '../../../shared/outbox';
import { call } from '../ouro';
import { refreshInfiniteLists } from '../queries/infinite-lists';
import { queryKeys } from '../queries/keys';

export function applyOutboxChanged(queryClient: QueryClient, snapshot: OutboxSnapshot): void {
  queryClient.setQueryData<OutboxEntry[]>(queryKeys.outbox(), snapshot.entries);
  const conversations = new Set(snapshot.delivered.map((d) => d.conversationId));
  if (conversations.size === 0) return;
  refreshInfiniteLists(queryClient, (key) => key[0] === 'conversations' && key[1] === 'messages' && conversations.has(key[2] as string));
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'conversations' && q.queryKey[1] === 'latest' && conversations.has(q.queryKey[2] as string) });
}

export function useOutbox(): OutboxEntry[] {
  return useQuery({ queryKey: queryKeys.outbox(), queryFn: async () => (await call('outbox:list')).entries, staleTime: Infinity }).data ?? [];
}
