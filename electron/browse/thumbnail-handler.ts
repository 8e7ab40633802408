// `files:thumbnail`: a small PNG of an image file for the Files list, made in main from the
// file's own bytes and kept on disk per account (thumbnail-cache.ts). The list asks only for rows
// on screen; at most a few are made at once, and one file asked for twice at once is fetched once.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FileThumbnail } from '../../shared/browse';
import type { AccountState } from '../../shared/account';
import type { AccountService } from '../account/account-service';
import { scopeOf } from '../cache/account-scope';
import type { Handlers } from '../ipc/handlers';
import { contentFacts, IMAGE_PREVIEW_MAX_BYTES, readPrefix } from './file-preview';
import { createThumbnailCache, type ThumbnailCache } from './thumbnail-cache';
import type { Thumbnailer } from './thumbnailer';

/** Twice the list's 32 px icon, for high-density screens. */
export const THUMBNAIL_EDGE = 64;
const MAX_AT_ONCE = 3;
const FETCH_TIMEOUT_MS = 30_000;

export interface ThumbnailDeps {
  account: AccountService;
  fetch: typeof fetch;
  thumbnailer: Thumbnailer;
  dataDir: string;
  budgetBytes?: number;
}

/** One folder per account (cache/account-scope.ts: the API and the user, hashed; no names on disk). */
function accountFolder(dataDir: string, state: AccountState): string | null {
  const scope = scopeOf(state);
  return scope ? path.join(dataDir, 'thumbnails', scope.id) : null;
}

function limiter(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

export function createThumbnailHandler(deps: ThumbnailDeps): Pick<Handlers, 'files:thumbnail'> {
  const caches = new Map<string, ThumbnailCache>();
  const inflight = new Map<string, Promise<FileThumbnail>>();
  const atOnce = limiter(MAX_AT_ONCE);
  const cacheFor = (folder: string | null) => {
    if (!folder) return null;
    let cache = caches.get(folder);
    if (!cache) caches.set(folder, (cache = createThumbnailCache(folder, deps.budgetBytes)));
    return cache;
  };
  // Sign-out forgets everything: every account's thumbnails (private images among them) leave the disk.
  deps.account.onSignedOut(async () => {
    await Promise.all([...caches.values()].map((cache) => cache.clear()));
    caches.clear();
    await rm(path.join(deps.dataDir, 'thumbnails'), { recursive: true, force: true, maxRetries: 3 });
  });

  async function make(id: string, cache: ThumbnailCache | null, key: string): Promise<FileThumbnail> {
    const client = deps.account.client();
    const file = await client.files.get(id);
    const facts = contentFacts(file);
    if (facts.kind !== 'image') return { dataUrl: null, reason: 'not-an-image' };
    if (facts.size !== null && facts.size > IMAGE_PREVIEW_MAX_BYTES) return { dataUrl: null, reason: 'too-large' };
    const url = await client.files.contentUrl(id);
    const response = await deps.fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { dataUrl: null, reason: 'unavailable' };
    }
    const { bytes, complete } = await readPrefix(response, IMAGE_PREVIEW_MAX_BYTES + 1);
    if (!complete) return { dataUrl: null, reason: 'too-large' };
    const image = await deps.thumbnailer(bytes, THUMBNAIL_EDGE).catch(() => null);
    if (!image) return { dataUrl: null, reason: 'undecodable' };
    await cache?.put(key, image.png);
    return { dataUrl: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}` };
  }

  return {
    async 'files:thumbnail'({ id, version }) {
      const folder = accountFolder(deps.dataDir, await deps.account.state());
      const cache = cacheFor(folder);
      // The version (the file's last update) only names the cache entry: the bytes always come
      // from the file's own record, so a wrong version can at worst miss the cache.
      const key = `${id}\n${version ?? ''}\n${THUMBNAIL_EDGE}`;
      const hit = await cache?.get(key);
      if (hit) return { dataUrl: `data:image/png;base64,${Buffer.from(hit).toString('base64')}` };
      // Shared only within the account: another account asking for the same id gets its own answer.
      const flight = `${folder ?? ''}\n${key}`;
      const running = inflight.get(flight);
      if (running) return running;
      const made = atOnce(() => make(id, cache, key)).finally(() => inflight.delete(flight));
      inflight.set(flight, made);
      return made;
    },
  };
}
