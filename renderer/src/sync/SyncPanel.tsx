// The Sync folders panel (opened from the sidebar, the Uploads tray or File → Sync a Folder…):
// every folder this account syncs with its status and controls, and "Sync a folder…".
import { useId } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { useSyncFolders } from './queries';
import { SyncFolderRow } from './SyncFolderRow';
import { useModalKeys } from '../components/use-modal-keys';

export function SyncPanel({ onAdd, onClose, problem }: { onAdd(): void; onClose(): void; problem: unknown }) {
  const titleId = useId();
  const folders = useSyncFolders();
  const { ref, onKeyDown } = useModalKeys<HTMLDivElement>(onClose);
  return (
    <div className="sheet-backdrop">
      <div ref={ref} className="sheet sync-panel" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <div className="sync-panel-head">
          <h2 id={titleId}>Sync folders</h2>
          <button type="button" className="primary" onClick={onAdd}>
            Sync a folder…
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        {problem !== null && <ErrorNotice error={problem} />}
        {folders.isError && <ErrorNotice error={folders.error} onRetry={() => void folders.refetch()} />}
        {folders.data?.folders.length === 0 && (
          <p className="muted">Choose a folder, and everything saved into it lands on Ouro: new files are uploaded, changed files replace their copy in place.</p>
        )}
        <ul className="sync-folders" aria-label="Synced folders">
          {folders.data?.folders.map((folder) => <SyncFolderRow key={folder.id} folder={folder} />)}
        </ul>
      </div>
    </div>
  );
}
