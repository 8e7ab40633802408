// The counts on the app's icon, so they are noticed with the window hidden: failed uploads and
// unread notifications. The dock badge on macOS and the launcher badge on Linux (Unity, KDE) show
// their sum — one number for "things waiting for you"; Windows has no numeric badge, so the
// taskbar button gets an overlay (red for a failure, which matters more, else the unread dot)
// whose description spells both out for screen readers.
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
  /** The failed-uploads overlay, built on first use (nativeImage.createFromDataURL(FAILED_BADGE_PNG_DATA_URL)). */
  overlayImage(): Image;
  /**
   * macOS draws the dock badge only for an app allowed to notify, and asks that permission only
   * when the app first posts a notification. Called once, before the first non-zero badge.
   */
  requestNotificationPermission?(): void;
}

export interface IconBadgeDeps<Image> extends BadgeDeps<Image> {
  /** The unread dot for Windows' overlay (nativeImage.createFromBitmap(unreadDotBitmap())); built on first use. */
  unreadOverlayImage?(): Image;
}

export interface IconBadge {
  setFailed(count: number): void;
  setUnread(count: number): void;
  /** Draws the current counts again (a new window on Windows: the overlay is the window's). */
  reapply(): void;
  counts(): { failed: number; unread: number };
}

const whole = (count: number) => (Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0);
const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export function createIconBadge<Image>(deps: IconBadgeDeps<Image>): IconBadge {
  let failedImage: Image | undefined;
  let unreadImage: Image | undefined;
  let permissionAsked = false;
  let failed = 0;
  let unread = 0;

  function apply(): void {
    if (deps.platform === 'win32') {
      const window = deps.getWindow();
      if (!window || window.isDestroyed()) return;
      const parts = [failed > 0 ? plural(failed, 'upload failed', 'uploads failed') : '', unread > 0 ? plural(unread, 'unread notification', 'unread notifications') : ''].filter(Boolean);
      if (failed > 0) {
        failedImage ??= deps.overlayImage();
        window.setOverlayIcon(failedImage, parts.join(', '));
      } else if (unread > 0 && deps.unreadOverlayImage) {
        unreadImage ??= deps.unreadOverlayImage();
        window.setOverlayIcon(unreadImage, parts.join(', '));
      } else {
        window.setOverlayIcon(null, '');
      }
      return;
    }
    const total = failed + unread;
    // The permission prompt comes with a notification saying an upload failed; for unread
    // notifications the first OS notification about one asks instead (never a made-up one).
    if (deps.platform === 'darwin' && failed > 0 && !permissionAsked) {
      permissionAsked = true;
      deps.requestNotificationPermission?.();
    }
    // Returns false where the desktop has no badge; nothing else to fall back to there.
    deps.app.setBadgeCount(total);
  }

  return {
    setFailed(count) {
      failed = whole(count);
      apply();
    },
    setUnread(count) {
      unread = whole(count);
      apply();
    },
    reapply: apply,
    counts: () => ({ failed, unread }),
  };
}

/** A filled circle in Ouro's accent blue, as BGRA pixels (nativeImage.createFromBitmap's format). */
export function unreadDotBitmap(size = 32): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Coverage of the pixel by the circle, for a smooth edge: 1 inside, 0 outside.
      const coverage = Math.max(0, Math.min(1, radius + 0.5 - Math.hypot(x - centre, y - centre)));
      const at = (y * size + x) * 4;
      // Premultiplied BGRA of #2563eb.
      pixels[at] = Math.round(0xeb * coverage);
      pixels[at + 1] = Math.round(0x63 * coverage);
      pixels[at + 2] = Math.round(0x25 * coverage);
      pixels[at + 3] = Math.round(255 * coverage);
    }
  }
  return pixels;
}
