// What the renderer may know about the signed-in account. Never the key: only whether one is
// in use, where it is kept, and a masked hint of its last four characters.

export interface AccountUser {
  id: string;
  username: string;
  displayName: string | null;
  email: string | null;
}

export type KeyStorage = 'keychain' | 'session' | 'environment';

export type KeychainStatus = { available: true } | { available: false; message: string };

export type AccountState =
  | {
      status: 'signed-out';
      /** Why we are here: a refused key gets its own message on the sign-in screen. */
      reason: 'never' | 'signed-out' | 'revoked';
      apiBaseUrl: string;
      keychain: KeychainStatus;
    }
  | {
      status: 'signed-in';
      /** Null only when starting offline with nothing cached about the user yet. */
      user: AccountUser | null;
      keyHint: string;
      keyName: string | null;
      storage: KeyStorage;
      apiBaseUrl: string;
      connection: 'online' | 'offline';
    };

/** `•••• ` + the key's last four characters: enough to recognise a key, useless to an attacker. */
export function keyHint(key: string): string {
  return `•••• ${key.trim().slice(-4)}`;
}

export function avatarInitial(user: Pick<AccountUser, 'username' | 'displayName'> | null): string {
  const name = user?.displayName?.trim() || user?.username.trim() || '?';
  return name.charAt(0).toUpperCase();
}
