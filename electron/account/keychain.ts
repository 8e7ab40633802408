// The API key's home: the OS keychain through keytar (macOS Keychain, Windows Credential
// Manager, the Secret Service on Linux). keytar is a native module loaded lazily, so a missing
// or broken build means "keychain unavailable", never a crash at start-up.
import { createRequire } from 'node:module';
import { AppError } from '../../shared/app-error';

/** The keychain entries' service name; development runs use their own (app/app-identity.ts). */
export const KEYCHAIN_SERVICE = 'Ouro Desktop';

export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Secrets keyed by account; the account is the API base URL, so each server keeps its own key. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/** What to do about an unusable keychain, in the words of the person's OS. */
export function keychainHelp(platform: string): string {
  if (platform === 'darwin') {
    return 'macOS refused access to the Keychain. Open Keychain Access, make sure the login keychain is unlocked, and allow Ouro when macOS asks.';
  }
  if (platform === 'win32') {
    return 'Windows Credential Manager could not be used. Make sure you are signed in to Windows with your own account (not a temporary profile), then restart Ouro.';
  }
  return 'No Secret Service answered. Install and start a keyring such as GNOME Keyring or KWallet (for example `sudo apt install gnome-keyring`), make sure it is unlocked, then restart Ouro.';
}

export function loadKeytar(): Promise<KeytarLike> {
  // Loaded on first use, so a missing or mis-built native module fails here, not at start-up.
  // require rather than import(): inside app.asar only Electron's CommonJS loader is sure to find
  // the package and its addon in app.asar.unpacked (electron-updater is loaded the same way, see
  // app/update-controller.ts). esbuild leaves the call alone: keytar is external.
  return Promise.resolve().then(() => createRequire(__filename)('keytar') as KeytarLike);
}

export function createKeychain(load: () => Promise<KeytarLike>, platform: string, service: string = KEYCHAIN_SERVICE): SecretStore {
  let loaded: Promise<KeytarLike> | undefined;
  const unavailable = (cause: unknown) =>
    new AppError({ kind: 'keychain-unavailable', message: keychainHelp(platform) }, { cause });

  async function run<T>(operation: (keytar: KeytarLike) => Promise<T>): Promise<T> {
    let keytar: KeytarLike;
    try {
      keytar = await (loaded ??= load());
    } catch (error) {
      loaded = undefined; // let a later call retry, e.g. after the person installs a keyring
      throw unavailable(error);
    }
    try {
      return await operation(keytar);
    } catch (error) {
      throw unavailable(error);
    }
  }

  return {
    get: (account) => run((k) => k.getPassword(service, account)),
    set: (account, secret) => run((k) => k.setPassword(service, account, secret)),
    delete: (account) => run((k) => k.deletePassword(service, account)).then(() => undefined),
  };
}
