// Sync folders in React Query: the list main keeps (`sync:list`), kept current by `sync:changed`
// deltas, and the person's actions on it. SyncFeature subscribes to the events once.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import type { SyncDelta, SyncSnapshot } from '../../../shared/sync';
import { call } from '../ouro';

export const syncKey = ['sync', 'folders'] as const;

export function useSyncFolders() {
  return useQuery({ queryKey: syncKey, queryFn: () => call('sync:list'), staleTime: Infinity });
}

/** Folds a delta into the cached list: changed views replace theirs (new ones are appended), removed ones go. */
export function applySyncDelta(queryClient: QueryClient, delta: SyncDelta): void {
  queryClient.setQueryData<SyncSnapshot>(syncKey, (old) => {
    if (!old) return old;
    const changed = new Map(delta.folders.map((f) => [f.id, f]));
    const removed = new Set(delta.removed);
    const folders = old.folders.filter((f) => !removed.has(f.id)).map((f) => changed.get(f.id) ?? f);
    for (const f of delta.folders) if (!removed.has(f.id) && !old.folders.some((o) => o.id === f.id)) folders.push(f);
    return { folders };
  });
}

export function useAddSyncFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'sync:add'>) => call('sync:add', input),
    onSuccess: (view) => applySyncDelta(queryClient, { folders: [view], removed: [] }),
  });
}

export function useUpdateSyncFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'sync:update'>) => call('sync:update', input),
    onSuccess: (view) => applySyncDelta(queryClient, { folders: [view], removed: [] }),
  });
}

export function useRemoveSyncFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('sync:remove', { id }),
    onSuccess: (_void, id) => applySyncDelta(queryClient, { folders: [], removed: [id] }),
  });
}
