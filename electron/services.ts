// The one factory both hosts use to build the main-process side of the app: the handlers for
// every contract channel and the event sink they push through. main.ts passes Electron's
// pieces (net.fetch, shell.openExternal); the web host passes Node's; tests pass fakes.
import type { AppInfo, EventName, EventPayload } from '../shared/contract';
import { createAccountService, type AccountService } from './account/account-service';
import type { SecretStore } from './account/keychain';
import type { Handlers } from './ipc/handlers';
import type { Logger } from './log';
import { createOuroClient } from './ouro/client';
import { safeExternalUrl } from './security/external-url';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ServiceDeps {
  appVersion: string;
  platform: string;
  /** Resolved from OURO_BACKEND_URL / OURO_BASE_URL / production. */
  apiBaseUrl: string;
  apiBaseFromEnv: boolean;
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
  retryDelaysMs?: number[];
}

export interface MainServices {
  handlers: Handlers;
  account: AccountService;
  /** Reads settings and the keychain; call once before serving the window. */
  start(): Promise<void>;
  /** Releases timers, sockets and files on quit. */
  dispose(): Promise<void>;
}

export function createMainServices(deps: ServiceDeps): MainServices {
  const account = createAccountService({
    defaultApiBaseUrl: deps.apiBaseUrl,
    apiBaseFromEnv: deps.apiBaseFromEnv,
    envApiKey: deps.envApiKey,
    dataDir: deps.dataDir,
    keychain: deps.keychain,
    log: deps.log,
    emit: deps.emit,
    ...(deps.retryDelaysMs ? { retryDelaysMs: deps.retryDelaysMs } : {}),
    createClient: (baseUrl, hooks) =>
      createOuroClient({
        baseUrl,
        fetch: deps.fetch,
        appVersion: deps.appVersion,
        getApiKey: hooks.getApiKey,
        onUnauthorized: hooks.onUnauthorized,
        log: deps.log,
      }),
  });

  const handlers: Handlers = {
    'app:info': () => ({
      name: 'Ouro',
      version: deps.appVersion,
      platform: deps.platform,
      apiBaseUrl: deps.apiBaseUrl,
      host: deps.host,
    }),
    'app:open-external': async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (safe) await deps.openExternal(safe);
    },
    'account:get': () => account.state(),
    'account:sign-in': (input) => account.signIn(input),
    'account:sign-out': () => account.signOut(),
    'account:reconnect': () => account.reconnect(),
  };

  return {
    handlers,
    account,
    start: () => account.start(),
    dispose: async () => account.dispose(),
  };
}
