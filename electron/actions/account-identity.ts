// Which account is signed in, as an opaque key: work started under one account (a delete
// confirmation, a drag link, cached bytes) is only ever used under the same one. The same key as
// every other per-account piece (account/account-identity.ts): the user id at the API address,
// so nothing is anyone's until Ouro has said whose the key is.
import { AppError } from '../../shared/app-error';
import type { AccountState } from '../../shared/account';
import type { AccountService } from '../account/account-service';
import { scopeOf } from '../cache/account-scope';

export function accountKeyOf(state: AccountState): string | null {
  return scopeOf(state)?.id ?? null;
}

/** The signed-in account's key; waits for Ouro's answer about a key just read at start-up. */
export async function accountKey(account: Pick<AccountService, 'state'> & Partial<Pick<AccountService, 'verified'>>): Promise<string> {
  let state = await account.state();
  if (state.status === 'signed-in' && !state.user && account.verified) {
    await account.verified();
    state = await account.state();
  }
  const key = accountKeyOf(state);
  if (key) return key;
  throw new AppError(
    state.status === 'signed-in'
      ? { kind: 'not-signed-in', message: 'Ouro has not yet confirmed who is signed in; check your connection and try again.' }
      : { kind: 'not-signed-in', message: 'Sign in to continue' },
  );
}
