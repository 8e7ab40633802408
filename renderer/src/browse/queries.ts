// React Query keys and hooks for the Files and Datasets lists and file details. Keys are rooted
// at 'files' and 'datasets' so anything that changes them (an upload) can invalidate the root.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { call } from '../ouro';

export type SearchInput = Omit<ChannelInput<'assets:search'>, 'offset' | 'limit'>;

export const PAGE_SIZE = 200;

export const orgKeys = { all: ['orgs'] as const };
export const fileKeys = {
  all: ['files'] as const,
  list: (input: SearchInput) => ['files', 'list', input] as const,
  detail: (id: string) => ['files', 'detail', id] as const,
  preview: (id: string) => ['files', 'preview', id] as const,
};
export const datasetListKeys = {
  all: ['datasets'] as const,
  list: (input: SearchInput) => ['datasets', 'list', input] as const,
  stats: (id: string) => ['datasets', 'stats', id] as const,
};

export function useDestinations() {
  return useQuery({ queryKey: orgKeys.all, queryFn: () => call('orgs:list'), staleTime: 5 * 60_000 });
}

export function useAssetList(input: SearchInput) {
  const key = input.section === 'files' ? fileKeys.list(input) : datasetListKeys.list(input);
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => call('assets:search', { ...input, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.hasMore && last.items.length > 0 ? last.nextOffset : undefined),
  });
}

export function useFileDetails(id: string) {
  return useQuery({ queryKey: fileKeys.detail(id), queryFn: () => call('files:get', { id }) });
}

export function useFilePreview(id: string) {
  // Previews are heavier and rarely change: keep them a while.
  return useQuery({ queryKey: fileKeys.preview(id), queryFn: () => call('files:preview', { id }), staleTime: 5 * 60_000 });
}

export function useDatasetRowCount(id: string) {
  return useQuery({ queryKey: datasetListKeys.stats(id), queryFn: () => call('datasets:stats', { id }), staleTime: 5 * 60_000 });
}
