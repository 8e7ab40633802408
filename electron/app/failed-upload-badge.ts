// The count of failed uploads on the app's icon, so a failure is noticed even when the window is
// hidden: the dock badge on macOS, the launcher badge on Linux desktops that support one (Unity,
// KDE), and an overlay on the taskbar button on Windows, which has no numeric badge.

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

export function createFailedUploadBadge<Image>(deps: BadgeDeps<Image>): SetFailedUploadBadge {
  let image: Image | undefined;
  let permissionAsked = false;
  return (count) => {
    const failed = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
    if (deps.platform === 'win32') {
      const window = deps.getWindow();
      if (!window || window.isDestroyed()) return;
      if (failed === 0) {
        window.setOverlayIcon(null, '');
        return;
      }
      image ??= deps.overlayImage();
      window.setOverlayIcon(image, failed === 1 ? '1 upload failed' : `${failed} uploads failed`);
      return;
    }
    if (deps.platform === 'darwin' && failed > 0 && !permissionAsked) {
      permissionAsked = true;
      deps.requestNotificationPermission?.();
    }
    // Returns false where the desktop has no badge; nothing else to fall back to there.
    deps.app.setBadgeCount(failed);
  };
}
