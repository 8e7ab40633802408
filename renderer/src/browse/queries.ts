// React Query hooks for the Files and Datasets lists, a file's record and preview, and a dataset's
// row count for list rows. Keys come from queries/keys.ts. Each starts from main's kept answer
// when there is one (queries/answer-cache.ts) and refreshes it from Ouro.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssetPage } from '../../../shared/browse';
import type { ChannelInput } from '../../../shared/contract';
import { call } from '../ouro';
import { liveCall, useCacheSeed } from '../queries/answer-cache';
import { useInfiniteList } from '../queries/infinite-lists';
import { queryKeys, type SearchInput } from '../queries/keys';

export type { SearchInput } from '../queries/keys';

export const PAGE_SIZE = 200;

const pageInput = (input: SearchInput, offset: number): ChannelInput<'assets:search'> => ({ ...input, offset, limit: PAGE_SIZE });

export function useAssetList(input: SearchInput) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.assetLists.list(input);
  // Only the first page of a list that is not a typed search is kept by main.
  const ready = useCacheSeed(queryKey, { channel: 'assets:search', input: pageInput(input, 0), firstPageParam: 0, enabled: !input.query });
  const fetchFirst = () => liveCall(queryClient, queryKey, 'assets:search', pageInput(input, 0));
  return useInfiniteList({
    queryKey,
    queryFn: ({ pageParam }) => (pageParam === 0 ? fetchFirst() : call('assets:search', pageInput(input, pageParam))),
    fetchFirst,
    ids: (page: AssetPage) => page.items.map((item) => item.id),
    initialPageParam: 0,
    getNextPageParam: (last: AssetPage) => (last.hasMore && last.items.length > 0 ? last.nextOffset : undefined),
    enabled: ready,
  });
}

export function useFileRecord(id: string) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.file.record(id);
  const ready = useCacheSeed(queryKey, { channel: 'files:get', input: { id } });
  return useQuery({ queryKey, queryFn: () => liveCall(queryClient, queryKey, 'files:get', { id }), enabled: ready });
}

export function useFilePreview(id: string) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.file.preview(id);
  const ready = useCacheSeed(queryKey, { channel: 'files:preview', input: { id } });
  // Previews are heavier and rarely change: keep them a while.
  return useQuery({ queryKey, queryFn: () => liveCall(queryClient, queryKey, 'files:preview', { id }), staleTime: 5 * 60_000, enabled: ready });
}

export function useDatasetRowCount(id: string) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.dataset.stats(id);
  const ready = useCacheSeed(queryKey, { channel: 'datasets:stats', input: { id } });
  return useQuery({ queryKey, queryFn: () => liveCall(queryClient, queryKey, 'datasets:stats', { id }), staleTime: 5 * 60_000, enabled: ready });
}
