// What a change in the upload queue does to the cache, the one place `uploads:changed` is
// interpreted: main sends numbered deltas (never the whole queue), applied in order to the
// queue's copy; a missed one, or main's "resync" (a big burst, another account), has the queue
// read whole again (`uploads:list`), with deltas that arrive meanwhile replayed on top. An upload
// that just finished refreshes the Files and Datasets lists (by their first page), so the new
// asset shows without a manual refresh; nothing else is touched (a dataset's open row blocks stay).
import type { QueryClient } from '@tanstack/react-query';
import type { UploadsDelta, UploadsSnapshot } from '../../../shared/uploads';
import { call } from '../ouro';
import { refreshInfiniteLists } from '../queries/infinite-lists';
import { queryKeys } from '../queries/keys';
import { applyDelta, replay } from './apply-delta';

/** Re-reads in a row before settling for a snapshot that deltas overtook (the next delta heals it). */
const MAX_READS = 3;

/** Per cache: deltas that arrived while the queue is being read, to replay on top of the read. */
const reading = new WeakMap<QueryClient, UploadsDelta[]>();

function doneIds(snapshot: UploadsSnapshot | undefined): Set<string> {
  return new Set(snapshot?.items.filter((item) => item.state === 'done').map((item) => item.id));
}

/** Refreshes the lists when `next` has an upload done that `before` did not. */
function noteFinished(queryClient: QueryClient, before: UploadsSnapshot | undefined, next: UploadsSnapshot): void {
  // Without a previous state there is nothing to compare with: the lists load fresh anyway.
  if (!before) return;
  const wasDone = doneIds(before);
  if ([...doneIds(next)].some((id) => !wasDone.has(id))) {
    refreshInfiniteLists(queryClient, (key) => key[0] === queryKeys.assetLists.all()[0]);
  }
}

export function applyUploadsChanged(queryClient: QueryClient, delta: UploadsDelta): void {
  const buffered = reading.get(queryClient);
  if (buffered) {
    buffered.push(delta);
    return;
  }
  const before = queryClient.getQueryData<UploadsSnapshot>(queryKeys.uploads.queue());
  if (!before) return; // nothing shown yet: the first read includes this change
  const outcome = applyDelta(before, delta);
  if (outcome.kind === 'applied') {
    queryClient.setQueryData(queryKeys.uploads.queue(), outcome.snapshot);
    noteFinished(queryClient, before, outcome.snapshot);
  } else if (outcome.kind === 'refetch') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.uploads.queue() });
  }
}

/** The queue's query function: the whole queue, with the deltas that raced the read applied. */
export async function readUploadsQueue(queryClient: QueryClient): Promise<UploadsSnapshot> {
  const buffered: UploadsDelta[] = [];
  reading.set(queryClient, buffered);
  try {
    for (let read = 1; ; read++) {
      buffered.length = 0;
      const result = replay(await call('uploads:list'), buffered);
      if (!result.stale || read >= MAX_READS) {
        noteFinished(queryClient, queryClient.getQueryData<UploadsSnapshot>(queryKeys.uploads.queue()), result.snapshot);
        return result.snapshot;
      }
    }
  } finally {
    if (reading.get(queryClient) === buffered) reading.delete(queryClient);
  }
}
