// One account's kept answers on disk: a LevelDB (classic-level, an N-API addon with prebuilt
// binaries, so Node and Electron load it unchanged) holding each answer with when it was saved,
// kept within a size budget by evicting the least recently used first.
import type { ClassicLevel } from 'classic-level';
import type { Logger } from '../log';

export interface StoredAnswer {
  /** The answer's JSON text, exactly as it was written. */
  json: string;
  savedAt: number;
}

export interface AnswerStore {
  get(key: string): Promise<StoredAnswer | null>;
  /** `json` is the answer already serialised (the caller checked it for secrets). */
  put(key: string, json: string, savedAt: number): Promise<void>;
  /** Bytes of keys and values kept (LevelDB's compressed files are usually smaller), and entries. */
  usage(): { bytes: number; entries: number };
  close(): Promise<void>;
}

export interface AnswerStoreOptions {
  dir: string;
  budgetBytes: number;
  log: Logger;
  now?: () => number;
}

// Two key spaces: the answers, and small records of each answer's size and last use, which are
// read at open to rebuild the LRU order without reading any answer.
const VALUE = 'v\u0000';
const META = 'm\u0000';
/** Evict down to this share of the budget, so a full store does not evict on every write. */
const LOW_WATER = 0.9;
/** An answer bigger than this share of the budget is not worth evicting everything else for. */
const MAX_ENTRY_SHARE = 0.25;
const TOUCH_FLUSH_MS = 2_000;

interface Meta {
  size: number;
  usedAt: number;
}

function parseMeta(text: string): Meta | null {
  const [size, usedAt] = text.split(',').map(Number);
  return Number.isFinite(size) && Number.isFinite(usedAt) ? { size: size as number, usedAt: usedAt as number } : null;
}

export async function openAnswerStore(options: AnswerStoreOptions): Promise<AnswerStore> {
  const now = options.now ?? Date.now;
  // Loaded here rather than at the top, so a missing or broken addon costs the cache, not the app.
  const { ClassicLevel } = await import('classic-level');
  const db: ClassicLevel = new ClassicLevel(options.dir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
  await db.open();

  // Map order is LRU order: a use moves the key to the end.
  const index = new Map<string, Meta>();
  let total = 0;
  const found: [string, Meta][] = [];
  for await (const [key, value] of db.iterator({ gt: META, lt: 'm\u0001' })) {
    const meta = parseMeta(value);
    if (meta) found.push([key.slice(META.length), meta]);
  }
  found.sort((a, b) => a[1].usedAt - b[1].usedAt);
  for (const [key, meta] of found) {
    index.set(key, meta);
    total += meta.size;
  }

  const touched = new Set<string>();
  // Writes not yet on disk, by key: a read of the same key waits for its write rather than
  // finding the index ahead of the database.
  const landing = new Map<string, Promise<void>>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let evictedSinceCompaction = 0;
  let closing = false;

  const flushTouches = async () => {
    flushTimer = undefined;
    if (touched.size === 0) return;
    const ops = [...touched].flatMap((key) => {
      const meta = index.get(key);
      return meta ? [{ type: 'put' as const, key: META + key, value: `${meta.size},${meta.usedAt}` }] : [];
    });
    touched.clear();
    if (ops.length) await db.batch(ops);
  };

  const touch = (key: string, meta: Meta) => {
    index.delete(key);
    index.set(key, { ...meta, usedAt: now() });
    touched.add(key);
    if (!flushTimer && !closing) {
      flushTimer = setTimeout(() => void flushTouches().catch((error: unknown) => options.log.debug(`Cache: could not record uses: ${String(error)}`)), TOUCH_FLUSH_MS);
      flushTimer.unref?.();
    }
  };

  async function evict(): Promise<void> {
    const target = options.budgetBytes * LOW_WATER;
    const ops: { type: 'del'; key: string }[] = [];
    for (const [key, meta] of index) {
      if (total <= target) break;
      index.delete(key);
      touched.delete(key);
      total -= meta.size;
      evictedSinceCompaction += meta.size;
      ops.push({ type: 'del', key: VALUE + key }, { type: 'del', key: META + key });
    }
    if (ops.length) await db.batch(ops);
    // Deletions are tombstones until LevelDB compacts; after a large eviction, ask it to now, so
    // the files on disk shrink with the budget instead of whenever LevelDB gets round to it.
    if (evictedSinceCompaction > options.budgetBytes / 4) {
      evictedSinceCompaction = 0;
      void db.compactRange(META, 'v\u0001').catch(() => {});
    }
  }

  return {
    async get(key) {
      await landing.get(key)?.catch(() => {});
      const meta = index.get(key);
      if (!meta) return null;
      const text = await db.get(VALUE + key);
      if (text === undefined) {
        index.delete(key);
        total -= meta.size;
        return null;
      }
      touch(key, meta);
      const split = text.indexOf('\n');
      return { savedAt: Number(text.slice(0, split)), json: text.slice(split + 1) };
    },

    async put(key, json, savedAt) {
      const value = `${savedAt}\n${json}`;
      const size = Buffer.byteLength(key) * 2 + Buffer.byteLength(value) + 24;
      const previous = index.get(key);
      if (previous) {
        index.delete(key);
        total -= previous.size;
      }
      if (size > options.budgetBytes * MAX_ENTRY_SHARE) {
        // Too big to keep: and an older, smaller copy would now be out of date.
        if (previous) await db.batch([{ type: 'del', key: VALUE + key }, { type: 'del', key: META + key }]);
        return;
      }
      const meta = { size, usedAt: now() };
      index.set(key, meta);
      total += size;
      touched.delete(key);
      const write = db.batch([
        { type: 'put', key: VALUE + key, value },
        { type: 'put', key: META + key, value: `${meta.size},${meta.usedAt}` },
      ]);
      landing.set(key, write);
      try {
        await write;
      } finally {
        if (landing.get(key) === write) landing.delete(key);
      }
      if (total > options.budgetBytes) await evict();
    },

    usage: () => ({ bytes: total, entries: index.size }),

    async close() {
      closing = true;
      if (flushTimer) clearTimeout(flushTimer);
      await flushTouches().catch(() => {});
      await db.close();
    },
  };
}
