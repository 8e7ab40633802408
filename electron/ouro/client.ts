// Composes the Ouro client from its parts: defaults, the session (key → JWT), the authenticated
// request pipeline and one object per resource. Imports nothing from Electron: main passes
// `net.fetch`, tests and the web host pass Node's fetch.
import type { Profile, User } from './models';
import { realClock } from './abort';
import { createAssets, type AssetsApi } from './assets';
import { createConversations, type ConversationsApi } from './conversations';
import { createDatasets, type DatasetsApi } from './datasets';
import { createFiles, type FilesApi } from './files';
import { isAppError } from '../../shared/app-error';
import { unauthorizedAfterExchange } from './errors';
import { createBodyTransport } from './body-transport';
import { createHttp, type Http } from './http';
import { createNotifications, type NotificationsApi } from './notifications';
import { createOrganizations, createTeams, type OrganizationsApi, type TeamsApi } from './organizations';
import { defaultRetry } from './retry';
import { createSearch, type SearchApi } from './search';
import { createSession } from './session';
import { exchangeKey } from './token';
import type { OuroClientOptions, TimeoutOptions } from './types';
import { createUsers, type UsersApi } from './users';

export const defaultTimeouts: Required<TimeoutOptions> = {
  // Until response headers: generous because search can be slow on the server side.
  connectMs: 30_000,
  // ouro-py allows 600 s; JSON answers here are small, so two minutes is plenty.
  totalMs: 120_000,
  idleMs: 60_000,
};

export interface VerifiedKey {
  user: User;
  profile: Profile;
  /** `api_key_name` from the exchange, when Ouro returned one. */
  keyName: string | null;
}

/** The session behind the client's requests (the request core builds every header itself). */
export interface ClientAuth {
  baseUrl: string;
  /** Exchanges the key now unless a valid token is cached (benchmarks keep the exchange out of a timing). */
  ready(signal?: AbortSignal): Promise<void>;
  /** Values no error message may contain. */
  secrets(): string[];
}

export interface OuroClient {
  auth: ClientAuth;
  /**
   * The authenticated request pipeline itself, for modules that add endpoints (uploads, creates).
   * Only GETs retry by default; pass `idempotent: true` for other safe reads.
   */
  http: Http;
  users: UsersApi;
  organizations: OrganizationsApi;
  teams: TeamsApi;
  search: SearchApi;
  assets: AssetsApi;
  files: FilesApi;
  datasets: DatasetsApi;
  conversations: ConversationsApi;
  notifications: NotificationsApi;
  /**
   * Checks a candidate key without storing or caching anything: exchange, `GET /user`,
   * `GET /user/profile`. A key refused at the exchange is `unauthorized` (and does not call
   * onUnauthorized); a 401 from the two reads after a good exchange is `server`, not a refusal.
   */
  verifyKey(key: string, signal?: AbortSignal): Promise<VerifiedKey>;
  /** Drops the cached token (sign-out, key change). */
  reset(): void;
}

export function createOuroClient(options: OuroClientOptions): OuroClient {
  const shared = {
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    appVersion: options.appVersion,
    timeouts: { ...defaultTimeouts, ...options.timeouts },
    retry: { ...defaultRetry, ...options.retry },
    clock: options.clock ?? realClock,
    random: options.random ?? Math.random,
    ...(options.log ? { log: options.log } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    sendBody: createBodyTransport(options.agentFor),
  };
  // The exchange goes through a pipeline without a session (it is how a session starts).
  const anonymous: Http = createHttp(shared);
  const session = createSession({
    exchange: (key) => exchangeKey(anonymous, key),
    getApiKey: options.getApiKey,
    clock: shared.clock,
    ...(options.onUnauthorized ? { onUnauthorized: options.onUnauthorized } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const http = createHttp({ ...shared, session });
  const organizations = createOrganizations(http);
  return {
    auth: {
      baseUrl: options.baseUrl,
      ready: async (signal) => void (await session.current(signal)),
      secrets: () => session.secrets(),
    },
    http,
    users: createUsers(http),
    organizations,
    teams: createTeams(http, organizations),
    search: createSearch(http),
    assets: createAssets(http),
    files: createFiles(http),
    datasets: createDatasets(http),
    conversations: createConversations(http),
    notifications: createNotifications(http),
    async verifyKey(key, signal) {
      const candidate = key.trim();
      const credentials = await exchangeKey(anonymous, candidate, signal);
      // `anonymous` with explicit credentials: a 401 here means this key, not the stored one.
      const users = createUsers(anonymous, credentials);
      const call = signal ? { signal } : {};
      try {
        const [user, profile] = await Promise.all([users.me(call), users.profile(call)]);
        return { user, profile, keyName: credentials.keyName ?? null };
      } catch (error) {
        throw isAppError(error) && error.kind === 'unauthorized' ? unauthorizedAfterExchange(error) : error;
      }
    },
    reset() {
      session.reset();
    },
  };
}
