// Electron's entry point: lifecycle, the window and the wiring. Everything with logic lives in
// small modules that take their dependencies as arguments; this file passes Electron's.
import { app, BrowserWindow, ipcMain, nativeTheme, net, protocol, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eventChannel } from '../shared/contract';
import { resolveDataDir, takeHostConfig } from './config';
import { createKeychain, loadKeytar } from './account/keychain';
import { createDispatcher } from './ipc/dispatch';
import { bindIpc } from './ipc/bind-electron';
import { createLogger, logLevelFromEnv } from './log';
import { createMainServices, type EmitEvent } from './services';
import { APP_ENTRY_URL, APP_SCHEME } from './security/app-origin';
import { mimeTypeFor, resolveAppFile } from './security/app-protocol';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import { isTrustedSender } from './security/trusted-sender';
import { denyAllPermissions, guardWebContents } from './security/window-guards';

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

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
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
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  const config = takeHostConfig(process.env);
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
  });
  await services.start();
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, serveRenderer);
  bindIpc(ipcMain, createDispatcher(services.handlers, log), isTrustedSender);
  mainWindow = createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void services.dispose();
  });
}

start().catch((error: unknown) => {
  log.error('Ouro Desktop failed to start', error);
  app.exit(1);
});
