// Who the app is to the OS — Windows' AppUserModelID, its data folder, its keychain entries — and
// how a development run (`npm start`, the web host) keeps out of the installed app's way.
import path from 'node:path';
import { KEYCHAIN_SERVICE } from '../account/keychain';

/** electron-builder.yml's appId: the NSIS installer puts it on the Start-menu shortcut (tests/unit/packaging checks they match). */
export const APP_ID = 'foundation.ouro.desktop';
/** A development run's data folder name, beside the installed app's `Ouro`. */
export const DEV_DATA_DIR_NAME = 'Ouro-dev';

export type RunMode = 'installed' | 'development';

export function runMode(isPackaged: boolean): RunMode {
  return isPackaged ? 'installed' : 'development';
}

/**
 * Windows groups taskbar buttons and routes toasts by this id; the installed app's must equal the
 * shortcut's (APP_ID), or toasts never show and the taskbar splits into two buttons. A development
 * run gets its own, so it never merges with an installed Ouro.
 */
export function appUserModelId(mode: RunMode): string {
  return mode === 'installed' ? APP_ID : `${APP_ID}.dev`;
}

/** A development run signs in to its own keychain entries: signing out there never removes the installed app's key. */
export function keychainService(mode: RunMode): string {
  return mode === 'installed' ? KEYCHAIN_SERVICE : `${KEYCHAIN_SERVICE} (development)`;
}

/**
 * The data folder to use instead of Electron's default, or null to keep it. OURO_DESKTOP_DATA_DIR
 * wins (tests give each run its own); a development run uses `Ouro-dev` beside the installed
 * app's folder, and so also its own single-instance lock, which Electron keys on this folder.
 */
export function userDataOverride(options: { mode: RunMode; env: Record<string, string | undefined>; appDataDir: string }): string | null {
  const fromEnv = options.env.OURO_DESKTOP_DATA_DIR?.trim();
  if (fromEnv) return path.resolve(fromEnv);
  return options.mode === 'development' ? path.join(options.appDataDir, DEV_DATA_DIR_NAME) : null;
}
