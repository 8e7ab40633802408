// The Files and Datasets sections remember their scope, filters and sort between runs. They
// live in the page's storage (the app's own profile) and are cleared on sign-out, because org
// and team ids belong to the account.
import { scopes, sortOrders, type Scope, type SortOrder } from '../../../shared/browse';

export interface ListChoices {
  scope: Scope;
  orgId: string | null;
  teamId: string | null;
  sort: SortOrder;
}

export const defaultChoices: ListChoices = { scope: 'personal', orgId: null, teamId: null, sort: 'recent' };
const PREFIX = 'ouro.browse.';

export function loadChoices(section: string): ListChoices {
  try {
    const raw = JSON.parse(localStorage.getItem(PREFIX + section) ?? 'null') as Partial<ListChoices> | null;
    if (!raw || typeof raw !== 'object') return defaultChoices;
    return {
      scope: scopes.includes(raw.scope as Scope) ? (raw.scope as Scope) : defaultChoices.scope,
      orgId: typeof raw.orgId === 'string' ? raw.orgId : null,
      teamId: typeof raw.teamId === 'string' ? raw.teamId : null,
      sort: sortOrders.includes(raw.sort as SortOrder) ? (raw.sort as SortOrder) : defaultChoices.sort,
    };
  } catch {
    return defaultChoices;
  }
}

export function saveChoices(section: string, choices: ListChoices): void {
  localStorage.setItem(PREFIX + section, JSON.stringify(choices));
}

export function loadLastSection(): string | null {
  return localStorage.getItem(`${PREFIX}section`);
}

export function saveLastSection(section: string): void {
  localStorage.setItem(`${PREFIX}section`, section);
}

/** Sign-out: nothing of the account's choices stays behind. */
export function clearBrowsePreferences(): void {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key?.startsWith(PREFIX)) localStorage.removeItem(key);
  }
}
