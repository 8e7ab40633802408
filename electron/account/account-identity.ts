// What "the same account" means wherever data is tied to one (the upload queue, staged files,
// upload preferences): the same user id at the same API address. A new key for the same user is
// the same account; the same user id at another API address is not.
import type { AccountState } from '../../shared/account';

export interface AccountIdentity {
  /** Stable key: the API address and the user id. */
  key: string;
  /** For people: "alice at api.ouro.foundation". */
  label: string;
}

export function accountIdentity(state: AccountState): AccountIdentity | null {
  if (state.status !== 'signed-in' || !state.user?.id) return null;
  let host = state.apiBaseUrl;
  try {
    host = new URL(state.apiBaseUrl).host;
  } catch {
    // keep the address as it is
  }
  return { key: `${state.apiBaseUrl}#${state.user.id}`, label: `${state.user.username} at ${host}` };
}
