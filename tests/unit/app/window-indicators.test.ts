import { describe, expect, it, vi } from 'vitest';
import { createWindowIndicators, type ProgressWindow } from '../../../electron/app/window-indicators';

function fakeWindow(): ProgressWindow<string> & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    isDestroyed: () => false,
    setProgressBar: (progress) => void calls.push(['progress', progress]),
    setOverlayIcon: (image, description) => void calls.push(['overlay', image, description]),
  };
}

describe('dock and taskbar indicators', () => {
  it('shows progress on the window, and gives a window created later the current progress', () => {
    let window: ReturnType<typeof fakeWindow> | null = null;
    const indicators = createWindowIndicators({ platform: 'darwin', app: { setBadgeCount: () => true }, getWindow: () => window, overlayImage: () => 'img' });
    // macOS with the window closed: nothing to draw on yet, but the value is kept.
    indicators.setProgress(0.4);
    window = fakeWindow();
    indicators.applyTo(window);
    expect(window.calls).toEqual([['progress', 0.4]]);
    indicators.setProgress(-1);
    expect(window.calls.at(-1)).toEqual(['progress', -1]);
  });

  it('a new window shows no progress when nothing is uploading', () => {
    const window = fakeWindow();
    const indicators = createWindowIndicators({ platform: 'linux', app: { setBadgeCount: () => true }, getWindow: () => null, overlayImage: () => 'img' });
    indicators.setProgress(-1);
    indicators.applyTo(window);
    expect(window.calls).toEqual([]);
  });

  it('on Windows a new window gets the failed-uploads overlay again (it belongs to the taskbar button)', () => {
    let window: ReturnType<typeof fakeWindow> | null = null;
    const indicators = createWindowIndicators({ platform: 'win32', app: { setBadgeCount: () => false }, getWindow: () => window, overlayImage: () => 'red-dot' });
    indicators.setFailedCount(2);
    window = fakeWindow();
    indicators.applyTo(window);
    expect(window.calls).toEqual([['overlay', 'red-dot', '2 uploads failed']]);
  });

  it('on macOS asks for notification permission once, before the first badge (the dock draws none without it)', () => {
    const order: string[] = [];
    const requestNotificationPermission = vi.fn(() => void order.push('permission'));
    const indicators = createWindowIndicators({
      platform: 'darwin',
      app: { setBadgeCount: (count) => (order.push(`badge ${count}`), true) },
      getWindow: () => null,
      overlayImage: () => 'img',
      requestNotificationPermission,
    });
    indicators.setFailedCount(0);
    indicators.setFailedCount(1);
    indicators.setFailedCount(3);
    expect(order).toEqual(['badge 0', 'permission', 'badge 1', 'badge 3']);
    expect(requestNotificationPermission).toHaveBeenCalledOnce();
  });

  it('elsewhere never asks', () => {
    const requestNotificationPermission = vi.fn();
    const indicators = createWindowIndicators({ platform: 'linux', app: { setBadgeCount: () => true }, getWindow: () => null, overlayImage: () => 'x', requestNotificationPermission });
    indicators.setFailedCount(4);
    expect(requestNotificationPermission).not.toHaveBeenCalled();
  });
});
