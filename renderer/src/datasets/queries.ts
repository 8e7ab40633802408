// React Query state for one dataset's details: its record (schema + row count), its rows in
// fixed blocks cached per (dataset, block), and the CSV export. Keys are rooted at ['datasets'].
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import type { DatasetRowsPage } from '../../../shared/browse';
import { call } from '../ouro';

/** Rows per `datasets:rows` call: Ouro's page maximum, so a block is one request. */
export const ROWS_BLOCK_SIZE = 1000;

export const datasetKeys = {
  all: ['datasets'] as const,
  details: () => [...datasetKeys.all, 'detail'] as const,
  detail: (id: string) => [...datasetKeys.details(), id] as const,
  rowBlocks: (id: string) => [...datasetKeys.all, 'rows', id] as const,
  rows: (id: string, block: number) => [...datasetKeys.rowBlocks(id), block] as const,
};

export function useDatasetDetails(id: string) {
  return useQuery({ queryKey: datasetKeys.detail(id), queryFn: () => call('datasets:get', { id }) });
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
      queryKey: datasetKeys.rows(id, block),
      queryFn: () => fetchRowBlock(id, block),
      enabled: fetchEnabled,
      // Rows of a dataset rarely change while someone reads them; refetching blocks on focus
      // would re-download thousands of rows for nothing.
      staleTime: 5 * 60_000,
      refetchOnWindowFocus: false,
    })),
  });
}

export function useExportDataset(id: string) {
  return useMutation({ mutationKey: [...datasetKeys.detail(id), 'export'], mutationFn: () => call('datasets:export', { id }) });
}
