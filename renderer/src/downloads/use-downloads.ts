// The Downloads list (single saves, bulk downloads): read once, then kept current from main's
// `downloads:changed` deltas (upserts by id, then removals), in the React Query cache.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DownloadsDelta, DownloadsSnapshot } from '../../../shared/actions';
import { useOuroEvent } from '../events';
import { call } from '../ouro';

const KEY = ['downloads', 'list'] as const;

export function applyDownloadsDelta(snapshot: DownloadsSnapshot, delta: DownloadsDelta): DownloadsSnapshot {
  const byId = new Map(snapshot.items.map((item) => [item.id, item]));
  for (const item of delta.upserted) byId.set(item.id, item);
  for (const id of delta.removed) byId.delete(id);
  return { ...snapshot, items: [...byId.values()].sort((a, b) => a.createdAt - b.createdAt) };
}

export function useDownloads() {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => call('downloads:list'), staleTime: Infinity });
  useOuroEvent('downloads:changed', (delta) => {
    const current = queryClient.getQueryData<DownloadsSnapshot>(KEY);
    if (current) queryClient.setQueryData(KEY, applyDownloadsDelta(current, delta));
    else void queryClient.invalidateQueries({ queryKey: KEY });
  });
  // After a gap in the event stream, read the whole list again.
  useOuroEvent('events:reconnected', () => void queryClient.invalidateQueries({ queryKey: KEY }));
  return list;
}
