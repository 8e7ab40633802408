import { describe, expect, it, vi } from 'vitest';
import { createUpdateController, type UpdateControllerDeps, type UpdaterLike } from '../../../electron/app/update-controller';

type CheckResult = Awaited<ReturnType<UpdaterLike['checkForUpdates']>>;

function fakeUpdater(check: () => Promise<CheckResult>) {
  const listeners = new Map<string, (value: never) => void>();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    checkForUpdates: vi.fn(check),
    quitAndInstall: vi.fn(),
    on: (event: string, listener: (value: never) => void) => {
      listeners.set(event, listener);
      return updater;
    },
  } as UpdaterLike & { checkForUpdates: ReturnType<typeof vi.fn>; quitAndInstall: ReturnType<typeof vi.fn> };
  const emit = (event: string, value: unknown) => listeners.get(event)?.(value as never);
  return { updater, emit, listeners };
}

function setup(options: { enabled?: boolean; check?: () => Promise<CheckResult> } = {}) {
  const fake = fakeUpdater(options.check ?? (async () => ({ isUpdateAvailable: false, updateInfo: { version: '1.0.0' } })));
  const deps = {
    policy: options.enabled === false ? { enabled: false as const, reason: 'Updates are off in development.' } : { enabled: true as const },
    currentVersion: '1.0.0',
    load: vi.fn(async () => fake.updater),
    log: { debug: vi.fn(), info: vi.fn(), warn: vi.fn() },
    notify: vi.fn(),
    onUpdateReady: vi.fn(),
  } satisfies UpdateControllerDeps;
  return { ...fake, deps, controller: createUpdateController(deps) };
}

describe('update controller', () => {
  it('never loads electron-updater when updates are off, and says why only when asked', async () => {
    const { deps, controller } = setup({ enabled: false });
    await controller.checkInBackground();
    expect(deps.load).not.toHaveBeenCalled();
    expect(deps.notify).not.toHaveBeenCalled();
    await controller.checkFromMenu();
    expect(deps.load).not.toHaveBeenCalled();
    expect(deps.notify).toHaveBeenCalledWith(expect.objectContaining({ kind: 'info', message: 'Updates are off in development.' }));
  });

  it('configures the updater to download in the background and install on quit', async () => {
    const { updater, controller, listeners } = setup();
    await controller.checkInBackground();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(listeners.has('error')).toBe(true);
  });

  it('a background check that fails is logged, never shown', async () => {
    const { deps, controller } = setup({
      check: async () => {
        throw new Error('net::ERR_INTERNET_DISCONNECTED');
      },
    });
    await expect(controller.checkInBackground()).resolves.toBeUndefined();
    expect(deps.notify).not.toHaveBeenCalled();
    expect(deps.log.warn).toHaveBeenCalledWith('Update check failed', expect.any(Error));
  });

  it('a failed load of electron-updater is logged, and the next check tries again', async () => {
    const { deps, controller } = setup();
    deps.load.mockRejectedValueOnce(new Error('missing module'));
    await controller.checkInBackground();
    expect(deps.log.warn).toHaveBeenCalledWith('Update check failed', expect.any(Error));
    await controller.checkFromMenu();
    expect(deps.load).toHaveBeenCalledTimes(2);
    expect(deps.notify).toHaveBeenCalledWith(expect.objectContaining({ title: 'You’re up to date' }));
  });

  it('a menu check answers "You’re up to date"', async () => {
    const { deps, controller } = setup();
    await controller.checkFromMenu();
    expect(deps.notify).toHaveBeenCalledWith({ kind: 'info', title: 'You’re up to date', message: 'Ouro 1.0.0 is the newest version.' });
  });

  it('a menu check reports a new version and an error in a dialog', async () => {
    const available = setup({ check: async () => ({ isUpdateAvailable: true, updateInfo: { version: '1.1.0' } }) });
    await available.controller.checkFromMenu();
    expect(available.deps.notify).toHaveBeenCalledWith(expect.objectContaining({ kind: 'info', title: 'Ouro 1.1.0 is available' }));

    const failing = setup({
      check: async () => {
        throw new Error('HttpError: 404');
      },
    });
    await failing.controller.checkFromMenu();
    expect(failing.deps.notify).toHaveBeenCalledWith({ kind: 'error', title: 'Could not check for updates', message: 'HttpError: 404' });
  });

  it('a check electron-updater declines (null result) is reported as unavailable, not as up to date', async () => {
    const { deps, controller } = setup({ check: async () => null });
    await controller.checkFromMenu();
    expect(deps.notify).toHaveBeenCalledWith(expect.objectContaining({ title: 'Updates are not available' }));
  });

  it('overlapping checks share one request', async () => {
    let resolve!: (value: CheckResult) => void;
    const { updater, deps, controller } = setup({ check: () => new Promise<CheckResult>((r) => (resolve = r)) });
    const background = controller.checkInBackground();
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledOnce());
    const menu = controller.checkFromMenu();
    resolve({ isUpdateAvailable: false, updateInfo: { version: '1.0.0' } });
    await Promise.all([background, menu]);
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    expect(deps.notify).toHaveBeenCalledOnce();
  });

  it('offers a restart once the download is ready, and installs only when asked', async () => {
    const { updater, emit, deps, controller } = setup({ check: async () => ({ isUpdateAvailable: true, updateInfo: { version: '1.1.0' } }) });
    expect(controller.restartToUpdate()).toBe(false);
    await controller.checkInBackground();
    expect(controller.restartToUpdate()).toBe(false);
    emit('update-downloaded', { version: '1.1.0' });
    expect(deps.onUpdateReady).toHaveBeenCalledWith('1.1.0');
    expect(controller.readyVersion()).toBe('1.1.0');
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    await controller.checkFromMenu();
    expect(deps.notify).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'Ouro 1.1.0 is ready' }));
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();

    expect(controller.restartToUpdate()).toBe(true);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('download errors reported as events are logged, not thrown', async () => {
    const { emit, deps, controller } = setup();
    await controller.checkInBackground();
    emit('error', new Error('sha512 checksum mismatch'));
    expect(deps.log.warn).toHaveBeenCalledWith('Update failed', expect.any(Error));
    expect(deps.notify).not.toHaveBeenCalled();
  });
});
