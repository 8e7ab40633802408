// React Query hooks for the Files and Datasets lists, a file's record and preview, and a dataset's
// row count for list rows. Keys come from queries/keys.ts.
import { useQuery } from '@tanstack/react-query';
import type { AssetPage } from '../../../shared/browse';
import { call } from '../ouro';
import { useInfiniteList } from '../queries/infinite-lists';
import { queryKeys, type SearchInput } from '../queries/keys';

export type { SearchInput } from '../queries/keys';

export const PAGE_SIZE = 200;

const fetchAssetPage = (input: SearchInput, offset: number) => call('assets:search', { ...input, offset, limit: PAGE_SIZE });

export function useAssetList(input: SearchInput) {
  return useInfiniteList({
    queryKey: queryKeys.assetLists.list(input),
    queryFn: ({ pageParam }) => fetchAssetPage(input, pageParam),
    fetchFirst: () => fetchAssetPage(input, 0),
    ids: (page: AssetPage) => page.items.map((item) => item.id),
    initialPageParam: 0,
    getNextPageParam: (last: AssetPage) => (last.hasMore && last.items.length > 0 ? last.nextOffset : undefined),
  });
}

export function useFileRecord(id: string) {
  return useQuery({ queryKey: queryKeys.file.record(id), queryFn: () => call('files:get', { id }) });
}

export function useFilePreview(id: string) {
  // Previews are heavier and rarely change: keep them a while.
  return useQuery({ queryKey: queryKeys.file.preview(id), queryFn: () => call('files:preview', { id }), staleTime: 5 * 60_000 });
}

export function useDatasetRowCount(id: string) {
  return useQuery({ queryKey: queryKeys.dataset.stats(id), queryFn: () => call('datasets:stats', { id }), staleTime: 5 * 60_000 });
}
