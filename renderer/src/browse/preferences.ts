// The Files and Datasets sections remember their scope, filters and sort between runs. They
// live in the page's storage (the app's own profile) and belong to one account (org and team
// ids mean nothing to another): cleared on sign-out, and when another account signs in.
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

const OWNER_KEY = `${PREFIX}account`;

/**
 * Makes the stored choices `account`'s: if they were saved by another account (a different
 * user, or the same user at another API address) they are cleared first. Idempotent.
 */
export function ownBrowsePreferences(account: string): void {
  if (localStorage.getItem(OWNER_KEY) === account) return;
  clearBrowsePreferences();
  localStorage.setItem(OWNER_KEY, account);
}
