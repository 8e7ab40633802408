// Who is signed in, with which key, against which Ouro. Owns the key's lifecycle: verified
// before it is stored, kept in the keychain (or in memory for this session only), used only
// here in main, and removed on sign-out or when Ouro refuses it.
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import { isTransient } from '../../shared/error-kinds';
import { keyHint, type AccountState, type AccountUser, type KeychainStatus, type KeyStorage } from '../../shared/account';
import type { Profile, User } from '../ouro/models';
import type { OuroClient, VerifiedKey } from '../ouro/client';
import type { Logger } from '../log';
import { hostOf, parseApiAddress, parseRequestedAddress, type ConfirmApiAddress } from './api-address';
import type { EmitEvent } from '../event-hub';
import { readJson, removeFile, writeJsonAtomic } from '../storage/atomic-json';
import type { SecretStore } from './keychain';
import { createAccountEvents, type AccountEvents } from './account-events';
import path from 'node:path';

export interface ClientHooks {
  getApiKey: () => string | null;
  onUnauthorized: () => void;
}

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

// `confirmedApiBaseUrl`, not the old `apiBaseUrl`: an address saved before sign-in needed a native
// confirmation may have been chosen by page script, so it is not carried over.
const SettingsSchema = z.object({ confirmedApiBaseUrl: z.string().optional() });
const CacheSchema = z.object({
  apiBaseUrl: z.string(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string().nullable(), email: z.string().nullable() }),
  keyName: z.string().nullable(),
});

const DEFAULT_RETRY_DELAYS = [2_000, 5_000, 15_000, 30_000, 60_000];

function toAccountUser(user: User, profile: Profile): AccountUser {
  const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  return {
    id: str(user.id) ?? str(profile.user_id) ?? '',
    username: str(profile.username) ?? str(user.email) ?? 'Ouro user',
    displayName: str(profile.display_name) ?? str(profile.name),
    email: str(user.email) ?? str(profile.email),
  };
}

export function createAccountService(deps: AccountDeps): AccountService {
  const settingsFile = path.join(deps.dataDir, 'settings.json');
  const cacheFile = path.join(deps.dataDir, 'account-cache.json');
  const retryDelays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;

  let apiBaseUrl = deps.defaultApiBaseUrl;
  let key: string | null = null;
  let storage: KeyStorage = 'keychain';
  let current: AccountState = { status: 'signed-out', reason: 'never', apiBaseUrl, keychain: { available: true } };
  let clients = new Map<string, OuroClient>();
  // Bumped whenever the key changes. A client belongs to one generation: once the key changes it
  // can no longer obtain a key, so work that started under one account (an upload between two
  // steps) can never carry on under the next one's key.
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryAttempt = 0;
  const events = createAccountEvents(deps.log);
  let started: Promise<void> | undefined;
  let verifying: Promise<void> = Promise.resolve();

  function clientFor(base: string): OuroClient {
    let client = clients.get(base);
    if (!client) {
      const bound = generation;
      client = deps.createClient(base, {
        getApiKey: () => (generation === bound ? key : null),
        onUnauthorized: () => {
          if (generation === bound) void refused();
        },
      });
      clients.set(base, client);
    }
    return client;
  }

  /** The key is about to change: drop every client (and its cached token) of the old one. */
  function newGeneration(): void {
    generation++;
    for (const client of clients.values()) client.reset();
    clients = new Map();
  }

  function publish(next: AccountState): AccountState {
    current = next;
    events.changed(next);
    deps.emit('account:changed', next);
    return next;
  }

  function stopRetrying(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
    retryAttempt = 0;
  }

  function scheduleRetry(): void {
    if (retryTimer) return;
    const delay = retryDelays[Math.min(retryAttempt, retryDelays.length - 1)] ?? 60_000;
    retryAttempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void verifyCurrent();
    }, delay);
    retryTimer.unref?.();
  }

  function signedIn(user: AccountUser | null, keyName: string | null, connection: 'online' | 'offline'): AccountState {
    return { status: 'signed-in', user, keyHint: keyHint(key ?? ''), keyName, storage, apiBaseUrl, connection };
  }

  /** Confirms the key in use with Ouro; offline keeps the person signed in and retries later. */
  async function verifyCurrent(): Promise<void> {
    const usedKey = key;
    if (!usedKey) return;
    try {
      const verified = await clientFor(apiBaseUrl).verifyKey(usedKey);
      if (key !== usedKey) return; // signed out or switched keys meanwhile
      stopRetrying();
      await remember(verified);
      // Again: Ouro may have refused the key, or someone signed out, while the profile was saved.
      if (key !== usedKey) return;
      publish(signedIn(toAccountUser(verified.user, verified.profile), verified.keyName, 'online'));
    } catch (error) {
      if (key !== usedKey) return;
      if (isAppError(error) && error.kind === 'unauthorized') return refused();
      if (isAppError(error) && isTransient(error)) {
        deps.log.info(`Ouro unreachable at start-up (${error.kind}); staying signed in and retrying`);
        if (current.status === 'signed-in') publish({ ...current, connection: 'offline' });
        scheduleRetry();
        return;
      }
      deps.log.warn('Verifying the stored key failed', error);
      if (current.status === 'signed-in') publish({ ...current, connection: 'offline' });
      scheduleRetry();
    }
  }

  async function remember(verified: VerifiedKey): Promise<void> {
    const user = toAccountUser(verified.user, verified.profile);
    await writeJsonAtomic(cacheFile, { apiBaseUrl, user, keyName: verified.keyName }).catch((error: unknown) =>
      deps.log.warn('Could not cache the profile', error),
    );
  }

  async function forgetAccountData(): Promise<void> {
    await removeFile(cacheFile);
    await events.signedOut();
  }

  /** Ouro refused the key even after a fresh exchange: back to sign-in, key removed. */
  async function refused(): Promise<void> {
    if (!key) return;
    deps.log.info('Ouro refused the API key; returning to sign-in');
    const wasStored = storage === 'keychain';
    key = null;
    stopRetrying();
    newGeneration();
    // The state changes at once, so no caller sees a signed-in account with no key behind it.
    publish({ status: 'signed-out', reason: 'revoked', apiBaseUrl, keychain: { available: true } });
    if (wasStored) await deps.keychain.delete(apiBaseUrl).catch(() => {});
    await removeFile(cacheFile);
  }

  async function start(): Promise<void> {
    const settings = await readJson(settingsFile, SettingsSchema);
    if (settings?.confirmedApiBaseUrl && !deps.apiBaseFromEnv) {
      try {
        apiBaseUrl = parseApiAddress(settings.confirmedApiBaseUrl);
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
    const cache = await readJson(cacheFile, CacheSchema);
    const cached = cache && cache.apiBaseUrl === apiBaseUrl ? cache : null;
    current = signedIn(cached?.user ?? null, cached?.keyName ?? null, 'online');
    verifying = verifyCurrent();
  }

  /**
   * The address a sign-in goes to. The page may only ask: the one in use and the launch's
   * default need nothing more; any other must be confirmed by the person in main's own dialog,
   * and where there is none (web host) it is refused before the key is sent anywhere.
   */
  async function chooseBase(raw: string | undefined): Promise<{ base: string; confirmed: boolean }> {
    if (!raw?.trim()) return { base: apiBaseUrl, confirmed: false };
    const wanted = parseRequestedAddress(raw);
    if (wanted === apiBaseUrl || wanted === deps.defaultApiBaseUrl) return { base: wanted, confirmed: false };
    const host = hostOf(wanted);
    if (!deps.confirmApiAddress) {
      deps.log.warn(`Ignored an API address sent by the page (${host})`);
      throw new AppError({
        kind: 'invalid-input',
        message: `This app talks to ${hostOf(apiBaseUrl)}; it does not take an API address from the page. Start it with OURO_BACKEND_URL or --api-url to use ${host}.`,
        issues: ['API URL: set when the app is started'],
      });
    }
    if (!(await deps.confirmApiAddress({ host, url: wanted }))) {
      throw new AppError({ kind: 'cancelled', message: `You did not confirm the API address ${host}; nothing was sent to it.` });
    }
    return { base: wanted, confirmed: true };
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
      const { base, confirmed } = await chooseBase(input.apiBaseUrl);
      // Verify first: nothing is stored for a key Ouro does not accept.
      const verified = await clientFor(base).verifyKey(candidate);
      // The keychain account is the API address: a key is never reused for another address.
      if (!input.sessionOnly) await deps.keychain.set(base, candidate);
      if (confirmed || (base !== apiBaseUrl && base === deps.defaultApiBaseUrl)) {
        // Remembered only once the person confirmed it in main's dialog (or went back to the default).
        const settings = base === deps.defaultApiBaseUrl ? {} : { confirmedApiBaseUrl: base };
        await writeJsonAtomic(settingsFile, settings).catch((error: unknown) => deps.log.warn('Could not save settings', error));
      }
      // Replacing another key: its token must not be reused, nor its clients.
      newGeneration();
      stopRetrying();
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
      stopRetrying();
      newGeneration();
      let keychain: KeychainStatus = { available: true };
      if (wasStored) {
        try {
          await deps.keychain.delete(apiBaseUrl);
        } catch (error) {
          keychain = { available: false, message: error instanceof Error ? error.message : String(error) };
        }
      }
      await forgetAccountData();
      return publish({ status: 'signed-out', reason: 'signed-out', apiBaseUrl, keychain });
    },
    async reconnect() {
      await ensureStarted();
      stopRetrying();
      await verifyCurrent();
      return current;
    },
    noteReachability(reachable) {
      if (current.status !== 'signed-in') return;
      const connection = reachable ? 'online' : 'offline';
      if (current.connection !== connection) publish({ ...current, connection });
      if (reachable) stopRetrying();
      else scheduleRetry();
    },
    client() {
      if (!key) throw new AppError({ kind: 'not-signed-in', message: 'Sign in to continue' });
      return clientFor(apiBaseUrl);
    },
    async verified() {
      await ensureStarted();
      await verifying;
    },
    onChanged: events.onChanged,
    onSignedOut: events.onSignedOut,
    dispose() {
      stopRetrying();
      clients = new Map();
    },
  };
}
