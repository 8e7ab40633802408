import { describe, expect, it, vi } from 'vitest';
import { bringToFront, claimSingleInstance, type FocusableWindow, type SingleInstanceApp } from '../../../electron/app/single-instance';

function fakeApp(lockAvailable: boolean) {
  const listeners: Array<() => void> = [];
  const app: SingleInstanceApp = {
    requestSingleInstanceLock: vi.fn(() => lockAvailable),
    quit: vi.fn(),
    on: (_event, listener) => listeners.push(listener),
  };
  return { app, secondLaunch: () => listeners.forEach((listener) => listener()), listenerCount: () => listeners.length };
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
    expect(claimSingleInstance(fake.app, () => null)).toBe(true);
    expect(fake.app.quit).not.toHaveBeenCalled();
    expect(fake.listenerCount()).toBe(1);
  });

  it('a second instance quits and tells main.ts to stop starting', () => {
    const fake = fakeApp(false);
    expect(claimSingleInstance(fake.app, () => null)).toBe(false);
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.listenerCount()).toBe(0);
  });

  it('a second launch restores a minimised window and focuses it', () => {
    const fake = fakeApp(true);
    const { window, calls } = fakeWindow(true);
    claimSingleInstance(fake.app, () => window);
    fake.secondLaunch();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a second launch focuses a visible window without restoring it', () => {
    const fake = fakeApp(true);
    const { window, calls } = fakeWindow(false);
    claimSingleInstance(fake.app, () => window);
    fake.secondLaunch();
    expect(calls).toEqual(['show', 'focus']);
  });

  it('a second launch before the window exists, or after it was destroyed, does nothing', () => {
    const fake = fakeApp(true);
    let current: FocusableWindow | null = null;
    claimSingleInstance(fake.app, () => current);
    expect(() => fake.secondLaunch()).not.toThrow();
    const destroyed = fakeWindow(true, true);
    current = destroyed.window;
    fake.secondLaunch();
    expect(destroyed.calls).toEqual([]);
  });

  it('main.ts may handle the second launch itself (e.g. re-create a closed macOS window)', () => {
    const fake = fakeApp(true);
    const handler = vi.fn();
    claimSingleInstance(fake.app, () => null, handler);
    fake.secondLaunch();
    expect(handler).toHaveBeenCalledOnce();
  });

  it('bringToFront is safe on a destroyed window', () => {
    const { window, calls } = fakeWindow(true, true);
    bringToFront(window);
    expect(calls).toEqual([]);
  });
});
