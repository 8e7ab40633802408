// The count of failed uploads on the app's icon, so a failure is noticed even when the window is
// hidden: the dock badge on macOS, the launcher badge on Linux desktops that support one (Unity,
// KDE), and an overlay on the taskbar button on Windows, which has no numeric badge.
import { createIconBadge } from './icon-badge';

export interface BadgeApp {
  setBadgeCount(count?: number): boolean;
}

export interface OverlayWindow<Image> {
  isDestroyed(): boolean;
  setOverlayIcon(overlay: Image | null, description: string): void;
}

export interface BadgeDeps<Image> {
  platform: NodeJS.Platform;
  app: BadgeApp;
  getWindow(): OverlayWindow<Image> | null;
  /** Built on first use (nativeImage.createFromDataURL(FAILED_BADGE_PNG_DATA_URL)). */
  overlayImage(): Image;
  /**
   * macOS draws the dock badge only for an app allowed to notify, and asks that permission only
   * when the app first posts a notification. Called once, before the first non-zero badge.
   */
  requestNotificationPermission?(): void;
}

export type SetFailedUploadBadge = (count: number) => void;

/** The failed count alone (icon-badge.ts draws it together with the unread count). */
export function createFailedUploadBadge<Image>(deps: BadgeDeps<Image>): SetFailedUploadBadge {
  const badge = createIconBadge(deps);
  return (count) => badge.setFailed(count);
}
