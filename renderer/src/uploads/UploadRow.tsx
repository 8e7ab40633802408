// One upload in the tray: its name, one status (never two that contradict each other), a
// progress bar, rows Ouro skipped or columns it ignored (with details), its error's friendly
// text, and the actions on it (cancel, retry, open in Ouro).
import { formatBytes } from '../../../shared/format-bytes';
import { describeError } from '../../../shared/error-kinds';
import { hasIngestProblems, ignoredColumnsText, rowsOutcome } from '../../../shared/upload-summary';
import type { UploadItem } from '../../../shared/uploads';
import { call } from '../ouro';
import { useUploadAction } from './queries';
import { isActive } from './tray-model';
import './upload-ingest.css';

const STATE_LABELS: Record<UploadItem['state'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  processing: 'Processing',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function percentOf(item: UploadItem, bytes: number): number {
  if (item.state === 'done') return 100;
  if (item.kind === 'dataset') return item.rowsTotal ? Math.floor(((item.rowsSent ?? 0) / item.rowsTotal) * 100) : 0;
  return item.size > 0 ? Math.min(100, Math.floor((bytes / item.size) * 100)) : item.state === 'processing' ? 100 : 0;
}

/** The row's one status line. `bytes` never goes backwards on screen (a retry re-sends from 0). */
export function statusLine(item: UploadItem, bytes: number): string {
  const attempt = item.attempt && item.attempt > 1 ? `attempt ${item.attempt}` : null;
  if (item.state === 'done') {
    // What Ouro said it did with the rows (issue 10): never a plain "done" over skipped rows.
    const outcome = [rowsOutcome(item), ignoredColumnsText(item)].filter(Boolean).join(' · ');
    return outcome || formatBytes(item.size);
  }
  if (item.state === 'uploading' && item.note) return [item.note, attempt].filter(Boolean).join(' · ');
  if (item.kind === 'dataset' && item.rowsTotal !== undefined && isActive(item)) {
    const skipped = item.rowsSkipped ? `${item.rowsSkipped.toLocaleString()} skipped` : null;
    return [`${(item.rowsSent ?? 0).toLocaleString()} of ${item.rowsTotal.toLocaleString()} rows`, skipped, attempt].filter(Boolean).join(' · ');
  }
  if (item.state === 'uploading') {
    const parts = [`${formatBytes(bytes)} of ${formatBytes(item.size)}`];
    if (item.bytesPerSecond) parts.push(`${formatBytes(item.bytesPerSecond)}/s`);
    if (item.secondsLeft !== null) parts.push(`${formatDuration(item.secondsLeft)} left`);
    if (attempt) parts.push(attempt);
    return parts.join(' · ');
  }
  if (item.state === 'processing') return 'Ouro is processing it…';
  return formatBytes(item.size);
}

/** What Ouro did with the rows, spelled out: opened from the row of a dataset it did not take whole. */
function IngestDetails({ item }: { item: UploadItem }) {
  const skipped = item.rowsSkipped ?? 0;
  const ignored = item.ignoredColumns ?? [];
  const notes = item.ingestNotes ?? [];
  if (skipped === 0 && ignored.length === 0 && notes.length === 0) return null;
  return (
    <details className="upload-ingest">
      <summary aria-label={`Details of ${item.name}`}>Details</summary>
      <ul>
        {skipped > 0 && (
          <li>
            Ouro skipped {skipped.toLocaleString()} {skipped === 1 ? 'row' : 'rows'} of {Math.max(item.rowsTotal ?? 0, (item.rowsInserted ?? 0) + skipped).toLocaleString()}:{' '}
            {skipped === 1 ? 'it is' : 'they are'} not in the dataset.
          </li>
        )}
        {ignored.length > 0 && <li>Columns Ouro ignored because the table has no such column: {ignored.join(', ')}.</li>}
        {notes.map((note) => (
          <li key={note}>Ouro said: “{note}”</li>
        ))}
      </ul>
    </details>
  );
}

export function UploadRow({ item, bytes }: { item: UploadItem; bytes: number }) {
  const action = useUploadAction();
  const active = isActive(item) || item.state === 'queued';
  const friendly = item.error ? describeError(item.error) : null;
  const percent = percentOf(item, bytes);
  const partial = item.state === 'done' && hasIngestProblems(item);
  return (
    <li className={`upload-item upload-${item.state}${partial ? ' upload-partial' : ''}`} data-testid="upload-item">
      <div className="upload-line">
        <span className="upload-name" title={item.name}>
          {item.name}
        </span>
        {item.kind === 'dataset' && <span className="upload-kind">dataset</span>}
        {item.kind === 'replace' && <span className="upload-kind" title={`New content for ${item.targetName ?? 'the file'}; it keeps its id`}>replaces {item.targetName ?? 'a file'}</span>}
        <span className="upload-state">{partial ? 'Uploaded with warnings' : STATE_LABELS[item.state]}</span>
      </div>
      {(active || item.state === 'done') && (
        <div
          className="upload-bar"
          role="progressbar"
          aria-label={`Upload progress of ${item.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%${item.state === 'processing' ? ', processing' : ''}`}
        >
          <div className="upload-bar-fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      {!friendly && <div className={`upload-detail${item.note ? ' upload-retrying' : ''}`}>{statusLine(item, bytes)}</div>}
      <IngestDetails item={item} />
      {friendly && (
        <div className="upload-error" role="note">
          <strong>{friendly.title}</strong> {friendly.message}
        </div>
      )}
      <div className="upload-actions">
        {active && (
          <button type="button" aria-label={`Cancel upload of ${item.name}`} onClick={() => action.mutate({ kind: 'cancel', id: item.id })}>
            Cancel
          </button>
        )}
        {(item.state === 'failed' || item.state === 'cancelled') && (
          <button type="button" aria-label={`Retry upload of ${item.name}`} onClick={() => action.mutate({ kind: 'retry', id: item.id })}>
            Retry
          </button>
        )}
        {item.state === 'done' && item.assetUrl && (
          <button type="button" aria-label={`Open in Ouro: ${item.name}`} onClick={() => void call('app:open-external', { url: item.assetUrl ?? '' }).catch(() => {})}>
            Open in Ouro
          </button>
        )}
      </div>
    </li>
  );
}
