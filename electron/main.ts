// Electron's entry point: wiring only. What has an order or a rule lives in a small module that
// takes Electron's objects as arguments (app/prepare-app.ts before `ready`, app/start-app.ts
// after, app/main-window.ts, app/graceful-quit.ts…), where tests pin it with fakes.
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeImage, nativeTheme, net, Notification, powerMonitor, protocol, screen, session, shell, webContents, type NativeImage } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eventChannel } from '../shared/contract';
import { applyAboutPanel } from './app/about-panel';
import { appWindowOptions } from './app/app-window';
import { keychainService, type RunMode } from './app/app-identity';
import type { MenuSelection } from '../shared/item-actions';
import { applyItemMenuState, buildMenuTemplate } from './app/app-menu';
import { createContextMenuPopup } from './app/context-menu';
import { bindDragOut, createDragIcon } from './app/drag-out';
import { FAILED_BADGE_PNG_DATA_URL } from './app/failed-badge-image';
import { QUIT_CLEANUP_TIMEOUT_MS, quitAfterCleanup } from './app/graceful-quit';
import { openLogFile, type LogFile } from './app/log-file';
import { createMainWindow, type MainWindow } from './app/main-window';
import { createLinkInbox, registerDesktopLinks } from './app/desktop-links';
import { unreadDotBitmap } from './app/icon-badge';
import { createNativeDialogs } from './app/native-dialogs';
import { createNotifier } from './app/notifications';
import { catchUpAfterSleep, createSyncFolderDialog } from './app/sync-wiring';
import { prepareApp } from './app/prepare-app';
import { startApp } from './app/start-app';
import { reportStartupFailure } from './app/startup-failure';
import { testHooksFromEnv } from './app/test-hooks';
import { createUpdateController, loadElectronUpdater } from './app/update-controller';
import { updatePolicy } from './app/update-policy';
import { nativeThumbnailer } from './app/native-thumbnailer';
import { createWindowIndicators } from './app/window-indicators';
import { placeWindow, type WindowState } from './app/window-state';
import { windowStateFile } from './app/window-state-file';
import { trackWindowState } from './app/window-state-tracker';
import { createKeychain, loadKeytar } from './account/keychain';
import { takeHostConfigOrError } from './config';
import { desktopOptionsFromEnv } from './desktop-env';
import { bindIpc } from './ipc/bind-electron';
import { createDispatcher } from './ipc/dispatch';
import { createLogger, logLevelFromEnv, type LogLevel } from './log';
import type { EmitEvent } from './event-hub';
import { createMainServices, type MainServices } from './services';
import { electronAgentFor } from './app/electron-network';
import { APP_ENTRY_URL, APP_SCHEME } from './security/app-origin';
import { bindGrantChannel } from './security/grant-channel';
import { mimeTypeFor, resolveAppFile } from './security/app-protocol';
import { CONTENT_SECURITY_POLICY } from './security/csp';
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
      return createWindow(await windowState.load());
    },
    onCreated: (window) => indicators.applyTo(window),
  });
  mainWindow = windows;
  const dialogs = createNativeDialogs({ dialog, getWindow: windows.current, downloadsDir: () => app.getPath('downloads') });
  const notifier = createNotifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => {
      const notification = new Notification(options);
      // e2e: a spec clicks it through electronApplication.evaluate(), even where the OS refused to show it.
      testHooks?.collect('notifications', notification);
      return notification;
    },
    onClick: () => {
      // The person asked for Ouro: on macOS make it the active app, not just its window key.
      if (process.platform === 'darwin') app.focus({ steal: true });
      void windows.showOrCreate();
    },
  });
  const indicators = createWindowIndicators({
    platform: process.platform,
    app,
    getWindow: windows.current,
    overlayImage: () => nativeImage.createFromDataURL(FAILED_BADGE_PNG_DATA_URL),
    unreadOverlayImage: () => nativeImage.createFromBitmap(unreadDotBitmap(32), { width: 32, height: 32 }),
    requestNotificationPermission: () => {
      if (notifier.shownCount() === 0) notifier.notify('An upload failed', 'Open Ouro to see what went wrong and try again.');
    },
  });

  const emit: EmitEvent = (event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
    }
  };

  let updateReady = false;
  let updateVersion: string | null = null;
  // The page's selection, so the File menu's item actions stay enabled to match across rebuilds.
  let selection: MenuSelection = { count: 0, files: 0, datasets: 0, textFocused: false };
  const updates = createUpdateController({
    policy: updatePolicy({ isPackaged: app.isPackaged, env: process.env }),
    currentVersion: app.getVersion(),
    load: loadElectronUpdater,
    log,
    notify: dialogs.showNotice,
    onUpdateReady: (version) => {
      updateReady = true;
      updateVersion = version;
      installMenu();
      // The window offers "Restart to update" too; it never interrupts.
      emit('app:update-ready', { ready: true, version });
    },
  });

  function installMenu(): void {
    const template = buildMenuTemplate(
      { platform: process.platform, appName: app.name, updateReady, developerItems: !app.isPackaged, selection },
      {
        // The page opens its picker and confirm sheet, so the menu and a drop share one flow.
        // With no window (macOS), the first click brings one up.
        uploadFiles: () => {
          if (windows.current()) emit('uploads:pick-requested', {});
          void windows.showOrCreate();
        },
        // Like Upload Files…: the page's sheet asks main for the folder (main's own dialog, main's grant).
        syncFolder: () => {
          if (windows.current()) emit('sync:add-requested', {});
          void windows.showOrCreate();
        },
        checkForUpdates: () => void updates.checkFromMenu(),
        restartToUpdate: () => updates.restartToUpdate(),
        openExternal: (url) => void shell.openExternal(url),
        showLogs: () => logFile && shell.showItemInFolder(logFile.path),
        // The page owns the selection: it applies the action (a rename sheet, the delete preview…).
        itemAction: (action) => emit('menu:action', { action }),
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function buildServices(): MainServices {
    if (hostConfig instanceof Error) throw hostConfig;
    const keychain = createKeychain(loadKeytar, process.platform, keychainService(mode));
    return createMainServices({
      appVersion: app.getVersion(),
      platform: process.platform,
      ...hostConfig,
      // An API address the page asks for is used only once the person confirms it in main's dialog.
      confirmApiAddress: dialogs.confirmApiAddress,
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
      openExternal: (url) => shell.openExternal(url),
      updates: { state: () => ({ ready: updateReady, version: updateVersion }), restart: () => updates.restartToUpdate() },
      uploads: {
        ...uploadOptionsFromEnv(process.env),
        hooks: {
          chooseFiles: dialogs.chooseFiles,
          isWindowFocused: () => Boolean(windows.current()?.isFocused()),
          notify: (title, body) => void notifier.notify(title, body),
          setProgress: indicators.setProgress,
          setFailedCount: indicators.setFailedCount,
        },
      },
      chooseSavePath: dialogs.chooseSavePath,
      // Sync folders: the folder comes from main's dialog, never from the page.
      sync: { chooseFolder: createSyncFolderDialog({ dialog, getWindow: windows.current, defaultPath: () => app.getPath('home') }) },
      actions: {
        chooseFolder: dialogs.chooseFolder,
        showItemInFolder: (file) => shell.showItemInFolder(file),
        menus: {
          popupContextMenu: createContextMenuPopup({
            buildFromTemplate: (template) => Menu.buildFromTemplate(template),
            windowFor: ({ senderId }) => {
              const contents = senderId === undefined ? undefined : webContents.fromId(senderId);
              return contents ? BrowserWindow.fromWebContents(contents) : null;
            },
          }),
          selectionChanged: (next) => {
            selection = next;
            const menu = Menu.getApplicationMenu();
            if (menu) applyItemMenuState(menu, next);
          },
        },
      },
      desktop: {
        isWindowFocused: () => Boolean(windows.current()?.isFocused()),
        // The notifier brings the window forward on a click, then `open` shows the item.
        notify: (title, body, open) => void notifier.notify(title, body, open),
        setUnreadCount: indicators.setUnreadCount,
        copyText: (text) => clipboard.writeText(text),
      },
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
      protocol.handle(APP_SCHEME, serveRenderer);
      bindIpc(ipcMain, createDispatcher(services.handlers, log), isTrustedSender);
      bindGrantChannel(ipcMain, services.grants, isTrustedSender);
      const dragCache = services.dragCache;
      let dragIcon: NativeImage | undefined;
      bindDragOut({ ipcMain, isTrustedSender, pathsForDrag: (items) => dragCache.pathsForDrag(items), icon: () => (dragIcon ??= createDragIcon(nativeImage, appIcon)), log });
      applyAboutPanel(app, { appVersion: app.getVersion(), versions: process.versions, iconPath: windowIcon });
      installMenu();
      catchUpAfterSleep(powerMonitor, services.sync);
    },
    showOrCreateWindow: () => windows.showOrCreate(),
    startServices: () => services?.start() ?? Promise.resolve(),
    // In the background: never delays the window; failures are only logged.
    inBackground: () => void updates.checkInBackground(),
    onFailure: failed,
  });

  function createWindow(saved: WindowState | null): BrowserWindow {
    const placement = placeWindow(saved, screen.getAllDisplays(), screen.getPrimaryDisplay());
    const preload = path.join(__dirname, 'preload.cjs');
    const window = new BrowserWindow(appWindowOptions({ placement, icon: windowIcon, preload, darkMode: nativeTheme.shouldUseDarkColors }));
    // Maximising a hidden window shows it early on some platforms, so it waits for ready-to-show.
    window.once('ready-to-show', () => {
      if (placement.maximized) window.maximize();
      window.show();
    });
    trackWindowState(window, windowState, { log });
    void window.loadURL(APP_ENTRY_URL);
    return window;
  }
}

async function serveRenderer(request: Request): Promise<Response> {
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: { 'Content-Type': mimeTypeFor(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
