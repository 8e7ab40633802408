// The confirm sheet: an accessible modal dialog (labelled, focus kept inside, Escape cancels)
// where the person picks the organization, team (teams that refuse API uploads shown disabled,
// with the reason) and visibility, and, for CSV/TSV files, whether to make a dataset instead.
import { useId, useMemo, useState } from 'react';
import { GLOBAL_ID } from '../../../shared/display-names';
import { uploadVisibilities, type UploadDestination, type UploadVisibility } from '../../../shared/uploads';
import { DestinationFields } from '../components/DestinationFields';
import { ErrorNotice } from '../components/ErrorNotice';
import { useModalKeys } from '../components/use-modal-keys';
import { useDestinations } from '../queries/destinations';

const VISIBILITY_LABELS: Record<UploadVisibility, { label: string; hint: string }> = {
  private: { label: 'Private', hint: 'Only you, until you share it' },
  organization: { label: 'Organization', hint: 'Members of the organization' },
  public: { label: 'Public', hint: 'Anyone on Ouro' },
};


export interface ConfirmSheetProps {
  names: readonly string[];
  offerDataset: boolean;
  busy: boolean;
  onConfirm(destination: UploadDestination): void;
  onCancel(): void;
}

export function ConfirmSheet({ names, offerDataset, busy, onConfirm, onCancel }: ConfirmSheetProps) {
  const titleId = useId();
  const descId = useId();
  const { ref: dialog, onKeyDown } = useModalKeys<HTMLDivElement>(onCancel);
  const destinations = useDestinations();
  const remembered = destinations.data?.remembered;
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [teamId, setTeamId] = useState<string | undefined>(undefined);
  const [visibility, setVisibility] = useState<UploadVisibility | undefined>(undefined);
  const [asDataset, setAsDataset] = useState<boolean | undefined>(undefined);

  // Choices default to the remembered ones once destinations arrive.
  const orgs = useMemo(() => destinations.data?.organizations ?? [], [destinations.data]);
  const chosenOrg = orgId ?? remembered?.orgId ?? '';
  const org = orgs.find((o) => o.id === chosenOrg);
  const enabledTeams = org?.teams.filter((t) => t.disabledReason === null) ?? [];
  const rememberedTeam = remembered?.orgId === chosenOrg ? remembered.teamId : undefined;
  const chosenTeam = teamId ?? (enabledTeams.some((t) => t.id === rememberedTeam) ? rememberedTeam : enabledTeams[0]?.id) ?? '';
  const chosenVisibility = visibility ?? remembered?.visibility ?? 'private';
  const chosenDataset = offerDataset && (asDataset ?? remembered?.asDataset ?? false);
  const disabledTeam = org?.teams.find((t) => t.id === chosenTeam && t.disabledReason);
  const needsTeam = Boolean(org && org.id !== GLOBAL_ID && org.teams.length > 0 && !chosenTeam);


  const confirm = () => {
    const isGlobal = !org || org.id === GLOBAL_ID;
    onConfirm({
      visibility: chosenVisibility,
      ...(isGlobal ? {} : { orgId: org.id }),
      ...(!isGlobal && chosenTeam ? { teamId: chosenTeam } : {}),
      ...(chosenDataset ? { asDataset: true } : {}),
    });
  };

  const shown = names.slice(0, 5);
  return (
    <div className="sheet-backdrop">
      <div ref={dialog} className="sheet" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={descId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>{names.length === 1 ? `Upload ${names[0] ?? 'file'}` : `Upload ${names.length} items`}</h2>
        <div id={descId} className="sheet-files">
          <ul>
            {shown.map((name, i) => (
              <li key={`${name}-${i}`}>{name}</li>
            ))}
          </ul>
          {names.length > shown.length && <p className="muted">and {names.length - shown.length} more</p>}
        </div>

        {destinations.isPending && <p role="status">Loading your organizations…</p>}
        {destinations.isError && <ErrorNotice error={destinations.error} onRetry={() => void destinations.refetch()} />}
        {destinations.data && (
          <DestinationFields
            organizations={orgs}
            orgId={chosenOrg}
            teamId={chosenTeam}
            onOrg={(id) => {
              setOrgId(id);
              setTeamId(undefined);
            }}
            onTeam={setTeamId}
            listUnavailable
          />
        )}

        <fieldset className="sheet-visibility">
          <legend>Visibility</legend>
          {uploadVisibilities.map((v) => (
            <label key={v}>
              <input type="radio" name="upload-visibility" value={v} checked={chosenVisibility === v} onChange={() => setVisibility(v)} />
              {VISIBILITY_LABELS[v].label} <span className="muted">— {VISIBILITY_LABELS[v].hint}</span>
            </label>
          ))}
        </fieldset>

        {offerDataset && (
          <label className="sheet-dataset">
            <input type="checkbox" checked={chosenDataset} onChange={(e) => setAsDataset(e.target.checked)} />
            Upload as a dataset (columns and types are read from the file)
          </label>
        )}

        <div className="sheet-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={confirm} disabled={busy || destinations.isPending || needsTeam || Boolean(disabledTeam)}>
            {busy ? 'Starting…' : 'Upload'}
          </button>
        </div>
      </div>
    </div>
  );
}
