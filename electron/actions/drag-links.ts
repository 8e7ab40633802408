// The web host's drag out: a browser page cannot hand the OS a file, but Chromium downloads the
// URL in a row's `DownloadURL` drag data when it is dropped on the desktop. Each link carries a
// random token, good for a few minutes and only under the account that made it.
import { randomUUID } from 'node:crypto';
import type { AssetRef } from '../../shared/actions';

export const DRAG_PATH_PREFIX = '/__ouro/drag/';

export interface DragLinks {
  issue(account: string, item: AssetRef): { token: string; path: string; expiresAt: number };
  /** The item behind a token still good for `account`, or null (unknown, expired, other account). */
  resolve(token: string, account: string | null): AssetRef | null;
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266/5987), so any name survives. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export interface DragLinkOptions {
  /** How long a link stays good (default 5 minutes). */
  ttlMs?: number;
  /** Links kept at once; the oldest go first (default 1,000). */
  max?: number;
  now?: () => number;
}

export function createDragLinks(options: DragLinkOptions = {}): DragLinks {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const max = options.max ?? 1_000;
  const now = options.now ?? Date.now;
  const links = new Map<string, { account: string; item: AssetRef; expiresAt: number }>();
  return {
    issue(account, item) {
      for (const [token, link] of links) if (link.expiresAt <= now()) links.delete(token);
      while (links.size >= max) links.delete(links.keys().next().value as string);
      const token = randomUUID();
      const expiresAt = now() + ttlMs;
      links.set(token, { account, item: { ...item }, expiresAt });
      return { token, path: `${DRAG_PATH_PREFIX}${token}`, expiresAt };
    },
    resolve(token, account) {
      const link = links.get(token);
      if (!link) return null;
      if (link.expiresAt <= now()) {
        links.delete(token);
        return null;
      }
      return account !== null && link.account === account ? { ...link.item } : null;
    },
  };
}
