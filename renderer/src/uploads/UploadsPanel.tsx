// The "Uploads" region: every queued upload with its state, progress (bytes or rows), speed and
// time left, rows Ouro skipped or columns it ignored (with details), its error's friendly text,
// and the actions on it (cancel, retry, open in Ouro).
import { formatBytes } from '../../../shared/format-bytes';
import { describeError } from '../../../shared/error-kinds';
import { hasIngestProblems, ignoredColumnsText, rowsOutcome } from '../../../shared/upload-summary';
import type { AddUploadsResult, UploadItem, UploadsSnapshot } from '../../../shared/uploads';
import { call } from '../ouro';
import { useUploadAction } from './queries';

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

function percentOf(item: UploadItem): number {
  if (item.state === 'done') return 100;
  if (item.kind === 'dataset') return item.rowsTotal ? Math.floor(((item.rowsSent ?? 0) / item.rowsTotal) * 100) : 0;
  return item.size > 0 ? Math.floor((item.bytesSent / item.size) * 100) : item.state === 'processing' ? 100 : 0;
}

function detail(item: UploadItem): string {
  if (item.kind === 'dataset' && item.state === 'done') {
    const outcome = [rowsOutcome(item), ignoredColumnsText(item)].filter(Boolean).join(' · ');
    if (outcome) return outcome;
  }
  if (item.kind === 'dataset' && item.rowsTotal !== undefined && item.state !== 'done') {
    const skipped = item.rowsSkipped ? ` · ${item.rowsSkipped.toLocaleString()} skipped` : '';
    return `${(item.rowsSent ?? 0).toLocaleString()} of ${item.rowsTotal.toLocaleString()} rows${skipped}`;
  }
  if (item.state === 'uploading') {
    const parts = [`${formatBytes(item.bytesSent)} of ${formatBytes(item.size)}`];
    if (item.bytesPerSecond) parts.push(`${formatBytes(item.bytesPerSecond)}/s`);
    if (item.secondsLeft !== null) parts.push(`${formatDuration(item.secondsLeft)} left`);
    return parts.join(' · ');
  }
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

function UploadRow({ item }: { item: UploadItem }) {
  const action = useUploadAction();
  const active = item.state === 'queued' || item.state === 'uploading' || item.state === 'processing';
  const friendly = item.error ? describeError(item.error) : null;
  const percent = percentOf(item);
  const partial = item.state === 'done' && hasIngestProblems(item);
  return (
    <li className={`upload-item upload-${item.state}${partial ? ' upload-partial' : ''}`} data-testid="upload-item">
      <div className="upload-line">
        <span className="upload-name">{item.name}</span>
        {item.kind === 'dataset' && <span className="upload-kind">dataset</span>}
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
      <div className="upload-detail muted">
        {detail(item)}
        {item.note && active && <span className="upload-note"> · {item.note}</span>}
      </div>
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
          <button
            type="button"
            aria-label={`Open in Ouro: ${item.name}`}
            onClick={() => void call('app:open-external', { url: item.assetUrl ?? '' }).catch(() => {})}
          >
            Open in Ouro
          </button>
        )}
      </div>
    </li>
  );
}

export interface UploadsPanelProps {
  snapshot: UploadsSnapshot | undefined;
  lastResult: AddUploadsResult | null;
  onDismissResult(): void;
  onChooseFiles(): void;
}

export function UploadsPanel({ snapshot, lastResult, onDismissResult, onChooseFiles }: UploadsPanelProps) {
  const action = useUploadAction();
  const items = snapshot?.items ?? [];
  const active = items.filter((i) => i.state === 'queued' || i.state === 'uploading' || i.state === 'processing').length;
  const finished = items.length - active;
  const skipped = (lastResult?.skipped.hidden ?? 0) + (lastResult?.skipped.system ?? 0);
  return (
    <section aria-label="Uploads" className="uploads-panel">
      <div className="uploads-header">
        <h2>Uploads</h2>
        {active > 0 && <span className="muted">{active} in progress</span>}
        <div className="spacer" />
        <button type="button" onClick={onChooseFiles}>
          Upload files…
        </button>
        <button type="button" onClick={() => action.mutate({ kind: 'cancel-all' })} disabled={active === 0}>
          Cancel all
        </button>
        <button type="button" onClick={() => action.mutate({ kind: 'clear-finished' })} disabled={finished === 0}>
          Clear finished
        </button>
      </div>
      {snapshot?.paused === 'sign-in' && <p role="alert">Uploads are paused until you sign in again.</p>}
      {lastResult && (lastResult.rejected.length > 0 || skipped > 0) && (
        <div className="uploads-result" role="status">
          {lastResult.rejected.length > 0 && (
            <>
              <strong>{lastResult.rejected.length === 1 ? '1 file was not uploaded' : `${lastResult.rejected.length} files were not uploaded`}</strong>
              <ul>
                {lastResult.rejected.map((r, i) => (
                  <li key={`${r.name}-${i}`}>
                    {r.name}: {r.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {skipped > 0 && (
            <p>
              Skipped {skipped} hidden or system {skipped === 1 ? 'file' : 'files'}
              {lastResult.skipped.system > 0 && lastResult.skipped.hidden > 0
                ? ` (${lastResult.skipped.hidden} hidden, ${lastResult.skipped.system} system)`
                : ''}
              .
            </p>
          )}
          <button type="button" onClick={onDismissResult}>
            Dismiss
          </button>
        </div>
      )}
      {items.length === 0 ? (
        <p className="muted">Drop files or folders anywhere on the window, paste an image, or choose Upload files…</p>
      ) : (
        <ul className="upload-list">
          {[...items].reverse().map((item) => (
            <UploadRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
