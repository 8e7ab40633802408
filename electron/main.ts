// Electron's entry point: wiring only. What has an order or a rule lives in a small module that
// takes Electron's objects as arguments (app/prepare-app.ts before `ready`, app/start-app.ts
// after, app/main-window.ts, app/graceful-quit.ts…), where tests pin it with fakes.
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeImage, nativeTheme, net, Notification, powerMonitor, protocol, screen, session, shell, webContents, type NativeImage } from 'electron';
import path from 'node:path';
import { applyAboutPanel } from './app/about-panel';
import { createAttention } from './app/attention';
import { keychainService, type RunMode } from './app/app-identity';
import { createApplicationMenu } from './app/application-menu';
import { broadcastToWindows } from './app/broadcast';
import { desktopHooks } from './app/desktop-hooks';
import { bindDragOut, createDragIcon } from './app/drag-out';
import { QUIT_CLEANUP_TIMEOUT_MS, quitAfterCleanup } from './app/graceful-quit';
import { openLogFile, type LogFile } from './app/log-file';
import { createMainWindow, type MainWindow } from './app/main-window';
import { createLinkInbox, registerDesktopLinks } from './app/desktop-links';
import { createNativeDialogs } from './app/native-dialogs';
import { catchUpAfterSleep, createSyncFolderDialog } from './app/sync-wiring';
import { prepareApp } from './app/prepare-app';
import { startApp } from './app/start-app';
import { reportStartupFailure } from './app/startup-failure';
import { testHooksFromEnv } from './app/test-hooks';
import { createUpdateController, loadElectronUpdater } from './app/update-controller';
import { updatePolicy } from './app/update-policy';
import { nativeThumbnailer } from './app/native-thumbnailer';
import { openAppWindow } from './app/open-app-window';
import { rendererProtocolHandler } from './app/renderer-protocol';
import { windowStateFile } from './app/window-state-file';
import { createKeychain, loadKeytar } from './account/keychain';
import { takeHostConfigOrError } from './config';
import { desktopOptionsFromEnv } from './desktop-env';
import { bindIpc } from './ipc/bind-electron';
import { createDispatcher } from './ipc/dispatch';
import { createLogger, logLevelFromEnv, type LogLevel } from './log';
import { createMainServices, type MainServices } from './services';
import { electronAgentFor } from './app/electron-network';
import { APP_ENTRY_URL, APP_SCHEME } from './security/app-origin';
import { bindGrantChannel } from './security/grant-channel';
import { isTrustedSender } from './security/trusted-sender';
import { denyAllPermissions, guardWebContents } from './security/window-guards';
import { uploadOptionsFromEnv } from './uploads/upload-env';

// First: OURO_API_KEY leaves process.env before anything (a child, a log) could see it. A bad
// --api-url or OURO_BACKEND_URL is reported by the start-up failure path once the app is ready.
const hostConfig = takeHostConfigOrError(process.env, process.argv);

// Every line goes to the terminal and, once the logs folder is known, to main.log (redacted by log.ts).
let logFile: LogFile | null = null;
const toConsole = (level: LogLevel, line: string) => (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
const log = createLogger({ level: logLevelFromEnv(process.env), write: (level, line) => (toConsole(level, line), logFile?.write(line)) });
const failed = (error: unknown) => reportStartupFailure(error, { dialog, log, logFilePath: logFile?.path, exit: (code) => app.exit(code) });

const rendererDir = path.join(__dirname, 'renderer');
// Linux and Windows show this in the window frame and the About panel; macOS uses the bundle's.
const appIcon = app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(__dirname, '..', 'build', 'icons', '256x256.png');
const windowIcon = process.platform === 'darwin' ? undefined : appIcon;

// Created by run(), right after prepareApp; a second launch reaches it through the lock's handler.
let mainWindow: MainWindow<BrowserWindow> | undefined;
// ouro:// links wait here until the services exist (a link can launch the app).
const linkInbox = createLinkInbox({ onError: (error) => log.warn('An ouro:// link could not be handled', error) });

try {
  const prepared = prepareApp({
    app,
    protocol,
    platform: process.platform,
    env: process.env,
    onSecondInstance: (argv) => {
      linkInbox.receiveArgv(argv);
      void mainWindow?.showOrCreate();
    },
  });
  if (prepared.firstInstance) {
    // Before `ready`: macOS delivers the link that launched the app as an early open-url.
    const registered = registerDesktopLinks({
      app,
      isPackaged: app.isPackaged,
      defaultApp: Boolean(process.defaultApp),
      execPath: process.execPath,
      argv: process.argv,
      platform: process.platform,
      inbox: linkInbox,
      onLink: () => void mainWindow?.showOrCreate(),
    });
    if (registered === false) log.warn('Could not register ouro:// links for this development run');
    run(prepared.mode);
  }
} catch (error) {
  failed(error);
}

function run(mode: RunMode): void {
  logFile = openLogFile({ dir: app.getPath('logs'), onError: (error) => toConsole('warn', `Cannot write the log file: ${String(error)}`) });
  log.info(`Ouro ${app.getVersion()} starting (${mode}, Electron ${process.versions.electron ?? '?'}, ${process.platform} ${process.arch})`);
  const testHooks = testHooksFromEnv(process.env, { packaged: app.isPackaged, warn: (m) => log.warn(m) });
  const windowState = windowStateFile(app.getPath('userData'), log);

  const windows = createMainWindow<BrowserWindow>({
    // After `ready`, whoever asks first (activate, a second launch): startApp awaited it earlier,
    // so its install() (the app:// protocol, IPC) has always run by the time this continues.
    create: async () => {
      await app.whenReady();
      return openAppWindow(await windowState.load(), {
        screen,
        construct: (options) => new BrowserWindow(options),
        icon: windowIcon,
        preload: path.join(__dirname, 'preload.cjs'),
        darkMode: () => nativeTheme.shouldUseDarkColors,
        url: APP_ENTRY_URL,
        windowState,
        log,
      });
    },
    onCreated: (window) => indicators.applyTo(window),
  });
  mainWindow = windows;
  const dialogs = createNativeDialogs({ dialog, getWindow: windows.current, downloadsDir: () => app.getPath('downloads') });
  const { notifier, indicators } = createAttention({
    platform: process.platform,
    app,
    getWindow: windows.current,
    showWindow: () => void windows.showOrCreate(),
    notifications: {
      isSupported: () => Notification.isSupported(),
      create: (options) => {
        const notification = new Notification(options);
        // e2e: a spec clicks it through electronApplication.evaluate(), even where the OS refused to show it.
        testHooks?.collect('notifications', notification);
        return notification;
      },
    },
    images: nativeImage,
  });

  const emit = broadcastToWindows(() => BrowserWindow.getAllWindows());
  // Menu items that need the page (its picker, its sheets) ask it; with no window (macOS), the
  // first click brings one up.
  const askPage = (event: 'uploads:pick-requested' | 'sync:add-requested') => {
    if (windows.current()) emit(event, {});
    void windows.showOrCreate();
  };
  const menu = createApplicationMenu(Menu, { platform: process.platform, appName: app.name, developerItems: !app.isPackaged }, {
    // The page opens its picker and confirm sheet, so the menu and a drop share one flow.
    uploadFiles: () => askPage('uploads:pick-requested'),
    // Like Upload Files…: the page's sheet asks main for the folder (main's own dialog, main's grant).
    syncFolder: () => askPage('sync:add-requested'),
    checkForUpdates: () => void updates.checkFromMenu(),
    restartToUpdate: () => updates.restartToUpdate(),
    openExternal: (url) => void shell.openExternal(url),
    showLogs: () => logFile && shell.showItemInFolder(logFile.path),
    // The page owns the selection: it applies the action (a rename sheet, the delete preview…).
    itemAction: (action) => emit('menu:action', { action }),
  });
  const updates = createUpdateController({
    policy: updatePolicy({ isPackaged: app.isPackaged, env: process.env }),
    currentVersion: app.getVersion(),
    load: loadElectronUpdater,
    log,
    notify: dialogs.showNotice,
    onUpdateReady: (version) => {
      menu.updateReady(version);
      // The window offers "Restart to update" too; it never interrupts.
      emit('app:update-ready', { ready: true, version });
    },
  });

  function buildServices(): MainServices {
    if (hostConfig instanceof Error) throw hostConfig;
    const keychain = createKeychain(loadKeytar, process.platform, keychainService(mode));
    const { uploadHooks, ...hooks } = desktopHooks({
      currentWindow: windows.current,
      dialogs,
      chooseSyncFolder: createSyncFolderDialog({ dialog, getWindow: windows.current, defaultPath: () => app.getPath('home') }),
      notify: notifier.notify,
      indicators,
      menu,
      buildContextMenu: (template) => Menu.buildFromTemplate(template),
      windowOfSender: (senderId) => {
        const contents = webContents.fromId(senderId);
        return contents ? BrowserWindow.fromWebContents(contents) : null;
      },
      shell,
      clipboard,
    });
    return createMainServices({
      appVersion: app.getVersion(),
      platform: process.platform,
      ...hostConfig,
      dataDir: app.getPath('userData'),
      host: 'electron',
      log,
      emit,
      // Electron's network stack: the system's proxies and certificate store apply; upload bodies
      // (node:http) get the same through the proxy Chromium resolves and the OS store's CAs.
      fetch: net.fetch as typeof fetch,
      agentFor: electronAgentFor(),
      thumbnailer: nativeThumbnailer((buffer) => nativeImage.createFromBuffer(buffer)),
      keychain: testHooks?.wrapKeychain(keychain) ?? keychain,
      updates: { state: () => menu.updateState(), restart: () => updates.restartToUpdate() },
      uploads: { ...uploadOptionsFromEnv(process.env), hooks: uploadHooks },
      ...hooks,
      ...desktopOptionsFromEnv(process.env),
    });
  }

  // Every webContents, including any the app never meant to create, gets the same guards.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { openExternal: (url) => void shell.openExternal(url), log }));
  app.on('activate', () => void windows.showOrCreate());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let services: MainServices | undefined;
  quitAfterCleanup(app, {
    cleanup: async () => services?.dispose(),
    timeoutMs: QUIT_CLEANUP_TIMEOUT_MS,
    // Quitting looks immediate; the queue is saved behind the scenes.
    onCleanupStart: () => BrowserWindow.getAllWindows().forEach((window) => window.hide()),
    log,
  });

  void startApp({
    whenReady: () => app.whenReady(),
    install: () => {
      services = buildServices();
      linkInbox.connect(services.links);
      denyAllPermissions(session.defaultSession);
      protocol.handle(APP_SCHEME, rendererProtocolHandler(rendererDir));
      bindIpc(ipcMain, createDispatcher(services.handlers, log), isTrustedSender);
      bindGrantChannel(ipcMain, services.grants, isTrustedSender);
      const dragCache = services.dragCache;
      let dragIcon: NativeImage | undefined;
      bindDragOut({ ipcMain, isTrustedSender, pathsForDrag: (items) => dragCache.pathsForDrag(items), icon: () => (dragIcon ??= createDragIcon(nativeImage, appIcon)), log });
      applyAboutPanel(app, { appVersion: app.getVersion(), versions: process.versions, iconPath: windowIcon });
      menu.install();
      catchUpAfterSleep(powerMonitor, services.sync);
    },
    showOrCreateWindow: () => windows.showOrCreate(),
    startServices: () => services?.start() ?? Promise.resolve(),
    // In the background: never delays the window; failures are only logged.
    inBackground: () => void updates.checkInBackground(),
    onFailure: failed,
  });
}
