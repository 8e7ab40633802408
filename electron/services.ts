// The one factory both hosts use to build the main-process side of the app: the handlers for
// every contract channel and the event sink they push through. main.ts passes Electron's
// pieces (net.fetch, shell.openExternal); the web host passes Node's; tests pass fakes.
import { createAccountService } from './account/account-service';
import { createFileHandlers } from './browse/browse-handlers';
import { createConversationHandlers } from './browse/conversation-handlers';
import { createDatasetHandlers } from './browse/dataset-handlers';
import { createThumbnailHandler } from './browse/thumbnail-handler';
import type { Handlers } from './ipc/handlers';
import { afterStart, pick, trackAll } from './ipc/handler-wrappers';
import { createActionServices } from './actions/action-services';
import { createDesktopServices } from './desktop-services';
import { createOuroClient } from './ouro/client';
import { safeExternalUrl } from './security/external-url';
import { createPathGrants } from './security/path-grants';
import type { MainServices, ServiceDeps } from './service-deps';
import { createUploadHandlers } from './uploads/upload-handlers';
import { createUploadService } from './uploads/upload-service';
import { createSyncParts } from './sync/sync-parts';

export type { MainServices, ServiceDeps } from './service-deps';

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
  const sync = createSyncParts({ options: deps.sync, dataDir: deps.dataDir, log: deps.log, emit: deps.emit, uploads: uploadService.intake, client: () => account.client(), accountVerified: () => account.verified() });
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
