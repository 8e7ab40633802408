// The "Uploads" region: every queued upload with its state, progress (bytes or rows), speed and
// time left, its error's friendly text, and the actions on it (cancel, retry, open in Ouro).
import { useState } from 'react';
import { formatBytes } from '../../../shared/format-bytes';
import { describeError } from '../../../shared/error-kinds';
import type { AddUploadsResult, UploadItem, UploadsSnapshot, WaitingUploads } from '../../../shared/uploads';
import { call } from '../ouro';
import { useDropWaiting, useUploadAction } from './queries';

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
  if (item.kind === 'dataset' && item.rowsTotal !== undefined && item.state !== 'done') {
    return `${(item.rowsSent ?? 0).toLocaleString()} of ${item.rowsTotal.toLocaleString()} rows`;
  }
  if (item.state === 'uploading') {
    const parts = [`${formatBytes(item.bytesSent)} of ${formatBytes(item.size)}`];
    if (item.bytesPerSecond) parts.push(`${formatBytes(item.bytesPerSecond)}/s`);
    if (item.secondsLeft !== null) parts.push(`${formatDuration(item.secondsLeft)} left`);
    return parts.join(' · ');
  }
  return formatBytes(item.size);
}

function UploadRow({ item }: { item: UploadItem }) {
  const action = useUploadAction();
  const active = item.state === 'queued' || item.state === 'uploading' || item.state === 'processing';
  const friendly = item.error ? describeError(item.error) : null;
  const percent = percentOf(item);
  return (
    <li className={`upload-item upload-${item.state}`} data-testid="upload-item">
      <div className="upload-line">
        <span className="upload-name">{item.name}</span>
        {item.kind === 'dataset' && <span className="upload-kind">dataset</span>}
        <span className="upload-state">{STATE_LABELS[item.state]}</span>
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

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count.toLocaleString()} ${many}`;
}

/**
 * Uploads another account queued are never shown or sent here; this says they exist, that they
 * wait for their own account, and offers to drop them. Dropping says so too.
 */
function WaitingNotice({ waiting }: { waiting: WaitingUploads[] }) {
  const drop = useDropWaiting();
  const [dropped, setDropped] = useState<number | null>(null);
  if (dropped !== null) {
    return (
      <div className="notice" role="status">
        <p>
          Dropped {plural(dropped, 'upload', 'uploads')} queued by another account; {dropped === 1 ? 'it was' : 'they were'} never sent.
        </p>
        <button type="button" onClick={() => setDropped(null)}>
          Dismiss
        </button>
      </div>
    );
  }
  if (waiting.length === 0) return null;
  const total = waiting.reduce((sum, w) => sum + w.count, 0);
  return (
    <div className="notice notice-warning" role="status">
      <p>
        {waiting.map((w) => `${plural(w.count, 'upload', 'uploads')} queued by ${w.account}`).join('; ')}{' '}
        {total === 1 ? 'waits for that account to sign in again. It is not sent as you.' : 'wait for that account to sign in again. They are not sent as you.'}
      </p>
      <button type="button" disabled={drop.isPending} onClick={() => drop.mutate(undefined, { onSuccess: setDropped })}>
        Drop {total === 1 ? 'it' : 'them'}
      </button>
    </div>
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
      <WaitingNotice waiting={snapshot?.waiting ?? []} />
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
