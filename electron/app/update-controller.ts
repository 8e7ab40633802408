// Auto-update through electron-updater, shaped so it never gets in the way: one quiet check at
// start (failures only logged), a menu-triggered check that answers in a dialog, the download in
// the background, and "Restart to Update" offered once it is ready — never forced. electron-updater
// is loaded on the first check, so development runs (where the policy is off) never load it.
import { createRequire } from 'node:module';
import type { AppUpdater } from 'electron-updater';
import type { UpdatePolicy } from './update-policy';

/** The part of electron-updater's AppUpdater this uses; tests pass a fake. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: UpdaterLogger | null;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

export interface UpdateNotice {
  kind: 'info' | 'error';
  title: string;
  message: string;
}

export interface UpdateControllerDeps {
  policy: UpdatePolicy;
  currentVersion: string;
  load(): Promise<UpdaterLike>;
  log: { debug(message: string, ...details: unknown[]): void; info(message: string, ...details: unknown[]): void; warn(message: string, ...details: unknown[]): void };
  /** Shows the answer to a check the person asked for (dialog.showMessageBox). Never used for background checks. */
  notify(notice: UpdateNotice): void;
  /** An update is downloaded and will install on restart; main updates the menu / tells the renderer. */
  onUpdateReady(version: string): void;
}

export interface UpdateController {
  checkInBackground(): Promise<void>;
  checkFromMenu(): Promise<void>;
  /** Quits and installs the downloaded update; false (and nothing happens) when none is ready. */
  restartToUpdate(): boolean;
  readyVersion(): string | null;
}

type CheckOutcome = { kind: 'up-to-date' } | { kind: 'available'; version: string } | { kind: 'unsupported' };

export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  let updater: Promise<UpdaterLike> | undefined;
  let inFlight: Promise<CheckOutcome> | undefined;
  let ready: string | null = null;
  let loaded: UpdaterLike | undefined;

  const getUpdater = () => {
    updater ??= deps.load().then((instance) => {
      instance.autoDownload = true;
      instance.autoInstallOnAppQuit = true;
      // electron-updater is chatty at info level; its lines are ours at debug.
      instance.logger = {
        info: (message) => deps.log.debug(`updater: ${String(message)}`),
        warn: (message) => deps.log.warn(`updater: ${String(message)}`),
        error: (message) => deps.log.warn(`updater: ${String(message)}`),
      };
      // Download failures arrive only as events; without a listener they would be thrown.
      instance.on('error', (error) => deps.log.warn('Update failed', error));
      instance.on('update-downloaded', (info) => {
        ready = info.version;
        deps.onUpdateReady(info.version);
      });
      loaded = instance;
      return instance;
    });
    // A failed load may be a transient problem: the next check tries again.
    updater.catch(() => {
      updater = undefined;
    });
    return updater;
  };

  // Two checks at once (start-up and a quick click on the menu) share one request.
  const check = (): Promise<CheckOutcome> => {
    inFlight ??= (async (): Promise<CheckOutcome> => {
      const instance = await getUpdater();
      const result = await instance.checkForUpdates();
      if (!result) return { kind: 'unsupported' };
      return result.isUpdateAvailable ? { kind: 'available', version: result.updateInfo.version } : { kind: 'up-to-date' };
    })().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    async checkInBackground() {
      if (!deps.policy.enabled) {
        deps.log.debug(`Not checking for updates: ${deps.policy.reason}`);
        return;
      }
      try {
        const outcome = await check();
        deps.log.info(outcome.kind === 'available' ? `Update ${outcome.version} is downloading` : `Update check: ${outcome.kind}`);
      } catch (error) {
        deps.log.warn('Update check failed', error);
      }
    },

    async checkFromMenu() {
      if (!deps.policy.enabled) {
        deps.notify({ kind: 'info', title: 'Updates are off', message: deps.policy.reason });
        return;
      }
      if (ready) {
        deps.notify({ kind: 'info', title: `Ouro ${ready} is ready`, message: 'Choose “Restart to Update” to install it.' });
        return;
      }
      try {
        const outcome = await check();
        if (outcome.kind === 'up-to-date') {
          deps.notify({ kind: 'info', title: 'You’re up to date', message: `Ouro ${deps.currentVersion} is the newest version.` });
        } else if (outcome.kind === 'available') {
          deps.notify({
            kind: 'info',
            title: `Ouro ${outcome.version} is available`,
            message: 'It is downloading in the background; you can restart to install it when it is ready.',
          });
        } else {
          deps.notify({ kind: 'info', title: 'Updates are not available', message: 'This copy of Ouro cannot update itself.' });
        }
      } catch (error) {
        deps.log.warn('Update check failed', error);
        deps.notify({
          kind: 'error',
          title: 'Could not check for updates',
          message: error instanceof Error ? error.message : 'The update server could not be reached. Try again later.',
        });
      }
    },

    restartToUpdate() {
      if (!ready || !loaded) return false;
      // Silent: the per-user NSIS installer needs no questions the second time; relaunch after.
      loaded.quitAndInstall(true, true);
      return true;
    },

    readyVersion: () => ready,
  };
}

/** The real updater, loaded only when first needed (a development run never pays for it). */
export async function loadElectronUpdater(): Promise<UpdaterLike> {
  // require rather than import(): electron-updater is CommonJS, and Electron's CommonJS loader is
  // the one that reads packages inside app.asar. (esbuild leaves this call alone; the package is
  // external, see esbuild.config.mjs.)
  const { autoUpdater } = createRequire(__filename)('electron-updater') as { autoUpdater: AppUpdater };
  // Typed as the real class, so a change in electron-updater's API fails the type check here.
  return autoUpdater;
}
