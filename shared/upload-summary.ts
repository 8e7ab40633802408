// The words for what Ouro did with a dataset upload's rows, shared by the upload row, its details
// and the main process's "uploads finished" notification, so rows Ouro skipped or columns it
// ignored read the same everywhere and never hide behind a plain "done".
import type { UploadItem } from './uploads';

export type RowsFacts = Pick<UploadItem, 'kind' | 'name' | 'rowsTotal' | 'rowsSent' | 'rowsInserted' | 'rowsSkipped' | 'ignoredColumns'>;

function count(n: number): string {
  return n.toLocaleString();
}

function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** True when Ouro skipped rows or ignored columns of this upload. */
export function hasIngestProblems(item: RowsFacts): boolean {
  return (item.rowsSkipped ?? 0) > 0 || (item.ignoredColumns?.length ?? 0) > 0;
}

/** "4,870 of 4,873 rows added — 3 skipped", or "4,873 rows added"; null before Ouro answered. */
export function rowsOutcome(item: RowsFacts): string | null {
  if (item.kind !== 'dataset' || item.rowsInserted === undefined) return null;
  const skipped = item.rowsSkipped ?? 0;
  const total = Math.max(item.rowsTotal ?? 0, item.rowsInserted + skipped);
  if (skipped > 0) return `${count(item.rowsInserted)} of ${count(total)} rows added — ${count(skipped)} skipped`;
  return `${plural(item.rowsInserted, 'row', 'rows')} added`;
}

/** "2 columns ignored: notes, extra"; null when none were. */
export function ignoredColumnsText(item: RowsFacts): string | null {
  const columns = item.ignoredColumns ?? [];
  if (columns.length === 0) return null;
  const shown = columns.slice(0, 5).join(', ');
  return `${plural(columns.length, 'column', 'columns')} ignored: ${shown}${columns.length > 5 ? ', …' : ''}`;
}

/** One line for a finished dataset that had problems, e.g. for a notification. */
export function problemLine(item: RowsFacts): string {
  return [rowsOutcome(item), ignoredColumnsText(item)].filter((part): part is string => part !== null).join('; ');
}

/** What finished while the window was in the background: how many, and the few worth naming. */
export interface FinishedBatch {
  count: number;
  /** The first to finish (names a lone upload). */
  first: RowsFacts | null;
  /** Uploads with skipped rows or ignored columns, up to four. */
  problems: RowsFacts[];
}

/**
 * The notification for uploads that finished while the window was in the background. Uploads
 * with skipped rows or ignored columns are named with what happened, up to three of them.
 */
export function finishedNotification(batch: FinishedBatch): { title: string; body: string } {
  const single = batch.count === 1 ? batch.first : null;
  const title = single ? `Uploaded ${single.name}` : `${batch.count} uploads finished`;
  const { problems } = batch;
  if (problems.length === 0) return { title, body: single ? 'It is on Ouro now.' : 'They are on Ouro now.' };
  const lines = problems.slice(0, 3).map((item) => (single ? `${problemLine(item)}.` : `${item.name}: ${problemLine(item)}.`));
  if (problems.length > 3) lines.push('More with skipped rows or ignored columns: see Uploads.');
  return { title, body: lines.join('\n') };
}
