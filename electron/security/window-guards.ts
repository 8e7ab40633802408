// The navigation, window-opening and permission rules every webContents gets. They take the
// Electron objects as arguments (structurally), so unit tests drive them with plain fakes.
import { safeExternalUrl } from './external-url';

interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string; isMainFrame: boolean }) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

export interface GuardDeps {
  /** Opens a URL in the OS browser (shell.openExternal). Only ever given checked http(s) URLs. */
  openExternal(url: string): void;
  log?: { warn(message: string): void };
}

/** Every attempt to open a window is denied; http(s) targets go to the OS browser instead. */
export function guardWebContents(contents: WebContentsLike, deps: GuardDeps): void {
  const sendOut = (url: string) => {
    const safe = safeExternalUrl(url);
    if (safe) deps.openExternal(safe);
    else deps.log?.warn(`Blocked a link with a disallowed scheme: ${url.slice(0, 40)}`);
  };

  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
    return { action: 'deny' };
  });

  // The app is a single page: any navigation (a clicked link, a stray drop of a file, a script
  // setting location) is cancelled; http(s) links open in the OS browser.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    sendOut(url);
  });
  // Electron asks will-frame-navigate first and will-navigate only for a main frame it let
  // through, so the main frame must pass here or the link fallback above never runs. Sub-frames
  // (the app has none of its own) are simply cancelled.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Writing plain text to the clipboard ("Copy link", "Copy request id") is the one thing the page
 * may do; it cannot read the clipboard. Everything else is refused.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Camera, microphone, notifications-by-web-API, geolocation, clipboard reads…: all refused. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}
