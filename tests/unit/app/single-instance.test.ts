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
