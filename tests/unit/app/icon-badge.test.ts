// The app icon's badge with fakes: unread notifications and failed uploads on one number (macOS,
// Linux), the Windows overlay choosing its image and spelling both out, and the unread dot.
import { describe, expect, it, vi } from 'vitest';
import { createIconBadge, unreadDotBitmap } from '../../../electron/app/icon-badge';
import { createWindowIndicators, type ProgressWindow } from '../../../electron/app/window-indicators';

describe('icon badge', () => {
  it('macOS and Linux: the dock / launcher shows unread plus failed', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const setBadgeCount = vi.fn(() => true);
      const badge = createIconBadge({ platform, app: { setBadgeCount }, getWindow: () => null, overlayImage: () => 'red' });
      badge.setUnread(3);
      badge.setFailed(1);
      badge.setUnread(0);
      badge.setFailed(0);
      expect(setBadgeCount.mock.calls).toEqual([[3], [4], [1], [0]]);
    }
  });

  it('macOS: asks notification permission once, with a failure only (unread counts wait for a real notification)', () => {
    const order: string[] = [];
    const badge = createIconBadge({
      platform: 'darwin',
      app: { setBadgeCount: (n) => (order.push(`badge ${n}`), true) },
      getWindow: () => null,
      overlayImage: () => 'red',
      requestNotificationPermission: () => order.push('permission'),
    });
    badge.setUnread(0);
    badge.setUnread(2);
    badge.setFailed(1);
    badge.setFailed(2);
    expect(order).toEqual(['badge 0', 'badge 2', 'permission', 'badge 3', 'badge 4']);
  });

  it('Windows: the unread dot, the red overlay when something failed, and a description naming both', () => {
    const setOverlayIcon = vi.fn();
    const unreadOverlayImage = vi.fn(() => 'blue');
    const badge = createIconBadge({
      platform: 'win32',
      app: { setBadgeCount: vi.fn(() => false) },
      getWindow: () => ({ isDestroyed: () => false, setOverlayIcon }),
      overlayImage: () => 'red',
      unreadOverlayImage,
    });
    badge.setUnread(1);
    badge.setUnread(5);
    badge.setFailed(2);
    badge.setFailed(0);
    badge.setUnread(0);
    expect(setOverlayIcon.mock.calls).toEqual([
      ['blue', '1 unread notification'],
      ['blue', '5 unread notifications'],
      ['red', '2 uploads failed, 5 unread notifications'],
      ['blue', '5 unread notifications'],
      [null, ''],
    ]);
    expect(unreadOverlayImage).toHaveBeenCalledOnce();
  });

  it('Windows: a window created later gets the unread overlay too (it belongs to the taskbar button)', () => {
    let window: (ProgressWindow<string> & { calls: unknown[][] }) | null = null;
    const indicators = createWindowIndicators({ platform: 'win32', app: { setBadgeCount: () => false }, getWindow: () => window, overlayImage: () => 'red', unreadOverlayImage: () => 'blue' });
    indicators.setUnreadCount(4);
    const calls: unknown[][] = [];
    window = { calls, isDestroyed: () => false, setProgressBar: () => {}, setOverlayIcon: (image, description) => void calls.push([image, description]) };
    indicators.applyTo(window);
    expect(calls).toEqual([['blue', '4 unread notifications']]);
  });

  it('draws the unread dot: opaque in the middle, clear in the corners, premultiplied BGRA', () => {
    const size = 32;
    const pixels = unreadDotBitmap(size);
    expect(pixels.length).toBe(size * size * 4);
    const at = (x: number, y: number) => [...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(at(16, 16)).toEqual([0xeb, 0x63, 0x25, 255]);
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
    const edge = at(5, 5); // on the rim: partly covered
    expect(edge[3]).toBeGreaterThan(0);
    expect(edge[3]).toBeLessThan(255);
    expect(edge[0]).toBeLessThanOrEqual(edge[3] ?? 0);
  });
});
