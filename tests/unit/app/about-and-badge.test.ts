import { describe, expect, it, vi } from 'vitest';
import { aboutPanelOptions, applyAboutPanel } from '../../../electron/app/about-panel';
import { createIconBadge, type BadgeDeps, type OverlayWindow } from '../../../electron/app/icon-badge';

/** The failed count alone, as the upload queue sets it. */
function createFailedUploadBadge<Image>(deps: BadgeDeps<Image>): (count: number) => void {
  const badge = createIconBadge(deps);
  return (count) => badge.setFailed(count);
}
import { FAILED_BADGE_PNG_DATA_URL } from '../../../electron/app/failed-badge-image';

describe('about panel', () => {
  it('shows the app version and what it runs on', () => {
    const setAboutPanelOptions = vi.fn();
    applyAboutPanel({ setAboutPanelOptions }, { appVersion: '1.2.3', versions: { electron: '45.5.0', chrome: '140.0.1' } });
    expect(setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({ applicationName: 'Ouro', applicationVersion: '1.2.3', version: 'Electron 45.5.0, Chromium 140.0.1' }),
    );
  });

  it('leaves out what it does not know', () => {
    const options = aboutPanelOptions({ appVersion: '1.2.3', versions: {} });
    expect(options).not.toHaveProperty('version');
    expect(options).not.toHaveProperty('iconPath');
  });
});

describe('failed-upload badge', () => {
  it('sets the dock / launcher count on macOS and Linux, clamped to a whole number ≥ 0', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const setBadgeCount = vi.fn(() => true);
      const set = createFailedUploadBadge({ platform, app: { setBadgeCount }, getWindow: () => null, overlayImage: () => 'img' });
      set(3);
      set(0);
      set(-2);
      set(2.7);
      set(Number.NaN);
      expect(setBadgeCount.mock.calls).toEqual([[3], [0], [0], [2], [0]]);
    }
  });

  it('uses a taskbar overlay on Windows, built once, and clears it at zero', () => {
    const setBadgeCount = vi.fn(() => false);
    const setOverlayIcon = vi.fn();
    const window: OverlayWindow<string> = { isDestroyed: () => false, setOverlayIcon };
    const overlayImage = vi.fn(() => 'red-dot');
    const set = createFailedUploadBadge({ platform: 'win32', app: { setBadgeCount }, getWindow: () => window, overlayImage });
    set(1);
    set(4);
    set(0);
    expect(setOverlayIcon.mock.calls).toEqual([
      ['red-dot', '1 upload failed'],
      ['red-dot', '4 uploads failed'],
      [null, ''],
    ]);
    expect(overlayImage).toHaveBeenCalledOnce();
    expect(setBadgeCount).not.toHaveBeenCalled();
  });

  it('does nothing on Windows without a live window', () => {
    const setOverlayIcon = vi.fn();
    const set = createFailedUploadBadge<string>({
      platform: 'win32',
      app: { setBadgeCount: vi.fn(() => false) },
      getWindow: () => ({ isDestroyed: () => true, setOverlayIcon }),
      overlayImage: () => 'x',
    });
    set(2);
    expect(setOverlayIcon).not.toHaveBeenCalled();
  });

  it('ships the overlay as an inline PNG', () => {
    const png = Buffer.from(FAILED_BADGE_PNG_DATA_URL.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
