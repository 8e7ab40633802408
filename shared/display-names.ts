// One name for each organization and team wherever it appears (list columns, details, filters,
// the upload sheet, the drop overlay): the API's display name when it has one, its name
// otherwise, and the global organization and its catch-all team (both named `all` by Ouro) as
// "Everyone on Ouro".

/** The global organization and its catch-all team share this id (recorded from the real Ouro). */
export const GLOBAL_ID = '00000000-0000-0000-0000-000000000000';
export const EVERYONE_ON_OURO = 'Everyone on Ouro';

interface Named {
  id?: string | null | undefined;
  name?: string | null | undefined;
  /** Ouro's `display_name` (organizations have one; teams do not). */
  display_name?: string | null | undefined;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function isGlobal(entity: Named | null | undefined): boolean {
  return entity?.id === GLOBAL_ID;
}

export function organizationName(org: Named | null | undefined): string {
  if (!org) return '—';
  if (isGlobal(org)) return EVERYONE_ON_OURO;
  return clean(org.display_name) ?? clean(org.name) ?? 'Organization';
}

export function teamName(team: Named | null | undefined): string {
  if (!team) return '—';
  if (isGlobal(team)) return EVERYONE_ON_OURO;
  return clean(team.name) ?? 'Team';
}

/** Where something lives or goes: "Helios Materials Lab · Crystal Growth", or "Everyone on Ouro". */
export function placeName(org: Named | null | undefined, team: Named | null | undefined): string {
  if (!org || isGlobal(org)) return EVERYONE_ON_OURO;
  return team && !isGlobal(team) ? `${organizationName(org)} · ${teamName(team)}` : organizationName(org);
}
