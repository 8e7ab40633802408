// Where files go on Ouro — organization, then team — as the upload sheet and the sync-folder sheet
// both ask it: teams that refuse API uploads (`source_policy: web_only`) are listed but disabled,
// with the reason, and a chosen one that is refused says why.
import { EVERYONE_ON_OURO, GLOBAL_ID } from '../../../shared/display-names';
import type { DestinationOrg } from '../../../shared/uploads';

export interface DestinationFieldsProps {
  organizations: readonly DestinationOrg[];
  /** The chosen organization's id ('' for none: everyone on Ouro). */
  orgId: string;
  /** The chosen team's id ('' for none). */
  teamId: string;
  onOrg(orgId: string): void;
  onTeam(teamId: string): void;
  /** Also list the unavailable teams and their reasons under the fields. */
  listUnavailable?: boolean;
}

export function DestinationFields({ organizations, orgId, teamId, onOrg, onTeam, listUnavailable }: DestinationFieldsProps) {
  const org = organizations.find((o) => o.id === orgId && o.id !== GLOBAL_ID);
  const unavailable = org?.teams.filter((t) => t.disabledReason) ?? [];
  const refused = unavailable.find((t) => t.id === teamId);
  return (
    <div className="sheet-fields">
      <label>
        Organization
        <select value={orgId} onChange={(e) => onOrg(e.target.value)}>
          <option value="">{EVERYONE_ON_OURO} (no organization)</option>
          {organizations
            .filter((o) => o.id !== GLOBAL_ID)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
      </label>
      {org && (
        <label>
          Team
          <select value={teamId} onChange={(e) => onTeam(e.target.value)}>
            {org.teams.map((t) => (
              <option key={t.id} value={t.id} disabled={t.disabledReason !== null}>
                {t.disabledReason ? `${t.name} — unavailable: ${t.disabledReason}` : t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {listUnavailable && unavailable.length > 0 && (
        <p className="muted sheet-note">Unavailable teams: {unavailable.map((t) => `${t.name} (${t.disabledReason ?? ''})`).join('; ')}</p>
      )}
      {refused && <p role="alert">{refused.disabledReason}</p>}
    </div>
  );
}
