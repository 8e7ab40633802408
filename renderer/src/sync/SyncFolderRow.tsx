// One sync folder in the panel: its status line ("Up to date", "Uploading 3 of 12", "Paused —
// offline"…), where its files go, and pause/resume, Mirror deletions (asked first), its own
// ignore patterns, and remove (which never deletes anything on Ouro).
import { useId, useState } from 'react';
import { describeError } from '../../../shared/error-kinds';
import { syncStatusText, type SyncFolderView } from '../../../shared/sync';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { useDisplayNames } from '../queries/destinations';
import { useRemoveSyncFolder, useUpdateSyncFolder } from './queries';

function activityLine(folder: SyncFolderView): string {
  const a = folder.activity;
  const parts = [
    a.uploaded && `${a.uploaded} uploaded`,
    a.replaced && `${a.replaced} updated`,
    a.renamed && `${a.renamed} renamed`,
    a.unchanged && `${a.unchanged} unchanged`,
    a.keptOnOuro && `${a.keptOnOuro} deleted here, kept on Ouro`,
    a.deletedOnOuro && `${a.deletedOnOuro} deleted on Ouro`,
  ].filter(Boolean);
  return parts.length ? `Since the app started: ${parts.join(', ')}.` : '';
}

export function SyncFolderRow({ folder }: { folder: SyncFolderView }) {
  const update = useUpdateSyncFolder();
  const remove = useRemoveSyncFolder();
  const names = useDisplayNames();
  const headingId = useId();
  const [confirming, setConfirming] = useState<'remove' | 'mirror' | null>(null);
  const [patterns, setPatterns] = useState(folder.ignore.join('\n'));
  const pausedByYou = folder.status.state === 'paused' && folder.status.reason === 'by-you';
  const status = syncStatusText(folder.status);
  const detail = folder.status.state === 'paused' ? folder.status.message : folder.status.state === 'error' ? describeError(folder.status.error).message : undefined;
  const where = folder.destination.orgId ? `${names.organization(folder.destination.orgId, null)} › ${names.team(folder.destination.teamId ?? null, null)}` : 'Everyone on Ouro';

  return (
    <li className="sync-folder" aria-labelledby={headingId} data-testid="sync-folder">
      <div className="sync-folder-head">
        <h3 id={headingId}>{folder.name}</h3>
        <span role="status" className={`sync-status sync-${folder.status.state}`} data-testid="sync-status">
          {status}
        </span>
      </div>
      <p className="muted sync-path">{folder.path}</p>
      <p className="muted">
        To {where} ({folder.destination.visibility}) · {folder.synced.toLocaleString('en-US')} {folder.synced === 1 ? 'file' : 'files'} on Ouro
      </p>
      {detail && <p role="alert">{detail}</p>}
      {folder.pendingDeletes && (
        <p role="status">
          {folder.pendingDeletes.count} deleted here; deleted on Ouro at {new Date(folder.pendingDeletes.dueAt).toLocaleTimeString()} unless they come back.
        </p>
      )}
      <p className="muted" data-testid="sync-activity">
        {activityLine(folder)}
      </p>
      <div className="sync-actions">
        <button type="button" onClick={() => update.mutate({ id: folder.id, paused: !pausedByYou })} aria-label={`${pausedByYou ? 'Resume' : 'Pause'} ${folder.name}`}>
          {pausedByYou ? 'Resume' : 'Pause'}
        </button>
        <label>
          <input
            type="checkbox"
            checked={folder.mirrorDeletions}
            onChange={(e) => (e.target.checked ? setConfirming('mirror') : update.mutate({ id: folder.id, mirrorDeletions: false }))}
          />
          Mirror deletions
        </label>
        <button type="button" onClick={() => setConfirming('remove')} aria-label={`Stop syncing ${folder.name}`}>
          Remove…
        </button>
      </div>
      <details className="sync-ignore">
        <summary>Ignored files</summary>
        <p className="muted">Hidden files, system files and partial downloads are always ignored. One pattern per line, for example *.log or raw/**.</p>
        <textarea aria-label={`Ignore patterns for ${folder.name}`} rows={3} value={patterns} onChange={(e) => setPatterns(e.target.value)} />
        <button type="button" onClick={() => update.mutate({ id: folder.id, ignore: patterns.split('\n').slice(0, 100) })}>
          Save patterns
        </button>
      </details>
      {(update.error || remove.error) && <ErrorNotice error={update.error ?? remove.error} />}
      {confirming === 'remove' && (
        <ConfirmDialog
          title={`Stop syncing ${folder.name}?`}
          confirmLabel="Stop syncing"
          busy={remove.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() => remove.mutate(folder.id, { onSettled: () => setConfirming(null) })}
        >
          New and changed files will no longer be uploaded. Nothing is deleted, on Ouro or on this computer.
        </ConfirmDialog>
      )}
      {confirming === 'mirror' && (
        <ConfirmDialog
          title="Mirror deletions?"
          confirmLabel="Mirror deletions"
          onCancel={() => setConfirming(null)}
          onConfirm={() => update.mutate({ id: folder.id, mirrorDeletions: true }, { onSettled: () => setConfirming(null) })}
        >
          A file you delete from {folder.name} will be deleted on Ouro a minute later, unless it comes back by then. Deleted files cannot be recovered.
        </ConfirmDialog>
      )}
    </li>
  );
}
