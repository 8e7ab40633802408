// The sidebar's way into sync folders: a folder icon whose badge says how they are doing (a
// count while uploading, "!" for an error or a pause, nothing when all is up to date).
import { syncSummary } from '../../../shared/sync';
import { useSyncFolders } from './queries';
import { syncPanel } from './sync-panel-state';

const FolderIcon = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    <path d="M9 13l3-3 3 3M12 10v6" />
  </svg>
);

export function SyncSidebarButton() {
  const folders = useSyncFolders().data?.folders ?? [];
  const summary = syncSummary(folders);
  const busy = folders.reduce((n, f) => n + (f.status.state === 'syncing' ? Math.max(0, f.status.total - f.status.done) : 0), 0);
  const attention = folders.some((f) => f.status.state === 'error' || (f.status.state === 'paused' && f.status.reason !== 'by-you'));
  const badge = attention ? '!' : busy > 0 ? String(busy) : null;
  return (
    <button type="button" className="sync-sidebar" onClick={syncPanel.open} aria-label={`Sync folders${summary ? ` — ${summary.replace(/^Sync: /, '')}` : ''}`}>
      <FolderIcon />
      <span>Sync folders</span>
      {badge && (
        <span className={`sync-badge${attention ? ' attention' : ''}`} data-testid="sync-badge" aria-hidden="true">
          {badge}
        </span>
      )}
    </button>
  );
}
