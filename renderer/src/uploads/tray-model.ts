// What the Uploads tray shows, as pure functions: the one-line summary ("Uploading 3 of 12 ·
// 1 failed · 42 MB/s", and any uploads waiting for another account), the order of the rows
// (failed first, then active, waiting, stopped, done), and which finished rows fold into a count.
import { formatBytes } from '../../../shared/format-bytes';
import type { UploadItem, UploadState } from '../../../shared/uploads';

/** Finished uploads stay listed this long, then fold into the "N uploaded" line. */
export const FOLD_DONE_AFTER_MS = 30_000;

const RANK: Record<UploadState, number> = { failed: 0, uploading: 1, processing: 1, queued: 2, cancelled: 3, done: 4 };

export function isActive(item: UploadItem): boolean {
  return item.state === 'uploading' || item.state === 'processing';
}

/** `othersWaiting`: other accounts' unfinished uploads, which wait for their own account (never sent here). */
export function summarize(items: readonly UploadItem[], paused: 'sign-in' | null, othersWaiting = 0): string {
  const count = (state: UploadState) => items.filter((item) => item.state === state).length;
  const failed = count('failed');
  const cancelled = count('cancelled');
  const done = count('done');
  const active = items.filter(isActive).length;
  const waiting = count('queued');
  const others = othersWaiting > 0 ? `${othersWaiting.toLocaleString()} waiting for another account` : null;
  if (items.length === 0) return others ? `No uploads · ${others}` : 'No uploads';
  const parts: string[] = [];
  if (active + waiting > 0) {
    const total = items.length - cancelled;
    parts.push(paused ? `Paused: ${active + waiting} waiting to upload` : `Uploading ${done + active} of ${total}`);
  } else if (done > 0) {
    parts.push(`${done.toLocaleString()} uploaded`);
  }
  if (failed > 0) parts.push(`${failed} failed`);
  if (cancelled > 0) parts.push(`${cancelled} cancelled`);
  const speed = items.reduce((sum, item) => sum + (item.state === 'uploading' && !item.note ? (item.bytesPerSecond ?? 0) : 0), 0);
  if (speed > 0 && !paused) parts.push(`${formatBytes(speed)}/s`);
  if (others) parts.push(others);
  return parts.join(' · ');
}

/** Failed first (they need the person), then active, waiting, stopped, and done newest first. */
export function orderForTray(items: readonly UploadItem[]): UploadItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => RANK[a.item.state] - RANK[b.item.state] || (a.item.state === 'done' ? b.index - a.index : a.index - b.index))
    .map(({ item }) => item);
}

/** Splits the done rows that have been finished for a while (by when this window first saw them done). */
export function foldDone(items: readonly UploadItem[], doneSince: ReadonlyMap<string, number>, now: number): { shown: UploadItem[]; folded: UploadItem[] } {
  const shown: UploadItem[] = [];
  const folded: UploadItem[] = [];
  for (const item of items) {
    const since = doneSince.get(item.id);
    if (item.state === 'done' && since !== undefined && now - since >= FOLD_DONE_AFTER_MS) folded.push(item);
    else shown.push(item);
  }
  return { shown, folded };
}
