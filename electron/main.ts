// Electron's entry point: lifecycle, the window and the wiring. Everything with logic lives in
// small modules that take their dependencies as arguments; this file passes Electron's.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, nativeTheme, net, Notification, protocol, screen, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eventChannel } from '../shared/contract';
import { applyAboutPanel } from './app/about-panel';
import { FAILED_BADGE_PNG_DATA_URL } from './app/failed-badge-image';
import { createFailedUploadBadge } from './app/failed-upload-badge';
import { buildMenuTemplate } from './app/app-menu';
import { claimSingleInstance } from './app/single-instance';
import { createUpdateController, loadElectronUpdater, type UpdateNotice } from './app/update-controller';
import { updatePolicy } from './app/update-policy';
import { placeWindow, type WindowState } from './app/window-state';
import { windowStateFile } from './app/window-state-file';
import { trackWindowState } from './app/window-state-tracker';
import { uploadOptionsFromEnv } from './uploads/upload-env';
import type { UploadHostHooks } from './uploads/upload-service';
import { resolveDataDir, takeHostConfig, type HostConfig } from './config';
import { createKeychain, loadKeytar } from './account/keychain';
import { confirmApiAddressWith } from './account/api-address-dialog';
import { bindGrantChannel } from './security/grant-channel';
import { createDispatcher } from './ipc/dispatch';
import { bindIpc } from './ipc/bind-electron';
import { createLogger, logLevelFromEnv } from './log';
import { createMainServices, type EmitEvent } from './services';
import { APP_ENTRY_URL, APP_SCHEME } from './security/app-origin';
import { mimeTypeFor, resolveAppFile } from './security/app-protocol';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import { isTrustedSender } from './security/trusted-sender';
import { denyAllPermissions, guardWebContents } from './security/window-guards';

// First: OURO_API_KEY leaves process.env before anything (a child, a log) could see it. A bad
// API address is reported by start() below, where failures are logged and the app exits.
const config = ((): HostConfig | Error => {
  try {
    return takeHostConfig(process.env, process.argv);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
})();
const log = createLogger({ level: logLevelFromEnv(process.env) });

// Must run before `ready`: app:// behaves like https (secure context, fetch, relative URLs).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Tests and power users point the app at another data folder; it must be set before `ready`.
if (process.env.OURO_DESKTOP_DATA_DIR) {
  app.setPath('userData', resolveDataDir(process.env, app.getPath('userData')));
}

const rendererDir = path.join(__dirname, 'renderer');
let mainWindow: BrowserWindow | null = null;

// One Ouro per data folder: a second launch brings this window forward and quits. (The lock is
// keyed on userData, so e2e runs with their own OURO_DESKTOP_DATA_DIR don't collide.)
const isFirstInstance = claimSingleInstance(app, () => mainWindow);

const setFailedUploadBadge = createFailedUploadBadge({
  platform: process.platform,
  app,
  getWindow: () => mainWindow,
  overlayImage: () => nativeImage.createFromDataURL(FAILED_BADGE_PNG_DATA_URL),
});

/** What the upload queue needs from the desktop: the open dialog, notifications, dock/taskbar. */
const uploadHooks: UploadHostHooks = {
  chooseFiles: async () => {
    const options = { title: 'Upload files to Ouro', properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'> };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  },
  isWindowFocused: () => Boolean(mainWindow && !mainWindow.isDestroyed() && mainWindow.isFocused()),
  notify: (title, body) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body });
    notification.on('click', () => {
      if (!mainWindow || mainWindow.isDestroyed()) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
    notification.show();
  },
  setProgress: (fraction) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.setProgressBar(fraction);
  },
  setFailedCount: (count) => setFailedUploadBadge(count),
};

const windowState = windowStateFile(app.getPath('userData'), log);
// Linux and Windows show this in the window frame and the About panel; macOS uses the bundle's.
const appIcon = app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(__dirname, '..', 'build', 'icons', '256x256.png');

function showNotice(notice: UpdateNotice): void {
  const options = { type: notice.kind === 'error' ? ('error' as const) : ('info' as const), message: notice.title, detail: notice.message, buttons: ['OK'] };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

let updateReady = false;
let updateVersion: string | null = null;
const updates = createUpdateController({
  policy: updatePolicy({ isPackaged: app.isPackaged, env: process.env }),
  currentVersion: app.getVersion(),
  load: loadElectronUpdater,
  log,
  notify: showNotice,
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
    { platform: process.platform, appName: app.name, updateReady, developerItems: !app.isPackaged },
    {
      // The page opens its picker and confirm sheet, so the menu and a drop share one flow.
      uploadFiles: () => emit('uploads:pick-requested', {}),
      checkForUpdates: () => void updates.checkFromMenu(),
      restartToUpdate: () => updates.restartToUpdate(),
      openExternal: (url) => void shell.openExternal(url),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

const emit: EmitEvent = (event, payload) => {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
  }
};

// Every webContents, including any the app never meant to create, gets the same guards.
app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, {
    openExternal: (url) => {
      void shell.openExternal(url);
    },
    log,
  });
});

async function serveRenderer(request: Request): Promise<Response> {
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': mimeTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function createWindow(saved: WindowState | null): BrowserWindow {
  const placement = placeWindow(saved, screen.getAllDisplays(), screen.getPrimaryDisplay());
  const window = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    icon: process.platform === 'darwin' ? undefined : appIcon,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Ouro',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#f7f7f9',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  // Maximising a hidden window shows it early on some platforms, so it waits for ready-to-show.
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  trackWindowState(window, windowState, { log });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  if (config instanceof Error) throw config;
  applyAboutPanel(app, { appVersion: app.getVersion(), versions: process.versions, iconPath: process.platform === 'darwin' ? undefined : appIcon });
  installMenu();
  const services = createMainServices({
    appVersion: app.getVersion(),
    platform: process.platform,
    ...config,
    dataDir: app.getPath('userData'),
    host: 'electron',
    log,
    emit,
    // Electron's network stack: the system's proxies and certificate store apply.
    fetch: net.fetch as typeof fetch,
    keychain: createKeychain(loadKeytar, process.platform),
    openExternal: (url) => shell.openExternal(url),
    // An API address the page asks for is used only after the person confirms it here.
    confirmApiAddress: confirmApiAddressWith((options) => (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))),
    updates: { state: () => ({ ready: updateReady, version: updateVersion }), restart: () => updates.restartToUpdate() },
    uploads: { ...uploadOptionsFromEnv(process.env), hooks: uploadHooks },
    chooseSavePath: async (suggestedName) => {
      const options = { defaultPath: path.join(app.getPath('downloads'), suggestedName) };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  });
  await services.start();
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, serveRenderer);
  bindIpc(ipcMain, createDispatcher(services.handlers, log), isTrustedSender);
  // The preload's private channel: paths of real dropped/pasted Files, granted here.
  bindGrantChannel(ipcMain, services.grants, isTrustedSender);
  mainWindow = createWindow(await windowState.load());
  // In the background: never delays the window; failures are only logged.
  void updates.checkInBackground();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length > 0) return;
    void windowState.load().then((saved) => {
      mainWindow = createWindow(saved);
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void services.dispose();
  });
}

if (isFirstInstance) {
  start().catch((error: unknown) => {
    log.error('Ouro Desktop failed to start', error);
    app.exit(1);
  });
}
