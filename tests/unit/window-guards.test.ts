import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, guardWebContents, type SessionLike, type WebContentsLike } from '../../electron/security/window-guards';
import { safeExternalUrl } from '../../electron/security/external-url';

type AnyListener = (...args: unknown[]) => void;

function fakeWebContents() {
  const listeners = new Map<string, AnyListener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
    on: (event: string, listener: AnyListener) => {
      listeners.set(event, listener);
      return contents;
    },
  };
  return {
    contents: contents as unknown as WebContentsLike,
    fire(event: string, url?: string, isMainFrame = false) {
      const preventDefault = vi.fn();
      const listener = listeners.get(event);
      if (!listener) throw new Error(`no ${event} listener`);
      if (event === 'will-frame-navigate') listener({ preventDefault, url, isMainFrame });
      else listener({ preventDefault }, url);
      return preventDefault;
    },
    /**
     * A navigation as Electron runs it: will-frame-navigate for every frame first; only if that
     * let it through, and it is the main frame, will-navigate. Returns whether it was cancelled.
     */
    navigate(url: string, { isMainFrame }: { isMainFrame: boolean }): boolean {
      if (this.fire('will-frame-navigate', url, isMainFrame).mock.calls.length > 0) return true;
      if (!isMainFrame) return false;
      return this.fire('will-navigate', url).mock.calls.length > 0;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('window guards', () => {
  it('cancels navigation away from the app and sends http(s) links to the OS browser', () => {
    const openExternal = vi.fn();
    const fake = fakeWebContents();
    guardWebContents(fake.contents, { openExternal });
    expect(fake.fire('will-navigate', 'https://ouro.foundation/docs')).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://ouro.foundation/docs');
  });

  it('cancels a navigation to file:// (a stray drop) without opening anything', () => {
    const openExternal = vi.fn();
    const fake = fakeWebContents();
    guardWebContents(fake.contents, { openExternal, log: { warn: () => {} } });
    expect(fake.fire('will-navigate', 'file:///home/alice/photo.png')).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('a link clicked in the page is cancelled and opens in the browser (will-frame-navigate lets the main frame through)', () => {
    const openExternal = vi.fn();
    const fake = fakeWebContents();
    guardWebContents(fake.contents, { openExternal });
    expect(fake.navigate('https://ouro.foundation/pricing', { isMainFrame: true })).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://ouro.foundation/pricing']]);
    // The fallback never runs will-navigate's job twice, nor for a file:// drop.
    expect(fake.navigate('file:///home/alice/photo.png', { isMainFrame: true })).toBe(true);
    expect(openExternal).toHaveBeenCalledOnce();
  });

  it('cancels sub-frame navigations outright, and redirects and webview attachment', () => {
    const openExternal = vi.fn();
    const fake = fakeWebContents();
    guardWebContents(fake.contents, { openExternal });
    expect(fake.navigate('https://evil.example/', { isMainFrame: false })).toBe(true);
    expect(fake.fire('will-frame-navigate', 'https://evil.example/', false)).toHaveBeenCalled();
    expect(fake.fire('will-frame-navigate', 'https://ouro.foundation/', true)).not.toHaveBeenCalled();
    expect(fake.fire('will-redirect', 'https://evil.example/')).toHaveBeenCalled();
    expect(fake.fire('will-attach-webview')).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, opening only http(s) targets externally', () => {
    const openExternal = vi.fn();
    const fake = fakeWebContents();
    guardWebContents(fake.contents, { openExternal, log: { warn: () => {} } });
    expect(fake.open('https://ouro.foundation/')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fake.open('smb://share/x')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://ouro.foundation/']]);
  });

  it('denies every permission request and check except writing text to the clipboard', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((wc: unknown, permission: string) => boolean) | null = null;
    const session: SessionLike = {
      setPermissionRequestHandler: (handler) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler) => {
        check = handler;
      },
    };
    denyAllPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission)).toBe(false);
    }
    const callback = vi.fn();
    request!({}, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(check!({}, 'clipboard-read')).toBe(false);
  });

  it('accepts only http(s) URLs without credentials as external links', () => {
    expect(safeExternalUrl('https://ouro.foundation/a?b=1')).toBe('https://ouro.foundation/a?b=1');
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:', 'https://user:pw@evil.example', 'not a url']) {
      expect(safeExternalUrl(bad)).toBeNull();
    }
  });
});
