// Saving an asset to disk — a file's Download…, a dataset's Export CSV…: main asks where, streams
// the bytes and reports progress (`downloads:progress`, put in the cache by queries/main-events.ts).
// This hook is the one way the renderer starts a save and follows it.
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DownloadProgress, SaveResult } from '../../../shared/browse';
import { formatBytes } from '../../../shared/format-bytes';
import { call } from '../ouro';
import { queryKeys } from '../queries/keys';

export type SaveChannel = 'files:download' | 'datasets:export';

export interface SaveDownload {
  start(): void;
  saving: boolean;
  /** Bytes so far (and the total when known) while saving. */
  progress: DownloadProgress | null;
  result: SaveResult | undefined;
  error: unknown;
  /** One line for a status region: progress, where it was saved, or that it was cancelled. */
  statusText: string;
}

function describe(saving: boolean, progress: DownloadProgress | null, result: SaveResult | undefined): string {
  if (saving) {
    if (!progress) return 'Saving…';
    return `Saving… ${formatBytes(progress.bytes)}${progress.total ? ` of ${formatBytes(progress.total)}` : ''}`;
  }
  if (!result) return '';
  if (!result.saved) return 'Cancelled.';
  return `Saved to ${result.path ?? 'the chosen file'}${result.bytes !== undefined ? ` (${formatBytes(result.bytes)})` : ''}`;
}

export function useSaveDownload(channel: SaveChannel, id: string): SaveDownload {
  const queryClient = useQueryClient();
  const progressKey = queryKeys.downloads.progress(id);
  // Read-only: main's events fill it; there is nothing to fetch.
  const progress = useQuery<DownloadProgress>({ queryKey: progressKey, queryFn: skipToken }).data ?? null;
  const save = useMutation({
    mutationKey: ['save', channel, id],
    mutationFn: () => call(channel, { id }),
    onMutate: () => queryClient.removeQueries({ queryKey: progressKey, exact: true }),
    onSettled: () => queryClient.removeQueries({ queryKey: progressKey, exact: true }),
  });
  const saving = save.isPending;
  const shown = saving && progress && !progress.done ? progress : null;
  return {
    start: () => save.mutate(),
    saving,
    progress: shown,
    result: save.data,
    error: save.error,
    statusText: describe(saving, shown, save.data),
  };
}
