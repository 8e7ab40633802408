// Which account is signed in, as an opaque key: work started under one account (a delete
// confirmation, a drag link, cached bytes) is only ever used under the same one.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/app-error';
import type { AccountState } from '../../shared/account';
import type { AccountService } from '../account/account-service';

/** Hash of the API address and the user (or, offline before the user is known, the key's hint). */
export function accountKeyOf(state: AccountState): string | null {
  if (state.status !== 'signed-in') return null;
  const who = state.user?.id ?? `key:${state.keyHint}`;
  return createHash('sha256').update(`${state.apiBaseUrl}\n${who}`).digest('hex').slice(0, 32);
}

export async function accountKey(account: Pick<AccountService, 'state'>): Promise<string> {
  const key = accountKeyOf(await account.state());
  if (!key) throw new AppError({ kind: 'not-signed-in', message: 'Sign in to continue' });
  return key;
}
