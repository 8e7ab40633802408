// The one factory both hosts use to build the main-process side of the app: the handlers for
// every contract channel and the event sink they push through. main.ts passes Electron's
// pieces (net.fetch, shell.openExternal); the web host passes Node's; tests pass fakes.
import type { AppInfo, UpdateState } from '../shared/contract';
import type { EmitEvent } from './event-hub';
import { createAccountService, type AccountService } from './account/account-service';
import type { SecretStore } from './account/keychain';
import { createFileHandlers } from './browse/browse-handlers';
import { createConversationHandlers } from './browse/conversation-handlers';
import { createDatasetHandlers } from './browse/dataset-handlers';
import { createThumbnailHandler } from './browse/thumbnail-handler';
import type { Thumbnailer } from './browse/thumbnailer';
import type { ChooseSavePath } from './browse/save-download';
import type { Handlers } from './ipc/handlers';
import { afterStart, pick, trackAll } from './ipc/handler-wrappers';
import { createActionServices, type ActionOptions } from './actions/action-services';
import type { CachedCopy, DragCache } from './actions/drag-cache';
import type { DownloadManager } from './downloads/download-manager';
import type { DesktopHooks } from './desktop-handlers';
import { createDesktopServices } from './desktop-services';
import type { LinkIntake } from './links/link-intake';
import type { Logger } from './log';
import type { AgentFor } from './ouro/body-transport';
import { createOuroClient } from './ouro/client';
import type { ConfirmApiAddress } from './account/api-address';
import { safeExternalUrl } from './security/external-url';
import { createPathGrants, type PathGrants } from './security/path-grants';
import { createUploadHandlers } from './uploads/upload-handlers';
import { createUploadService, type UploadOptions, type UploadService } from './uploads/upload-service';
import { createSyncParts, type SyncOptions } from './sync/sync-parts';
import type { SyncService } from './sync/sync-service';

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
  /**
   * The agent streamed upload bodies (node:http, for backpressure) use per URL: Electron's system
   * proxy and OS certificate store, or the environment's in the web host. Absent: direct, Node's CAs.
   */
  agentFor?: AgentFor | undefined;
  keychain: SecretStore;
  openExternal(url: string): void | Promise<void>;
  /** Auto-update (Electron, packaged builds only); the web host has none. */
  updates?: { state(): UpdateState; restart(): void } | undefined;
  /** Makes list thumbnails: Electron's nativeImage in the app, pure JS in the web host and tests. */
  thumbnailer: Thumbnailer;
  /** The host's save dialog (Electron) or a downloads folder (web host). */
  chooseSavePath: ChooseSavePath;
  /** Overrides the client's request timeouts (OURO_HTTP_TIMEOUT_MS; tests use short ones). */
  httpTimeoutMs?: number | undefined;
  /** The account's waits before trying Ouro again while offline (OURO_RECONNECT_DELAYS_MS; tests). */
  retryDelaysMs?: number[] | undefined;
  /** Upload limits and host hooks (open dialog, notification, progress bar); see uploads/upload-service.ts. */
  uploads?: UploadOptions;
  /** Acting on content: folder dialog, "Show in folder", native menus (Electron); see actions/action-services.ts. */
  actions?: ActionOptions | undefined;
  /** OS notifications, the unread badge and the clipboard (Electron); see desktop-services.ts. */
  desktop?: DesktopHooks;
  /** Sync folders (issue 15): the folder chooser (Electron's dialog, the web host's env), watcher and timings. */
  sync?: SyncOptions | undefined;
  /** The answer cache's size budget (default 200 MB). */
  cacheBudgetBytes?: number;
  /** How often the unread count is polled (default a minute; OURO_NOTIFICATIONS_POLL_MS). */
  notificationPollMs?: number;
  /** The outbox's waits after a server error (OURO_OUTBOX_RETRY_MS). */
  outboxRetryDelaysMs?: number[];
}

export interface MainServices {
  /** Every handler waits for start() (and starts it if nothing has yet). */
  handlers: Handlers;
  account: AccountService;
  uploads: UploadService;
  /** Sync folders (issue 15): the host calls `catchUp()` after the computer wakes. */
  sync: SyncService;
  /** Every download and export, for the host's "quit aborts" and tests. */
  downloads: DownloadManager;
  /** Copies of dragged items: main.ts hands `pathsForDrag` to the Electron drag-out binding. */
  dragCache: DragCache;
  /** The web host's `GET /__ouro/drag/<token>`: the bytes behind a drag link, or null. */
  openDragLink(token: string): Promise<CachedCopy | null>;
  /** Where ouro:// links arrive (open-url, a second instance's argv, the web host's entry point). */
  links: LinkIntake;
  /** The local paths main was given (dialogs, the preload's private channel); cleared on sign-out. */
  grants: PathGrants;
  /**
   * Reads settings and the keychain, then restores the upload queue. Hosts call it once the
   * window (or the web host) is up: a locked keychain may hold it for a long time.
   */
  start(): Promise<void>;
  /** On quit: aborts downloads (removing their temporary files), saves the queue, stops timers. */
  dispose(): Promise<void>;
}

export function createMainServices(deps: ServiceDeps): MainServices {
  const account = createAccountService({
    defaultApiBaseUrl: deps.apiBaseUrl,
    apiBaseFromEnv: deps.apiBaseFromEnv,
    confirmApiAddress: deps.confirmApiAddress,
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
        ...(deps.agentFor ? { agentFor: deps.agentFor } : {}),
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
  const actions = createActionServices({
    ...deps.actions,
    account,
    dataDir: deps.dataDir,
    log: deps.log,
    emit: deps.emit,
    uploads: () => uploadService,
    track: (handlers) => trackAll(handlers, account),
  });
  const { changes, downloads } = actions;
  const browse = { account, fetch: deps.fetch, chooseSavePath: deps.chooseSavePath, emit: deps.emit, log: deps.log, downloads, changes };

  const desktop = createDesktopServices({
    account,
    dataDir: deps.dataDir,
    log: deps.log,
    emit: deps.emit,
    ...(deps.desktop ? { hooks: deps.desktop } : {}),
    ...(deps.cacheBudgetBytes ? { cacheBudgetBytes: deps.cacheBudgetBytes } : {}),
    ...(deps.notificationPollMs ? { notificationPollMs: deps.notificationPollMs } : {}),
    ...(deps.outboxRetryDelaysMs ? { outboxRetryDelaysMs: deps.outboxRetryDelaysMs } : {}),
  });

  const grants = createPathGrants();
  const uploadService = createUploadService({
    ...deps.uploads,
    dataDir: deps.dataDir,
    log: deps.log,
    emit: deps.emit,
    client: () => account.client(),
    grants,
    accountVerified: () => account.verified(),
    onReplaced: (id) => changes.changed(id),
  });
  // The queue follows the account (account-events.ts): it pauses when Ouro refuses the key and
  // resumes on sign-in, and a sign-out forgets it with the paths the page was granted.
  account.onChanged((state) => uploadService.onAccountChanged(state));
  const sync = createSyncParts({ options: deps.sync, dataDir: deps.dataDir, log: deps.log, emit: deps.emit, uploads: uploadService, client: () => account.client(), accountVerified: () => account.verified() });
  account.onChanged((state) => sync.service.onAccountChanged(state));
  account.onSignedOut(async () => {
    grants.clear();
    // Folders stop before the queue forgets, so nothing of theirs is queued in between.
    await sync.service.forget();
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
    // The answer cache sits outside reachability tracking: an unreachable Ouro is noted, then
    // answered from what was kept.
    ...desktop.wrapBrowse(trackAll(createFileHandlers(browse), account)),
    ...desktop.wrapBrowse(trackAll(createDatasetHandlers(browse), account)),
    // Thumbnails kept on disk answer without Ouro: only their failures say it is unreachable.
    ...trackAll(createThumbnailHandler({ account, fetch: deps.fetch, thumbnailer: deps.thumbnailer, dataDir: deps.dataDir }), account, { failuresOnly: true }),
    ...desktop.wrapBrowse(trackAll(createConversationHandlers(browse), account)),
    ...createUploadHandlers(uploadService),
    ...sync.handlers,
    ...actions.handlers,
    ...desktop.handlers,
    ...trackAll(pick(desktop.handlers, desktop.reaching), account),
  };

  let disposed = false;
  let starting: Promise<void> | undefined;
  let uploadsStarting: Promise<void> | undefined;
  const start = () =>
    (starting ??= (async () => {
      await account.start();
      if (disposed) return; // quit while the keychain was being read
      await desktop.start();
      uploadsStarting = uploadService.start();
      await uploadsStarting;
      // A stored key signs in without an account:changed event: the queue and the downloads learn who it is here.
      const state = await account.state();
      uploadService.onAccountChanged(state);
      sync.service.onAccountChanged(state);
      actions.onAccountChanged(state);
    })());

  return {
    handlers: afterStart(handlers, start),
    account,
    uploads: uploadService,
    sync: sync.service,
    downloads,
    dragCache: actions.dragCache,
    grants,
    openDragLink: async (token) => {
      await start();
      return actions.openDragLink(token);
    },
    // A link waits for the account, like every handler: the keychain may still be being read.
    links: {
      receive: async (url) => (await start(), desktop.links.receive(url)),
      receiveArgv: async (argv) => (await start(), desktop.links.receiveArgv(argv)),
    },
    start,
    dispose: async () => {
      disposed = true;
      await actions.dispose();
      await sync.service.dispose();
      // Only a queue that was loaded may be saved: disposing one that never started would
      // write an empty queue over the person's saved one.
      if (uploadsStarting) {
        await uploadsStarting.catch(() => {});
        await uploadService.dispose();
      }
      await desktop.dispose();
      account.dispose();
    },
  };
}
