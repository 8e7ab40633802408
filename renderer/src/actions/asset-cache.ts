// Edits and deletes show at once in every loaded Files/Datasets list page (optimistic), and go
// back exactly as they were when Ouro refuses: a snapshot of the list queries is the undo.
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { AssetPage, AssetRow } from '../../../shared/browse';
import { queryKeys } from '../queries/keys';

type ListData = InfiniteData<AssetPage, number>;
export type ListsSnapshot = Array<[QueryKey, ListData | undefined]>;

function mapLists(queryClient: QueryClient, map: (page: AssetPage) => AssetPage): ListsSnapshot {
  const snapshot = queryClient.getQueriesData<ListData>({ queryKey: queryKeys.assetLists.all() });
  for (const [key, data] of snapshot) {
    if (data) queryClient.setQueryData<ListData>(key, { ...data, pages: data.pages.map(map) });
  }
  return snapshot;
}

/** Patches the rows with these ids everywhere they are loaded; returns the undo. */
export function patchRows(queryClient: QueryClient, ids: readonly string[], patch: (row: AssetRow) => AssetRow): ListsSnapshot {
  const wanted = new Set(ids);
  return mapLists(queryClient, (page) => (page.items.some((r) => wanted.has(r.id)) ? { ...page, items: page.items.map((r) => (wanted.has(r.id) ? patch(r) : r)) } : page));
}

/** Takes deleted rows out of every loaded page (and the known totals down with them). */
export function removeRows(queryClient: QueryClient, ids: readonly string[]): ListsSnapshot {
  const gone = new Set(ids);
  return mapLists(queryClient, (page) => {
    const items = page.items.filter((r) => !gone.has(r.id));
    const removed = page.items.length - items.length;
    return removed === 0 ? page : { ...page, items, total: page.total === null ? null : Math.max(0, page.total - removed) };
  });
}

export function restoreLists(queryClient: QueryClient, snapshot: ListsSnapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}

/** Main's row after an edit: keep the count we had when the answer has none (datasets' come from /stats). */
export function settleRow(queryClient: QueryClient, row: AssetRow): void {
  patchRows(queryClient, [row.id], (old) => ({ ...row, rowCount: row.rowCount ?? old.rowCount, snippet: old.snippet }));
  const record = row.assetType === 'dataset' ? queryKeys.dataset.record(row.id) : queryKeys.file.record(row.id);
  void queryClient.invalidateQueries({ queryKey: record });
}
