// How the app asks for the person's attention: OS notifications (a click brings Ouro forward —
// on macOS as the active app, not just its window) and the dock/taskbar indicators (upload
// progress, the failed and unread badge). Takes Electron's objects structurally.
import { FAILED_BADGE_PNG_DATA_URL } from './failed-badge-image';
import { unreadDotBitmap } from './icon-badge';
import { createNotifier, type NotificationLike, type Notifier } from './notifications';
import { createWindowIndicators, type ProgressWindow, type WindowIndicators } from './window-indicators';

export interface AttentionDeps<N extends NotificationLike, Image> {
  platform: NodeJS.Platform;
  app: { setBadgeCount(count?: number): boolean; focus(options: { steal: boolean }): void };
  /** The main window now, if any; and bringing it up (or creating it) on a click. */
  getWindow(): ProgressWindow<Image> | null;
  showWindow(): void;
  notifications: { isSupported(): boolean; create(options: { title: string; body: string }): N };
  /** The parts of Electron's nativeImage the badges are drawn with. */
  images: {
    createFromDataURL(url: string): Image;
    createFromBitmap(bitmap: Buffer, options: { width: number; height: number }): Image;
  };
}

export interface Attention<N extends NotificationLike, Image> {
  notifier: Notifier<N>;
  indicators: WindowIndicators<Image>;
}

export function createAttention<N extends NotificationLike, Image>(deps: AttentionDeps<N, Image>): Attention<N, Image> {
  const notifier = createNotifier({
    isSupported: () => deps.notifications.isSupported(),
    create: (options) => deps.notifications.create(options),
    onClick: () => {
      if (deps.platform === 'darwin') deps.app.focus({ steal: true });
      deps.showWindow();
    },
  });
  const indicators = createWindowIndicators({
    platform: deps.platform,
    app: deps.app,
    getWindow: deps.getWindow,
    overlayImage: () => deps.images.createFromDataURL(FAILED_BADGE_PNG_DATA_URL),
    unreadOverlayImage: () => deps.images.createFromBitmap(unreadDotBitmap(32), { width: 32, height: 32 }),
    // macOS shows the dock badge only once the app may notify, and asks at the first notification.
    requestNotificationPermission: () => {
      if (notifier.shownCount() === 0) notifier.notify('An upload failed', 'Open Ouro to see what went wrong and try again.');
    },
  });
  return { notifier, indicators };
}
