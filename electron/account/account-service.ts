// Who is signed in, with which key, against which Ouro. Owns the key's lifecycle: verified
// before it is stored, kept in the keychain (or in memory for this session only), used only
// here in main, and removed on sign-out or when Ouro refuses it.
import { AppError, isAppError } from '../../shared/app-error';
import { isTransient } from '../../shared/error-kinds';
import { keyHint, type AccountState, type AccountUser, type KeychainStatus, type KeyStorage } from '../../shared/account';
import type { OuroClient, VerifiedKey } from '../ouro/client';
import type { Logger } from '../log';
import { parseApiAddress, type ConfirmApiAddress } from './api-address';
import type { EmitEvent } from '../event-hub';
import type { SecretStore } from './keychain';
import { createAccountEvents, type AccountEvents } from './account-events';
import { accountFiles } from './account-files';
import { createAccountClients, type ClientHooks } from './account-clients';
import { createReconnectTimer, DEFAULT_RETRY_DELAYS } from './reconnect-timer';
import { chooseSignInAddress } from './sign-in-address';
import { toAccountUser } from './account-user';

export interface AccountDeps {
  /** The API base from the launch (flag, environment) or production; a confirmed choice overrides it. */
  defaultApiBaseUrl: string;
  /** --api-url/OURO_BACKEND_URL/OURO_BASE_URL was given explicitly: it wins over a remembered choice. */
  apiBaseFromEnv: boolean;
  /**
   * Electron: a native dialog, opened by main, showing the host an address the page asked for.
   * Absent (web host): the page cannot choose an address at all.
   */
  confirmApiAddress?: ConfirmApiAddress | undefined;
  /** OURO_API_KEY: used for the session, never written to the keychain. */
  envApiKey?: string | undefined;
  dataDir: string;
  keychain: SecretStore;
  createClient(baseUrl: string, hooks: ClientHooks): OuroClient;
  log: Logger;
  emit: EmitEvent;
  /** Delays between background reconnection attempts while offline. */
  retryDelaysMs?: number[];
}

export interface SignInInput {
  apiKey: string;
  apiBaseUrl?: string | undefined;
  sessionOnly?: boolean | undefined;
}

export interface AccountService extends AccountEvents {
  /** Reads settings and the keychain; a stored key signs in without a prompt. */
  start(): Promise<void>;
  state(): Promise<AccountState>;
  signIn(input: SignInInput): Promise<AccountState>;
  signOut(): Promise<AccountState>;
  /** Try to reach Ouro again now (the offline banner's Retry). */
  reconnect(): Promise<AccountState>;
  /** Every browse request's outcome: a network failure shows the offline state, a success clears it. */
  noteReachability(reachable: boolean): void;
  /** The client for the signed-in account; `not-signed-in` when there is none. */
  client(): OuroClient;
  /** Resolves once the stored key has been checked with Ouro at start-up (whatever the outcome). */
  verified(): Promise<void>;
  dispose(): void;
}

export function createAccountService(deps: AccountDeps): AccountService {
  const files = accountFiles(deps.dataDir, deps.log);
  let apiBaseUrl = deps.defaultApiBaseUrl;
  let key: string | null = null;
  let storage: KeyStorage = 'keychain';
  let current: AccountState = { status: 'signed-out', reason: 'never', apiBaseUrl, keychain: { available: true } };
  const clients = createAccountClients({ createClient: deps.createClient, currentKey: () => key, onRefused: () => void refused() });
  const retry = createReconnectTimer(deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS, () => void verifyCurrent());
  const events = createAccountEvents(deps.log);
  let started: Promise<void> | undefined;
  let verifying: Promise<void> = Promise.resolve();

  function publish(next: AccountState): AccountState {
    current = next;
    events.changed(next);
    deps.emit('account:changed', next);
    return next;
  }

  function signedIn(user: AccountUser | null, keyName: string | null, connection: 'online' | 'offline'): AccountState {
    return { status: 'signed-in', user, keyHint: keyHint(key ?? ''), keyName, storage, apiBaseUrl, connection };
  }

  /** Confirms the key in use with Ouro; offline keeps the person signed in and retries later. */
  async function verifyCurrent(): Promise<void> {
    const usedKey = key;
    if (!usedKey) return;
    try {
      const verified = await clients.clientFor(apiBaseUrl).verifyKey(usedKey);
      if (key !== usedKey) return; // signed out or switched keys meanwhile
      retry.stop();
      await remember(verified);
      // Again: Ouro may have refused the key, or someone signed out, while the profile was saved.
      if (key !== usedKey) return;
      publish(signedIn(toAccountUser(verified.user, verified.profile), verified.keyName, 'online'));
    } catch (error) {
      if (key !== usedKey) return;
      if (isAppError(error) && error.kind === 'unauthorized') return refused();
      if (isAppError(error) && isTransient(error)) deps.log.info(`Ouro unreachable at start-up (${error.kind}); staying signed in and retrying`);
      else deps.log.warn('Verifying the stored key failed', error);
      if (current.status === 'signed-in') publish({ ...current, connection: 'offline' });
      retry.schedule();
    }
  }

  async function remember(verified: VerifiedKey): Promise<void> {
    await files.cacheProfile(apiBaseUrl, { user: toAccountUser(verified.user, verified.profile), keyName: verified.keyName });
  }

  /** Ouro refused the key even after a fresh exchange: back to sign-in, key removed. */
  async function refused(): Promise<void> {
    if (!key) return;
    deps.log.info('Ouro refused the API key; returning to sign-in');
    const wasStored = storage === 'keychain';
    key = null;
    retry.stop();
    clients.newGeneration();
    // The state changes at once, so no caller sees a signed-in account with no key behind it.
    publish({ status: 'signed-out', reason: 'revoked', apiBaseUrl, keychain: { available: true } });
    if (wasStored) await deps.keychain.delete(apiBaseUrl).catch(() => {});
    await files.forgetProfile();
  }

  async function start(): Promise<void> {
    const confirmed = await files.confirmedAddress();
    if (confirmed && !deps.apiBaseFromEnv) {
      try {
        apiBaseUrl = parseApiAddress(confirmed);
      } catch (error) {
        deps.log.warn('Ignoring the saved API address', error);
      }
    }

    if (deps.envApiKey?.trim()) {
      key = deps.envApiKey.trim();
      storage = 'environment';
      deps.log.addSecret(key);
      current = signedIn(null, null, 'online');
      verifying = verifyCurrent();
      return;
    }
    let stored: string | null = null;
    let keychain: KeychainStatus = { available: true };
    try {
      stored = await deps.keychain.get(apiBaseUrl);
    } catch (error) {
      keychain = { available: false, message: error instanceof Error ? error.message : String(error) };
      deps.log.warn('The keychain is unavailable');
    }
    if (!stored) {
      current = { status: 'signed-out', reason: 'never', apiBaseUrl, keychain };
      return;
    }
    key = stored;
    storage = 'keychain';
    deps.log.addSecret(stored);
    const cached = await files.cachedProfile(apiBaseUrl);
    current = signedIn(cached?.user ?? null, cached?.keyName ?? null, 'online');
    verifying = verifyCurrent();
  }

  // Every read of the account waits for the keychain to have been read (starting it if nothing
  // has yet): before that the state is only a placeholder, and must never be shown as "signed out".
  const ensureStarted = () => (started ??= start());

  return {
    start: ensureStarted,
    async state() {
      await ensureStarted();
      return current;
    },
    async signIn(input) {
      await ensureStarted();
      const candidate = input.apiKey.trim();
      deps.log.addSecret(candidate);
      const { base, confirmed } = await chooseSignInAddress(input.apiBaseUrl, {
        current: apiBaseUrl,
        defaultBase: deps.defaultApiBaseUrl,
        confirmApiAddress: deps.confirmApiAddress,
        log: deps.log,
      });
      // Verify first: nothing is stored for a key Ouro does not accept.
      const verified = await clients.clientFor(base).verifyKey(candidate);
      // The keychain account is the API address: a key is never reused for another address.
      if (!input.sessionOnly) await deps.keychain.set(base, candidate);
      if (confirmed || (base !== apiBaseUrl && base === deps.defaultApiBaseUrl)) {
        // Remembered only once the person confirmed it in main's dialog (or went back to the default).
        await files.saveConfirmedAddress(base === deps.defaultApiBaseUrl ? null : base);
      }
      // Replacing another key: its token must not be reused, nor its clients.
      clients.newGeneration();
      retry.stop();
      apiBaseUrl = base;
      key = candidate;
      storage = input.sessionOnly ? 'session' : 'keychain';
      await remember(verified);
      return publish(signedIn(toAccountUser(verified.user, verified.profile), verified.keyName, 'online'));
    },
    async signOut() {
      await ensureStarted();
      const wasStored = storage === 'keychain' && key !== null;
      key = null;
      retry.stop();
      clients.newGeneration();
      let keychain: KeychainStatus = { available: true };
      if (wasStored) {
        try {
          await deps.keychain.delete(apiBaseUrl);
        } catch (error) {
          keychain = { available: false, message: error instanceof Error ? error.message : String(error) };
        }
      }
      await files.forgetProfile();
      await events.signedOut();
      return publish({ status: 'signed-out', reason: 'signed-out', apiBaseUrl, keychain });
    },
    async reconnect() {
      await ensureStarted();
      retry.stop();
      await verifyCurrent();
      return current;
    },
    noteReachability(reachable) {
      if (current.status !== 'signed-in') return;
      const connection = reachable ? 'online' : 'offline';
      if (current.connection !== connection) publish({ ...current, connection });
      if (reachable) retry.stop();
      else retry.schedule();
    },
    client() {
      if (!key) throw new AppError({ kind: 'not-signed-in', message: 'Sign in to continue' });
      return clients.clientFor(apiBaseUrl);
    },
    async verified() {
      await ensureStarted();
      await verifying;
    },
    onChanged: events.onChanged,
    onSignedOut: events.onSignedOut,
    dispose() {
      retry.stop();
      clients.clear();
    },
  };
}
