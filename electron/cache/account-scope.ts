// Which account a piece of kept data belongs to — the user id and the API address together (the
// same id on another Ouro is another account) — and the folder of the data folder it lives in.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { AccountState } from '../../shared/account';

export interface AccountScope {
  userId: string;
  apiBaseUrl: string;
  /** A digest of both: names the account's folder without spelling out the user or the server. */
  id: string;
}

export function accountScope(userId: string, apiBaseUrl: string): AccountScope {
  const id = createHash('sha256').update(`${apiBaseUrl}\n${userId}`).digest('hex').slice(0, 32);
  return { userId, apiBaseUrl, id };
}

/** The signed-in account's scope; null when signed out or before Ouro has said who the key is. */
export function scopeOf(state: AccountState): AccountScope | null {
  if (state.status !== 'signed-in' || !state.user?.id) return null;
  return accountScope(state.user.id, state.apiBaseUrl);
}

/** Everything kept for one account: its answer cache, recent items and unsent messages. */
export function accountFolder(dataDir: string, scope: AccountScope): string {
  return path.join(dataDir, 'accounts', scope.id);
}

/** Sign-out forgets everything: every account's folder goes, whatever is in it. */
export async function removeAccountFolders(dataDir: string): Promise<void> {
  await rm(path.join(dataDir, 'accounts'), { recursive: true, force: true, maxRetries: 3 });
}
