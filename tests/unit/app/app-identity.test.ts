import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE } from '../../../electron/account/keychain';
import { APP_ID, appUserModelId, keychainService, runMode, userDataOverride } from '../../../electron/app/app-identity';
import { defaultUserDataDir } from '../../../electron/config';

describe('the app’s identity, installed and in development', () => {
  it('an installed app is itself; `npm start` (unpackaged) is a development run', () => {
    expect(runMode(true)).toBe('installed');
    expect(runMode(false)).toBe('development');
  });

  it('development keeps its data beside the installed app’s, never in it', () => {
    const appData = '/home/a/.config';
    expect(userDataOverride({ mode: 'installed', env: {}, appDataDir: appData })).toBeNull();
    expect(userDataOverride({ mode: 'development', env: {}, appDataDir: appData })).toBe(path.join(appData, 'Ouro-dev'));
    expect(userDataOverride({ mode: 'development', env: { OURO_DESKTOP_DATA_DIR: ' /tmp/x ' }, appDataDir: appData })).toBe(path.resolve('/tmp/x'));
    // The web host, a development tool, picks the same folder Electron's development run does.
    expect(defaultUserDataDir('linux', {}, '/home/a', 'Ouro-dev')).toBe(path.join(appData, 'Ouro-dev'));
  });

  it('development signs in to its own keychain entries and its own Windows identity', () => {
    expect(keychainService('installed')).toBe(KEYCHAIN_SERVICE);
    expect(keychainService('development')).not.toBe(KEYCHAIN_SERVICE);
    expect(appUserModelId('installed')).toBe(APP_ID);
    expect(appUserModelId('development')).not.toBe(APP_ID);
    // AppUserModelIDs may not contain spaces and stop at 128 characters.
    expect(appUserModelId('development')).toMatch(/^[\w.]{1,128}$/);
  });
});
