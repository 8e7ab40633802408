// Small image thumbnails kept on disk, one folder per account, within a byte budget: the least
// recently used are deleted first when a new one would go over it. Every operation is best
// effort — a cache that cannot read or write simply misses.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const THUMBNAIL_BUDGET_BYTES = 16 * 1024 * 1024;

export interface ThumbnailCache {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Total bytes on disk (as the cache counts them). */
  size(): Promise<number>;
  /** Deletes the whole folder (sign-out). */
  clear(): Promise<void>;
}

interface Entry {
  bytes: number;
  usedAt: number;
}

const fileOf = (key: string) => `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.thumb`;

export function createThumbnailCache(dir: string, budgetBytes = THUMBNAIL_BUDGET_BYTES, now: () => number = Date.now): ThumbnailCache {
  // Loaded once from the folder, then kept in step with it: name → size and last use.
  let index: Promise<Map<string, Entry>> | null = null;
  const load = () =>
    (index ??= (async () => {
      const entries = new Map<string, Entry>();
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.endsWith('.thumb'))) {
        const info = await stat(path.join(dir, name)).catch(() => null);
        if (info?.isFile()) entries.set(name, { bytes: info.size, usedAt: info.mtimeMs });
      }
      return entries;
    })());

  async function evict(entries: Map<string, Entry>, incoming: number): Promise<void> {
    let total = [...entries.values()].reduce((sum, e) => sum + e.bytes, 0) + incoming;
    if (total <= budgetBytes) return;
    // Down to 80% of the budget, so the next few additions do not each trigger a sweep.
    const target = budgetBytes * 0.8;
    for (const [name, entry] of [...entries].sort((a, b) => a[1].usedAt - b[1].usedAt)) {
      if (total <= target) break;
      await rm(path.join(dir, name), { force: true }).catch(() => {});
      entries.delete(name);
      total -= entry.bytes;
    }
  }

  return {
    async get(key) {
      const entries = await load();
      const name = fileOf(key);
      const entry = entries.get(name);
      if (!entry) return null;
      const bytes = await readFile(path.join(dir, name)).catch(() => null);
      if (!bytes) {
        entries.delete(name);
        return null;
      }
      entry.usedAt = now();
      // The modification time carries "last used" across restarts.
      const seconds = entry.usedAt / 1000;
      await utimes(path.join(dir, name), seconds, seconds).catch(() => {});
      return new Uint8Array(bytes);
    },
    async put(key, bytes) {
      if (bytes.byteLength > budgetBytes) return;
      const entries = await load();
      const name = fileOf(key);
      entries.delete(name);
      await evict(entries, bytes.byteLength);
      try {
        await mkdir(dir, { recursive: true });
        // Written beside and renamed over: a reader never sees half a thumbnail. No fsync: a
        // thumbnail lost in a crash is only fetched again.
        const temp = path.join(dir, `${name}.${randomBytes(4).toString('hex')}.tmp`);
        await writeFile(temp, bytes, { mode: 0o600 });
        await rename(temp, path.join(dir, name)).catch(async (error: unknown) => {
          await rm(temp, { force: true });
          throw error;
        });
        entries.set(name, { bytes: bytes.byteLength, usedAt: now() });
      } catch {
        // A full or read-only disk only costs a cache miss next time.
      }
    },
    async size() {
      return [...(await load()).values()].reduce((sum, e) => sum + e.bytes, 0);
    },
    async clear() {
      index = Promise.resolve(new Map());
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    },
  };
}
