// "Sync a folder": after main's folder dialog, where the folder's files go — organization, team
// (teams that refuse API uploads shown disabled, with the reason, as in the upload sheet) and
// visibility — and whether the files already in it are uploaded now or only new ones from now.
import { useId, useState } from 'react';
import { GLOBAL_ID } from '../../../shared/display-names';
import type { SyncDestination } from '../../../shared/sync';
import { uploadVisibilities, type UploadVisibility } from '../../../shared/uploads';
import { DestinationFields } from '../components/DestinationFields';
import { ErrorNotice } from '../components/ErrorNotice';
import { useDestinations } from '../queries/destinations';
import { useModalKeys } from '../components/use-modal-keys';

const VISIBILITY: Record<UploadVisibility, string> = { private: 'Private', organization: 'Organization', public: 'Public' };

export interface AddFolderSheetProps {
  folder: { name: string; path: string };
  busy: boolean;
  error: unknown;
  onConfirm(destination: SyncDestination, existing: 'upload' | 'skip'): void;
  onCancel(): void;
}

export function AddFolderSheet({ folder, busy, error, onConfirm, onCancel }: AddFolderSheetProps) {
  const titleId = useId();
  const { ref, onKeyDown } = useModalKeys<HTMLDivElement>(onCancel);
  const destinations = useDestinations();
  const [orgId, setOrgId] = useState('');
  const [teamId, setTeamId] = useState<string | undefined>(undefined);
  const [visibility, setVisibility] = useState<UploadVisibility>('private');
  const [existing, setExisting] = useState<'upload' | 'skip'>('upload');
  const org = destinations.data?.organizations.find((o) => o.id === orgId && o.id !== GLOBAL_ID);
  const chosenTeam = teamId ?? org?.teams.find((t) => t.disabledReason === null)?.id ?? '';
  const disabledTeam = org?.teams.find((t) => t.id === chosenTeam && t.disabledReason);
  const needsTeam = Boolean(org && org.teams.length > 0 && !chosenTeam);

  const confirm = () =>
    onConfirm({ visibility, ...(org ? { orgId: org.id } : {}), ...(org && chosenTeam ? { teamId: chosenTeam } : {}) }, existing);

  return (
    <div className="sheet-backdrop">
      <div ref={ref} className="sheet" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>Sync {folder.name}</h2>
        <p className="muted sync-path">{folder.path}</p>
        <p>New files saved in this folder are uploaded to Ouro; changed files replace their copy on Ouro. Nothing on Ouro is deleted unless you turn on Mirror deletions.</p>
        {destinations.isPending && <p role="status">Loading your organizations…</p>}
        {destinations.isError && <ErrorNotice error={destinations.error} onRetry={() => void destinations.refetch()} />}
        {destinations.data && (
          <DestinationFields
            organizations={destinations.data.organizations}
            orgId={orgId}
            teamId={chosenTeam}
            onOrg={(id) => {
              setOrgId(id);
              setTeamId(undefined);
            }}
            onTeam={setTeamId}
          />
        )}
        <fieldset className="sheet-visibility">
          <legend>Visibility</legend>
          {uploadVisibilities.map((v) => (
            <label key={v}>
              <input type="radio" name="sync-visibility" checked={visibility === v} onChange={() => setVisibility(v)} />
              {VISIBILITY[v]}
            </label>
          ))}
        </fieldset>
        <fieldset className="sheet-visibility">
          <legend>Files already in the folder</legend>
          <label>
            <input type="radio" name="sync-existing" checked={existing === 'upload'} onChange={() => setExisting('upload')} />
            Upload them now
          </label>
          <label>
            <input type="radio" name="sync-existing" checked={existing === 'skip'} onChange={() => setExisting('skip')} />
            Only new and changed files from now on
          </label>
        </fieldset>
        {error !== null && error !== undefined && <ErrorNotice error={error} />}
        <div className="sheet-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={confirm} disabled={busy || destinations.isPending || needsTeam || Boolean(disabledTeam)}>
            {busy ? 'Starting…' : 'Start syncing'}
          </button>
        </div>
      </div>
    </div>
  );
}
