// What "the same account" means wherever data is tied to one (the upload queue, staged files,
// upload preferences, and the kept data of cache/account-scope.ts): the same user id at the same
// API address. A new key for the same user is the same account; the same user id at another API
// address is not; a key Ouro has not yet answered for is nobody's yet.
import type { AccountState } from '../../shared/account';
import { scopeOf } from '../cache/account-scope';

export interface AccountIdentity {
  /** Stable key: the account's scope id (a digest of the API address and the user id). */
  key: string;
  /** For people: "alice at api.ouro.foundation". */
  label: string;
}

export function accountIdentity(state: AccountState): AccountIdentity | null {
  const scope = scopeOf(state);
  if (!scope || state.status !== 'signed-in' || !state.user) return null;
  let host = state.apiBaseUrl;
  try {
    host = new URL(state.apiBaseUrl).host;
  } catch {
    // keep the address as it is
  }
  return { key: scope.id, label: `${state.user.username} at ${host}` };
}
