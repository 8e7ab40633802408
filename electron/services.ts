// The one factory both hosts use to build the main-process side of the app: the handlers for
// every contract channel and the event sink they push through. main.ts passes Electron's
// pieces (net.fetch, shell.openExternal); the web host passes Node's; tests pass fakes.
import type { AppInfo, EventName, EventPayload, UpdateState } from '../shared/contract';
import { createAccountService, type AccountService } from './account/account-service';
import type { SecretStore } from './account/keychain';
import { createFileHandlers } from './browse/browse-handlers';
import { createConversationHandlers } from './browse/conversation-handlers';
import { createDatasetHandlers } from './browse/dataset-handlers';
import type { ChooseSavePath } from './browse/save-download';
import type { Handler, Handlers } from './ipc/handlers';
import type { Channel } from '../shared/contract';
import { isAppError } from '../shared/app-error';
import type { Logger } from './log';
import { createOuroClient } from './ouro/client';
import type { ConfirmApiAddress } from './account/api-address';
import { safeExternalUrl } from './security/external-url';
import { createPathGrants, type PathGrants } from './security/path-grants';
import { createUploadHandlers } from './uploads/upload-handlers';
import { createUploadService, type UploadOptions, type UploadService } from './uploads/upload-service';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ServiceDeps {
  appVersion: string;
  platform: string;
  /** Resolved from --api-url / OURO_BACKEND_URL / OURO_BASE_URL / production. */
  apiBaseUrl: string;
  apiBaseFromEnv: boolean;
  /**
   * Electron: asks the person, in a native dialog main opens, before an API address the page
   * asked for is used. Absent (web host): the page cannot change the address.
   */
  confirmApiAddress?: ConfirmApiAddress | undefined;
  /** OURO_API_KEY, a developer convenience: used for the session, never stored. */
  envApiKey?: string | undefined;
  dataDir: string;
  host: AppInfo['host'];
  log: Logger;
  emit: EmitEvent;
  /** Electron's net.fetch (system proxies and certificates) or Node's fetch. */
  fetch: typeof fetch;
  keychain: SecretStore;
  openExternal(url: string): void | Promise<void>;
  /** Auto-update (Electron, packaged builds only); the web host has none. */
  updates?: { state(): UpdateState; restart(): void } | undefined;
  /** The host's save dialog (Electron) or a downloads folder (web host). */
  chooseSavePath: ChooseSavePath;
  /** Overrides the client's request timeouts (OURO_HTTP_TIMEOUT_MS; tests use short ones). */
  httpTimeoutMs?: number | undefined;
  retryDelaysMs?: number[];
  /** Upload limits and host hooks (open dialog, notification, progress bar); see uploads/upload-service.ts. */
  uploads?: UploadOptions;
}

const UNREACHABLE_KINDS = new Set(['network', 'timeout']);

/**
 * Every browse call tells the account whether Ouro was reachable, so the offline banner
 * appears on the first network failure and goes on the next success.
 */
function trackReachability<C extends Channel>(handler: Handler<C>, account: AccountService): Handler<C> {
  return async (input, context) => {
    try {
      const result = await handler(input, context);
      account.noteReachability(true);
      return result;
    } catch (error) {
      if (isAppError(error) && UNREACHABLE_KINDS.has(error.kind)) account.noteReachability(false);
      throw error;
    }
  };
}

function trackAll<H extends Partial<Handlers>>(handlers: H, account: AccountService): H {
  const tracked: Partial<Record<Channel, unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [Channel, Handler<Channel>][]) {
    tracked[channel] = trackReachability(handler, account);
  }
  return tracked as H;
}

export interface MainServices {
  handlers: Handlers;
  account: AccountService;
  uploads: UploadService;
  /** The local paths main was given (dialogs, the preload's private channel); cleared on sign-out. */
  grants: PathGrants;
  /** Reads settings and the keychain; call once before serving the window. */
  start(): Promise<void>;
  /** Releases timers, sockets and files on quit. */
  dispose(): Promise<void>;
}

export function createMainServices(deps: ServiceDeps): MainServices {
  // The upload queue follows the account: it pauses when Ouro refuses the key, resumes on sign-in.
  const follow: { uploads?: UploadService } = {};
  const emit: EmitEvent = (event, payload) => {
    // The queue learns of the new account before the page does, so the page never sees (or
    // acts on) another account's items.
    if (event === 'account:changed') follow.uploads?.onAccountChanged(payload as EventPayload<'account:changed'>);
    deps.emit(event, payload);
  };
  const account = createAccountService({
    defaultApiBaseUrl: deps.apiBaseUrl,
    apiBaseFromEnv: deps.apiBaseFromEnv,
    confirmApiAddress: deps.confirmApiAddress,
    envApiKey: deps.envApiKey,
    dataDir: deps.dataDir,
    keychain: deps.keychain,
    log: deps.log,
    emit,
    ...(deps.retryDelaysMs ? { retryDelaysMs: deps.retryDelaysMs } : {}),
    createClient: (baseUrl, hooks) =>
      createOuroClient({
        baseUrl,
        fetch: deps.fetch,
        appVersion: deps.appVersion,
        getApiKey: hooks.getApiKey,
        onUnauthorized: hooks.onUnauthorized,
        log: deps.log,
        ...(deps.httpTimeoutMs ? { timeouts: { connectMs: deps.httpTimeoutMs, totalMs: deps.httpTimeoutMs } } : {}),
        onRetry: ({ kind, delayMs }) => {
          if (kind === 'rate-limited' || kind === 'server' || kind === 'network') {
            deps.emit('requests:retrying', { kind, retryInSeconds: Math.max(1, Math.ceil(delayMs / 1000)) });
          }
        },
      }),
  });
  const browse = { account, fetch: deps.fetch, chooseSavePath: deps.chooseSavePath, emit: deps.emit, log: deps.log };

  const grants = createPathGrants();
  const uploadService = createUploadService({ ...deps.uploads, dataDir: deps.dataDir, log: deps.log, emit: deps.emit, client: () => account.client(), grants, accountVerified: () => account.verified() });
  follow.uploads = uploadService;
  account.onSignedOut(async () => {
    grants.clear();
    await uploadService.forget();
  });

  const handlers: Handlers = {
    // The API in use: the one chosen at sign-in (Advanced) when it differs from the default.
    'app:info': async () => ({
      name: 'Ouro',
      version: deps.appVersion,
      platform: deps.platform,
      apiBaseUrl: (await account.state()).apiBaseUrl,
      host: deps.host,
    }),
    'app:open-external': async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (safe) await deps.openExternal(safe);
    },
    'app:update-state': () => deps.updates?.state() ?? { ready: false, version: null },
    'app:restart-to-update': () => deps.updates?.restart(),
    'account:get': () => account.state(),
    'account:sign-in': (input) => account.signIn(input),
    'account:sign-out': () => account.signOut(),
    'account:reconnect': () => account.reconnect(),
    ...trackAll(createFileHandlers(browse), account),
    ...trackAll(createDatasetHandlers(browse), account),
    ...trackAll(createConversationHandlers(browse), account),
    ...createUploadHandlers(uploadService, grants),
  };

  return {
    handlers,
    account,
    uploads: uploadService,
    grants,
    start: async () => {
      await account.start();
      await uploadService.start();
      // A stored key signs in without an account:changed event: the queue learns who it is here.
      uploadService.onAccountChanged(await account.state());
    },
    dispose: async () => {
      await uploadService.dispose();
      account.dispose();
    },
  };
}
