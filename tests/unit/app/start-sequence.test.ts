// The start-up order, pinned over fakes of Electron's `app` and `protocol` and the real services:
// the Windows identity first, the app:// privileges, the data folder, the single-instance lock,
// and after `ready` the window before the keychain is read.
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import type { SecretStore } from '../../../electron/account/keychain';
import { APP_ID } from '../../../electron/app/app-identity';
import { prepareApp, type PreparableApp, type SchemeRegistry } from '../../../electron/app/prepare-app';
import { startApp } from '../../../electron/app/start-app';
import { reportStartupFailure, STARTUP_FAILURE_TITLE } from '../../../electron/app/startup-failure';
import { createLogger } from '../../../electron/log';
import { testServices } from '../../helpers/services';

function fakeElectron(options: { isPackaged: boolean; lock?: boolean }, calls: string[]) {
  const paths: Record<string, string> = { appData: '/home/a/.config', userData: '/home/a/.config/Ouro' };
  const listeners: Array<(event: unknown, argv: string[]) => void> = [];
  const app: PreparableApp = {
    isPackaged: options.isPackaged,
    setAppUserModelId: (id) => calls.push(`setAppUserModelId ${id}`),
    getPath: (name) => paths[name] ?? '',
    setPath: (name, value) => {
      calls.push(`setPath ${name} ${value}`);
      paths[name] = value;
    },
    setAppLogsPath: (value) => calls.push(`setAppLogsPath ${value}`),
    requestSingleInstanceLock: () => {
      calls.push(`requestSingleInstanceLock (userData ${paths.userData})`);
      return options.lock ?? true;
    },
    quit: () => calls.push('quit'),
    on: (_event, listener) => listeners.push(listener),
  };
  const protocol: SchemeRegistry = { registerSchemesAsPrivileged: (schemes) => calls.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join()}`) };
  return { app, protocol, secondLaunch: (argv: string[] = []) => listeners.forEach((listener) => listener({}, argv)) };
}

describe('before ready (prepareApp)', () => {
  it('on Windows: AppUserModelId first, then the scheme privileges, the data folder, and the lock last', () => {
    const calls: string[] = [];
    const { app, protocol } = fakeElectron({ isPackaged: true }, calls);
    const prepared = prepareApp({ app, protocol, platform: 'win32', env: {}, onSecondInstance: () => {} });
    expect(calls).toEqual([
      `setAppUserModelId ${APP_ID}`,
      'registerSchemesAsPrivileged app',
      'requestSingleInstanceLock (userData /home/a/.config/Ouro)',
    ]);
    expect(prepared).toEqual({ firstInstance: true, mode: 'installed', userDataDir: '/home/a/.config/Ouro' });
  });

  it('elsewhere sets no AppUserModelId', () => {
    const calls: string[] = [];
    const { app, protocol } = fakeElectron({ isPackaged: true }, calls);
    prepareApp({ app, protocol, platform: 'darwin', env: {}, onSecondInstance: () => {} });
    expect(calls.some((call) => call.startsWith('setAppUserModelId'))).toBe(false);
  });

  it('a development run gets its own data folder, logs and lock, and its own Windows identity', () => {
    const calls: string[] = [];
    const { app, protocol } = fakeElectron({ isPackaged: false }, calls);
    const prepared = prepareApp({ app, protocol, platform: 'win32', env: {}, onSecondInstance: () => {} });
    const devDir = path.join('/home/a/.config', 'Ouro-dev');
    expect(calls).toEqual([
      `setAppUserModelId ${APP_ID}.dev`,
      'registerSchemesAsPrivileged app',
      `setPath userData ${devDir}`,
      `setAppLogsPath ${path.join(devDir, 'logs')}`,
      // The lock is keyed on userData, so it is taken only after the folder is chosen.
      `requestSingleInstanceLock (userData ${devDir})`,
    ]);
    expect(prepared.mode).toBe('development');
    expect(prepared.userDataDir).toBe(devDir);
  });

  it('OURO_DESKTOP_DATA_DIR wins over both defaults', () => {
    for (const isPackaged of [true, false]) {
      const calls: string[] = [];
      const { app, protocol } = fakeElectron({ isPackaged }, calls);
      const prepared = prepareApp({ app, protocol, platform: 'linux', env: { OURO_DESKTOP_DATA_DIR: '/tmp/e2e-1' }, onSecondInstance: () => {} });
      expect(prepared.userDataDir).toBe(path.resolve('/tmp/e2e-1'));
      expect(calls).toContain(`setAppLogsPath ${path.join(path.resolve('/tmp/e2e-1'), 'logs')}`);
    }
  });

  it('a second instance quits without going further; the first shows its window on a later launch', () => {
    const calls: string[] = [];
    const second = fakeElectron({ isPackaged: true, lock: false }, calls);
    expect(prepareApp({ app: second.app, protocol: second.protocol, platform: 'linux', env: {}, onSecondInstance: () => {} }).firstInstance).toBe(false);
    expect(calls.at(-1)).toBe('quit');

    const first = fakeElectron({ isPackaged: true }, []);
    const showOrCreate = vi.fn();
    prepareApp({ app: first.app, protocol: first.protocol, platform: 'linux', env: {}, onSecondInstance: showOrCreate });
    first.secondLaunch();
    expect(showOrCreate).toHaveBeenCalledOnce();
  });
});

describe('after ready (startApp)', () => {
  /** A keychain that records when it is read and can be held, like a locked keyring. */
  function heldKeychain(calls: string[]) {
    let release!: () => void;
    const unlocked = new Promise<void>((resolve) => (release = resolve));
    const store: SecretStore = {
      get: async () => {
        calls.push('keychain read');
        await unlocked;
        return null;
      },
      set: async () => {},
      delete: async () => {},
    };
    return { store, release };
  }

  it('installs the handlers, shows the window, and only then reads the keychain', async () => {
    const calls: string[] = [];
    const keychain = heldKeychain(calls);
    const services = testServices({ keychain: keychain.store, dataDir: mkdtempSync(path.join(os.tmpdir(), 'ouro-start-')) });
    const started = startApp({
      whenReady: async () => calls.push('ready'),
      install: () => calls.push('install'),
      showOrCreateWindow: async () => calls.push('window'),
      startServices: () => services.start(),
      inBackground: () => calls.push('update check'),
      onFailure: (error) => calls.push(`failed ${String(error)}`),
    });
    await vi.waitFor(() => expect(calls).toContain('keychain read'));
    expect(calls).toEqual(['ready', 'install', 'window', 'keychain read']);

    // While the keyring is locked, the page's account:get waits instead of answering "signed out".
    let answered = false;
    const account = services.handlers['account:get'](undefined, { host: 'electron' });
    void Promise.resolve(account).then(() => (answered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);

    keychain.release();
    await started;
    await expect(account).resolves.toMatchObject({ status: 'signed-out', reason: 'never' });
    expect(calls.at(-1)).toBe('update check');
    await services.dispose();
  });

  it('a failure at any step goes to onFailure, and nothing after it runs', async () => {
    for (const failing of ['install', 'window', 'services'] as const) {
      const calls: string[] = [];
      const boom = new Error(`${failing} broke`);
      await startApp({
        whenReady: async () => {},
        install: () => {
          if (failing === 'install') throw boom;
        },
        showOrCreateWindow: async () => {
          if (failing === 'window') throw boom;
          calls.push('window');
        },
        startServices: async () => {
          if (failing === 'services') throw boom;
        },
        inBackground: () => calls.push('update check'),
        onFailure: (error) => calls.push(`failed: ${(error as Error).message}`),
      });
      expect(calls.at(-1)).toBe(`failed: ${failing} broke`);
      expect(calls).not.toContain('update check');
    }
  });

  it('a start-up failure shows an error box with the (redacted) reason and the log’s path, then exits', async () => {
    const lines: string[] = [];
    const log = createLogger({ write: (_level, line) => lines.push(line) });
    const secret = 'ouro_live_0123456789abcdef';
    log.addSecret(secret);
    const showErrorBox = vi.fn();
    const exit = vi.fn();
    const keychain: SecretStore = { get: async () => Promise.reject(new Error('unused')), set: async () => {}, delete: async () => {} };
    const services = testServices({ keychain, dataDir: mkdtempSync(path.join(os.tmpdir(), 'ouro-start-')) });
    await startApp({
      whenReady: async () => {},
      install: () => {
        throw new Error(`settings unreadable near ${secret}`);
      },
      showOrCreateWindow: async () => {},
      startServices: () => services.start(),
      onFailure: (error) => reportStartupFailure(error, { dialog: { showErrorBox }, log, logFilePath: '/logs/main.log', exit }),
    });
    expect(showErrorBox).toHaveBeenCalledOnce();
    const [title, content] = showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe(STARTUP_FAILURE_TITLE);
    expect(content).toContain('settings unreadable near [redacted]');
    expect(content).toContain('/logs/main.log');
    expect(content).not.toContain(secret);
    expect(exit).toHaveBeenCalledWith(1);
    expect(lines.join('\n')).toContain('Ouro Desktop failed to start');
    expect(lines.join('\n')).not.toContain(secret);
  });
});
