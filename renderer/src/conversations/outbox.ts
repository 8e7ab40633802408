// Messages waiting in main's outbox (written offline, or refused and kept for a retry): read once
// (`outbox:list`) and kept current by `outbox:changed` (queries/main-events.ts). A delivered
// message goes into its conversation's newest page as Ouro stored it; only one delivered without
// its row (Ouro already had it) makes that page be read again.
import { useQuery, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { MessageRow, MessagesPage } from '../../../shared/browse';
import type { OutboxEntry, OutboxSnapshot } from '../../../shared/outbox';
import { call } from '../ouro';
import { queryKeys } from '../queries/keys';

export function applyOutboxChanged(queryClient: QueryClient, snapshot: OutboxSnapshot): void {
  queryClient.setQueryData<OutboxEntry[]>(queryKeys.outbox(), snapshot.entries);
  const conversations = new Set(snapshot.delivered.map((d) => d.conversationId));
  if (conversations.size === 0) return;
  for (const delivered of snapshot.delivered) {
    if (delivered.message) mergeNewest(queryClient, delivered.conversationId, [delivered.message]);
    else void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.messages(delivered.conversationId) });
  }
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'conversations' && q.queryKey[1] === 'latest' && conversations.has(q.queryKey[2] as string) });
}

export function useOutbox(): OutboxEntry[] {
  return useQuery({ queryKey: queryKeys.outbox(), queryFn: async () => (await call('outbox:list')).entries, staleTime: Infinity }).data ?? [];
}

/** Puts messages into the conversation's newest page (by id), keeping older pages as they are. */
export function mergeNewest(queryClient: QueryClient, conversationId: string, incoming: readonly MessageRow[]): number {
  let added = 0;
  queryClient.setQueryData<InfiniteData<MessagesPage, string | null>>(queryKeys.conversations.messages(conversationId), (data) => {
    const first = data?.pages[0];
    if (!data || !first) return data;
    const known = new Set(data.pages.flatMap((p) => p.messages.map((m) => m.id)));
    const fresh = incoming.filter((m) => !known.has(m.id));
    const byId = new Map(first.messages.map((m) => [m.id, m]));
    for (const m of incoming) if (byId.has(m.id)) byId.set(m.id, m);
    added = fresh.length;
    if (fresh.length === 0 && incoming.every((m) => !byId.has(m.id))) return data;
    const messages = [...byId.values(), ...fresh].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.seq ?? 0) - (b.seq ?? 0));
    return { ...data, pages: [{ ...first, messages }, ...data.pages.slice(1)] };
  });
  return added;
}
