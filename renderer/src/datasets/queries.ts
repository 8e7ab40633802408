// React Query state for one dataset: its record (schema + row count) and its rows in fixed
// blocks cached per (dataset, block). Keys come from queries/keys.ts, under the 'dataset' root.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DatasetRowsPage } from '../../../shared/browse';
import { call } from '../ouro';
import { liveCall, useCacheSeed } from '../queries/answer-cache';
import { queryKeys } from '../queries/keys';

/** Rows per `datasets:rows` call: Ouro's page maximum, so a block is one request. */
export const ROWS_BLOCK_SIZE = 1000;

/** Starts from main's kept answer, if any (queries/answer-cache.ts), and refreshes it from Ouro. */
export function useDatasetRecord(id: string) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.dataset.record(id);
  const ready = useCacheSeed(queryKey, { channel: 'datasets:get', input: { id } });
  return useQuery({ queryKey, queryFn: () => liveCall(queryClient, queryKey, 'datasets:get', { id }), enabled: ready });
}

export function fetchRowBlock(id: string, block: number): Promise<DatasetRowsPage> {
  return call('datasets:rows', { id, offset: block * ROWS_BLOCK_SIZE, limit: ROWS_BLOCK_SIZE });
}

/**
 * The given blocks of a dataset's rows. Only blocks asked for are fetched; `fetchEnabled` false
 * (while the grid is being flung past) reads whatever is cached without starting requests.
 */
export function useRowBlocks(id: string, blocks: readonly number[], fetchEnabled: boolean) {
  return useQueries({
    queries: blocks.map((block) => ({
      queryKey: queryKeys.dataset.rows(id, block),
      queryFn: () => fetchRowBlock(id, block),
      enabled: fetchEnabled,
      // Rows of a dataset rarely change while someone reads them; refetching blocks on focus
      // would re-download thousands of rows for nothing.
      staleTime: 5 * 60_000,
      refetchOnWindowFocus: false,
    })),
  });
}
