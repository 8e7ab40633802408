import { describe, expect, it, vi } from 'vitest';
import { bringToFront, claimSingleInstance, type FocusableWindow, type SingleInstanceApp } from '../../../electron/app/single-instance';

function fakeApp(lockAvailable: boolean) {
  const listeners: Array<(event: unknown, argv: string[]) => void> = [];
  const app: SingleInstanceApp = {
    requestSingleInstanceLock: vi.fn(() => lockAvailable),
    quit: vi.fn(),
    on: (_event, listener) => listeners.push(listener),
  };
  return { app, secondLaunch: (argv: string[] = []) => listeners.forEach((listener) => listener({}, argv)), listenerCount: () => listeners.length };
}

function fakeWindow(minimized: boolean, destroyed = false) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
}

describe('single-instance lock', () => {
  it('the first instance keeps running and listens for later launches', () => {
    const fake = fakeApp(true);
    expect(claimSingleInstance(fake.app, () => {})).toBe(true);
    expect(fake.app.quit).not.toHaveBeenCalled();
    expect(fake.listenerCount()).toBe(1);
  });

  it('a second instance quits and tells main.ts to stop starting', () => {
    const fake = fakeApp(false);
    expect(claimSingleInstance(fake.app, () => {})).toBe(false);
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.listenerCount()).toBe(0);
  });

  it('a second launch runs the handler in the first instance (main.ts passes showOrCreateWindow)', () => {
    const fake = fakeApp(true);
    const handler = vi.fn();
    claimSingleInstance(fake.app, handler);
    fake.secondLaunch();
    fake.secondLaunch();
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('hands the second launch’s command line over (an ouro:// link rides in it on Windows and Linux)', () => {
    const fake = fakeApp(true);
    const handler = vi.fn();
    claimSingleInstance(fake.app, handler);
    fake.secondLaunch(['C:\\Ouro\\Ouro.exe', '--allow-file-access-from-files', 'ouro://asset/0b9e2c50-6f39-4a8e-9a55-1d2f3e4a5b6c']);
    expect(handler).toHaveBeenCalledWith(['C:\\Ouro\\Ouro.exe', '--allow-file-access-from-files', 'ouro://asset/0b9e2c50-6f39-4a8e-9a55-1d2f3e4a5b6c']);
  });
});

describe('bringToFront', () => {
  it('restores a minimised window, then shows and focuses it', () => {
    const { window, calls } = fakeWindow(true);
    bringToFront(window);
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('focuses a visible window without restoring it', () => {
    const { window, calls } = fakeWindow(false);
    bringToFront(window);
    expect(calls).toEqual(['show', 'focus']);
  });

  it('is safe on a destroyed window', () => {
    const { window, calls } = fakeWindow(true, true);
    bringToFront(window);
    expect(calls).toEqual([]);
  });
});
