// What a change in the upload queue does to the cache: the queue's new state replaces the old,
// and an upload that just finished refreshes the Files and Datasets lists (by their first page),
// so the new asset shows without a manual refresh. Nothing else is touched: a dataset's open row
// blocks stay as they are. The one place `uploads:changed` is interpreted.
import type { QueryClient } from '@tanstack/react-query';
import type { UploadsSnapshot } from '../../../shared/uploads';
import { refreshInfiniteLists } from '../queries/infinite-lists';
import { queryKeys } from '../queries/keys';

function doneIds(snapshot: UploadsSnapshot | undefined): Set<string> {
  return new Set(snapshot?.items.filter((item) => item.state === 'done').map((item) => item.id));
}

export function applyUploadsChanged(queryClient: QueryClient, snapshot: UploadsSnapshot): void {
  const before = queryClient.getQueryData<UploadsSnapshot>(queryKeys.uploads.queue());
  queryClient.setQueryData(queryKeys.uploads.queue(), snapshot);
  // Without a previous state there is nothing to compare with: the lists load fresh anyway.
  if (!before) return;
  const wasDone = doneIds(before);
  if ([...doneIds(snapshot)].some((id) => !wasDone.has(id))) {
    refreshInfiniteLists(queryClient, (key) => key[0] === queryKeys.assetLists.all()[0]);
  }
}
