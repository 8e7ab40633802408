// The Uploads tray in the status bar: collapsed to one summary line ("Uploading 3 of 12 · 1 failed
// · 42 MB/s") that opens a panel over the window on click — and by itself for a few seconds after
// a new drop. Failed uploads come first; finished ones fold into a count after a while.
import { useEffect, useId, useState } from 'react';
import type { AddUploadsResult, UploadItem, UploadsSnapshot } from '../../../shared/uploads';
import { ChevronIcon, UploadIcon } from '../components/icons';
import { DownloadsList } from '../downloads/DownloadsList';
import { useUploadAction } from './queries';
import { syncSummary } from '../../../shared/sync';
import { useSyncFolders } from '../sync/queries';
import { syncPanel } from '../sync/sync-panel-state';
import { foldDone, FOLD_DONE_AFTER_MS, isActive, orderForTray, summarize } from './tray-model';
import { UploadRow } from './UploadRow';
import { WaitingNotice, waitingCount } from './WaitingNotice';
import './tray.css';

export type TrayState = 'closed' | 'peek' | 'pinned';

export interface UploadsTrayProps {
  snapshot: UploadsSnapshot | undefined;
  state: TrayState;
  onState(state: TrayState): void;
  /** Hovering or focusing the panel keeps a peek open. */
  onHold(holding: boolean): void;
  lastResult: AddUploadsResult | null;
  onDismissResult(): void;
  onChooseFiles(): void;
  problem: { title: string; message: string } | null;
}

interface Seen {
  /** When this window first saw each item done (for folding). */
  doneSince: Map<string, number>;
  /** The most bytes shown for each item's current run, so a retry never moves them backwards. */
  peakBytes: Map<string, number>;
}

/** Updates what has been seen from a new snapshot; returns the same object when nothing changed. */
function observe(seen: Seen, items: readonly UploadItem[], now: number): Seen {
  let changed = false;
  const doneSince = new Map(seen.doneSince);
  const peakBytes = new Map(seen.peakBytes);
  for (const item of items) {
    if (item.state === 'done' && !doneSince.has(item.id)) {
      doneSince.set(item.id, now);
      changed = true;
    }
    const peak = peakBytes.get(item.id);
    // A queued item starts over (a manual retry): its bytes may start from 0 again.
    const next = item.state === 'queued' ? 0 : Math.max(peak ?? 0, item.bytesSent);
    if (next !== peak) {
      peakBytes.set(item.id, next);
      changed = true;
    }
  }
  return changed ? { doneSince, peakBytes } : seen;
}

export function UploadsTray(props: UploadsTrayProps) {
  const { snapshot, state, onState } = props;
  const action = useUploadAction();
  const panelId = useId();
  const items = snapshot?.items ?? [];
  const [now, setNow] = useState(() => Date.now());
  const [seen, setSeen] = useState<Seen>({ doneSince: new Map(), peakBytes: new Map() });
  const [showFolded, setShowFolded] = useState(false);
  // Adjusted while rendering (not in an effect), so no frame ever shows bytes going backwards.
  const next = observe(seen, items, now);
  if (next !== seen) setSeen(next);

  const active = items.filter((item) => isActive(item) || item.state === 'queued').length;
  // A clock for folding, running only while something can still change: it also dates when an
  // upload was first seen done (to within a tick).
  const ticking = active > 0 || items.some((item) => item.state === 'done' && now - (next.doneSince.get(item.id) ?? now) < FOLD_DONE_AFTER_MS);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 2_000);
    return () => clearInterval(timer);
  }, [ticking]);

  const open = state !== 'closed';
  const finished = items.filter((item) => item.state === 'done' || item.state === 'failed' || item.state === 'cancelled').length;
  const failed = items.some((item) => item.state === 'failed');
  const { shown, folded } = foldDone(orderForTray(items), next.doneSince, now);
  const skipped = (props.lastResult?.skipped.hidden ?? 0) + (props.lastResult?.skipped.system ?? 0);
  // Sync folders' line joins the summary ("… · Sync: up to date").
  const syncLine = syncSummary(useSyncFolders().data?.folders ?? []);
  const uploadsLine = summarize(items, snapshot?.paused ?? null, waitingCount(snapshot?.waiting ?? []));
  const summary = syncLine ? `${uploadsLine} · ${syncLine}` : uploadsLine;
  const bytesOf = (item: UploadItem) => next.peakBytes.get(item.id) ?? item.bytesSent;

  return (
    <section aria-label="Uploads" className={`uploads-tray${failed ? ' has-failed' : ''}`} data-state={state}>
      <div className="tray-bar">
        <button
          type="button"
          className="tray-summary"
          aria-expanded={open}
          aria-controls={panelId}
          title={open ? 'Hide uploads' : 'Show uploads'}
          onClick={() => onState(state === 'pinned' ? 'closed' : 'pinned')}
        >
          {active > 0 && <span className="tray-spinner" aria-hidden="true" />}
          <span className="tray-summary-text" data-testid="uploads-summary">
            {summary}
          </span>
          <ChevronIcon up={!open} />
        </button>
        <button type="button" className="tray-upload" onClick={props.onChooseFiles}>
          <UploadIcon /> Upload files…
        </button>
        <button type="button" className="tray-upload" onClick={syncPanel.add}>
          Sync a folder…
        </button>
      </div>
      <div
        id={panelId}
        className="tray-panel"
        hidden={!open}
        onPointerEnter={() => props.onHold(true)}
        onPointerLeave={() => props.onHold(false)}
        onFocus={() => props.onHold(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) props.onHold(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onState('closed');
          }
        }}
      >
        <div className="tray-header">
          <h2>Uploads</h2>
          <div className="spacer" />
          <button type="button" onClick={() => action.mutate({ kind: 'cancel-all' })} disabled={active === 0}>
            Cancel all
          </button>
          <button type="button" onClick={() => action.mutate({ kind: 'clear-finished' })} disabled={finished === 0}>
            Clear finished
          </button>
        </div>
        {snapshot?.paused === 'sign-in' && <p role="alert">Uploads are paused until you sign in again.</p>}
        <WaitingNotice waiting={snapshot?.waiting ?? []} />
        {props.problem && (
          <div role="alert" className="error-notice compact">
            <strong>{props.problem.title}</strong>
            <p>{props.problem.message}</p>
          </div>
        )}
        {props.lastResult && (props.lastResult.rejected.length > 0 || skipped > 0) && (
          <div className="uploads-result" role="status">
            {props.lastResult.rejected.length > 0 && (
              <>
                <strong>{props.lastResult.rejected.length === 1 ? '1 file was not uploaded' : `${props.lastResult.rejected.length} files were not uploaded`}</strong>
                <ul>
                  {props.lastResult.rejected.map((r, i) => (
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
                {props.lastResult.skipped.system > 0 && props.lastResult.skipped.hidden > 0
                  ? ` (${props.lastResult.skipped.hidden} hidden, ${props.lastResult.skipped.system} system)`
                  : ''}
                .
              </p>
            )}
            <button type="button" onClick={props.onDismissResult}>
              Dismiss
            </button>
          </div>
        )}
        {items.length === 0 ? (
          <p className="muted tray-empty">Drop files or folders anywhere on the window, paste an image, or choose Upload files…</p>
        ) : (
          <ul className="upload-list">
            {shown.map((item) => (
              <UploadRow key={item.id} item={item} bytes={bytesOf(item)} />
            ))}
            {folded.length > 0 && (
              <li className="upload-folded">
                <span>
                  {folded.length.toLocaleString()} uploaded earlier
                </span>
                <button type="button" aria-expanded={showFolded} onClick={() => setShowFolded((s) => !s)}>
                  {showFolded ? 'Hide' : 'Show'}
                </button>
              </li>
            )}
            {showFolded && folded.map((item) => <UploadRow key={item.id} item={item} bytes={bytesOf(item)} />)}
          </ul>
        )}
        <DownloadsList />
      </div>
    </section>
  );
}
