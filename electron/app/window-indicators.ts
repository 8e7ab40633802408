// What the app's icon says about uploads — overall progress on the dock/taskbar and the failed
// count — remembered, so a window created later (macOS keeps running with none) shows them at
// once instead of waiting for the next change.
import { createIconBadge, type IconBadgeDeps, type OverlayWindow } from './icon-badge';

export interface ProgressWindow<Image> extends OverlayWindow<Image> {
  setProgressBar(progress: number): void;
}

export interface WindowIndicators<Image> {
  /** 0…1, or -1 to remove the bar. */
  setProgress(fraction: number): void;
  setFailedCount(count: number): void;
  /** Unread notifications: on the same badge (see icon-badge.ts). */
  setUnreadCount(count: number): void;
  /** Puts the current progress and badge on a newly created window. */
  applyTo(window: ProgressWindow<Image>): void;
}

export interface IndicatorDeps<Image> extends Omit<IconBadgeDeps<Image>, 'getWindow'> {
  getWindow(): ProgressWindow<Image> | null;
}

export function createWindowIndicators<Image>(deps: IndicatorDeps<Image>): WindowIndicators<Image> {
  let progress = -1;
  const badge = createIconBadge(deps);

  return {
    setProgress(fraction) {
      progress = fraction;
      const window = deps.getWindow();
      if (window && !window.isDestroyed()) window.setProgressBar(fraction);
    },
    setFailedCount: badge.setFailed,
    setUnreadCount: badge.setUnread,
    applyTo(window) {
      if (window.isDestroyed()) return;
      if (progress >= 0) window.setProgressBar(progress);
      // The dock badge (macOS, Linux) is the app's and survives; Windows' overlay is the window's.
      const { failed, unread } = badge.counts();
      if (failed + unread > 0 && deps.platform === 'win32') badge.reapply();
    },
  };
}
