// `npm run web`: the web host as a command. Wires the same services main.ts builds, with Node's
// pieces in place of Electron's, and prints the URL to open.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { syncOptionsFromEnv } from '../sync/sync-env';
import os from 'node:os';
import { createKeychain, loadKeytar } from '../account/keychain';
import { DEV_DATA_DIR_NAME, keychainService } from '../app/app-identity';
import { testHooksFromEnv } from '../app/test-hooks';
import { defaultUserDataDir, resolveDataDir, takeHostConfig } from '../config';
import { saveIntoFolder } from '../browse/downloads-folder';
import { createEventHub } from '../event-hub';
import { createDispatcher } from '../ipc/dispatch';
import { createLogger, logLevelFromEnv } from '../log';
import { jsThumbnailer } from '../browse/js-thumbnailer';
import { createMainServices } from '../services';
import { startWebHost } from './server';
import { uploadOptionsFromEnv } from '../uploads/upload-env';
import { desktopOptionsFromEnv } from '../desktop-env';
import { createNodeNetwork } from '../network/node-network';

declare const __OURO_APP_VERSION__: string;

function parsePort(argv: string[]): number | undefined {
  const index = argv.indexOf('--port');
  if (index === -1) return undefined;
  const port = Number(argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port needs a number from 0 to 65535, got ${argv[index + 1] ?? 'nothing'}`);
  }
  return port;
}

async function main(): Promise<void> {
  // First: takes OURO_API_KEY out of process.env before anything else runs (see config.ts).
  const hostConfig = takeHostConfig(process.env, process.argv.slice(2));
  const log = createLogger({ level: logLevelFromEnv(process.env) });
  const events = createEventHub();
  // A development tool: its own data folder and keychain entries, like `npm start`, never the
  // installed app's.
  const dataDir = resolveDataDir(process.env, defaultUserDataDir(process.platform, process.env, os.homedir(), DEV_DATA_DIR_NAME));
  const testHooks = testHooksFromEnv(process.env, { packaged: false, warn: (m) => log.warn(m) });
  const keychain = createKeychain(loadKeytar, process.platform, keychainService('development'));
  const uploadLimits = uploadOptionsFromEnv(process.env);
  const services = createMainServices({
    // No native open dialog, notifications or taskbar here; the page picks files itself.
    uploads: uploadLimits,
    appVersion: __OURO_APP_VERSION__,
    platform: process.platform,
    ...hostConfig,
    // No confirmApiAddress: a browser tab has no native dialog, so the page cannot change the API.
    dataDir,
    host: 'web',
    log,
    emit: events.emit,
    // HTTPS_PROXY / NO_PROXY and extra CAs from the environment, for JSON calls and upload bodies alike.
    ...createNodeNetwork({ env: process.env }),
    thumbnailer: jsThumbnailer,
    keychain: testHooks?.wrapKeychain(keychain) ?? keychain,
    // A browser tab cannot open the OS browser for us; say where the link goes instead.
    openExternal: (url) => log.info(`Open in your browser: ${url}`),
    // No native save dialog in a browser tab: downloads land in a folder, never overwriting.
    chooseSavePath: saveIntoFolder(process.env.OURO_DESKTOP_DOWNLOAD_DIR || path.join(dataDir, 'Downloads')),
    // No native folder dialog either: "Sync a folder…" takes OURO_DESKTOP_PICK_FOLDER.
    sync: syncOptionsFromEnv(process.env),
    // No OS notifications, badge or clipboard here: the page shows the count, and copies links itself.
    ...desktopOptionsFromEnv(process.env),
  });
  const port = parsePort(process.argv.slice(2));
  const host = await startWebHost({
    rendererDir: path.join(__dirname, 'renderer'),
    bridgeScript: path.join(__dirname, 'web-bridge.js'),
    dispatch: createDispatcher(services.handlers, log),
    stage: (name, body) => services.uploads.stage(name, body),
    openDragLink: (token) => services.openDragLink(token),
    // A second launch's argv, as Electron's second-instance event would bring it.
    openLink: (link) => ('url' in link ? services.links.receive(link.url) : services.links.receiveArgv(link.argv)),
    events,
    token: randomBytes(32).toString('base64url'),
    ...(port === undefined ? {} : { port }),
    log,
    // The event-stream hooks are end-to-end test hooks like the rest (OURO_TEST_HOOKS=1, app/test-hooks.ts).
    testHooks: testHooks !== null,
  });
  process.stdout.write(`Ouro web host: ${host.url}\n`);
  // Like Electron's window, the page is served before the keychain is read: it shows "Starting…"
  // while a locked keyring waits, and every handler waits for start() (services.ts).
  services.start().then(
    // Like a launch from a link: an ouro:// argument opens its item once the account is known.
    () => services.links.receiveArgv(process.argv.slice(2)),
    (error: unknown) => {
      log.error('Ouro web host failed to start', error);
      process.exit(1);
    },
  );

  const stop = async () => {
    await host.close();
    await services.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Ouro web host failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
