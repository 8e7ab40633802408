// Local copies of items being dragged out of the window, per account:
// `<dataDir>/drag-cache/<account>/<asset id>/<name>`. Electron's startDrag needs real files the
// moment a drag begins, so the page asks to prepare items ahead (on pointer-down or selection)
// and main downloads them here; `pathsForDrag` then answers synchronously. The web host serves
// its drag links from the same copies. Bounded: prefetch skips big files, the cache evicts the
// least recently used copies past its size limit, and a sign-out deletes the account's folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AssetRef } from '../../shared/actions';
import type { AccountService } from '../account/account-service';
import type { Logger } from '../log';
import { describeDownload } from '../downloads/download-handlers';
import { safeFileName } from '../browse/save-download';
import { accountKey } from './account-identity';
import { mapBounded } from './bounded';

export interface CachedCopy {
  path: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface DragCacheOptions {
  dir: string;
  account: AccountService;
  log: Logger;
  /** Files bigger than this are not fetched ahead, only when actually dragged (default 200 MiB). */
  prefetchMaxBytes?: number;
  /** Total size kept (default 1 GiB). */
  maxBytes?: number;
  /** Copies older than this are fetched again when prepared (default 10 minutes). */
  freshMs?: number;
}

export interface DragCache {
  /** Names and (within the prefetch limit) downloads the items, a few at a time. */
  prepare(items: readonly AssetRef[]): Promise<void>;
  /** The name and type a copy of the item has, without downloading it. */
  describe(item: AssetRef): Promise<Pick<CachedCopy, 'fileName' | 'mimeType'>>;
  /** A complete copy of one item, downloading it if needed (web host drag links). */
  ensure(item: AssetRef): Promise<CachedCopy>;
  /**
   * Paths to hand startDrag now: complete copies, or for items still downloading an empty
   * placeholder at the final path that the download replaces. Items never prepared are left out
   * (and prepared for next time). Synchronous: a drag must start inside the page's dragstart.
   */
  pathsForDrag(items: readonly AssetRef[]): string[];
  /** The signed-in account's key (null: nobody's): `pathsForDrag` only ever hands out its copies. */
  follow(account: string | null): void;
  /** An asset changed or went: its copies are stale. */
  forget(assetId: string): void;
  /** Sign-out: the account's copies are deleted. */
  clear(): Promise<void>;
  dispose(): Promise<void>;
}

interface Entry {
  account: string;
  ref: AssetRef;
  fileName?: string;
  mimeType?: string;
  path?: string;
  size?: number;
  ready: boolean;
  loadedAt: number;
  usedAt: number;
  task?: Promise<CachedCopy>;
}

export function createDragCache(options: DragCacheOptions): DragCache {
  const prefetchMax = options.prefetchMaxBytes ?? 200 * 1024 ** 2;
  const maxBytes = options.maxBytes ?? 1024 ** 3;
  const freshMs = options.freshMs ?? 10 * 60_000;
  const entries = new Map<string, Entry>();
  const controller = new AbortController();
  let currentAccount: string | null = null;
  // Copies from an earlier run are not tracked: start clean.
  const swept = rm(options.dir, { recursive: true, force: true }).catch(() => {});

  const keyOf = (account: string, id: string) => `${account}/${id.toLowerCase()}`;

  function evict(): void {
    const ready = [...entries.values()].filter((e) => e.ready).sort((a, b) => a.usedAt - b.usedAt);
    let total = ready.reduce((sum, e) => sum + (e.size ?? 0), 0);
    for (const entry of ready) {
      if (total <= maxBytes) break;
      total -= entry.size ?? 0;
      entries.delete(keyOf(entry.account, entry.ref.id));
      if (entry.path) void rm(path.dirname(entry.path), { recursive: true, force: true }).catch(() => {});
    }
  }

  async function entryFor(ref: AssetRef): Promise<Entry> {
    await swept;
    const account = await accountKey(options.account);
    const key = keyOf(account, ref.id);
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = { account, ref, ready: false, loadedAt: 0, usedAt: Date.now() }));
    return entry;
  }

  /** Learns the name (and size, type) from the record, so the drag can show the real name. */
  async function name(entry: Entry): Promise<void> {
    if (entry.path) return;
    const facts = await describeDownload(options.account.client(), entry.ref, controller.signal);
    const fileName = safeFileName(facts.fileName);
    Object.assign(entry, { fileName, mimeType: facts.mimeType, ...(facts.size !== null ? { size: facts.size } : {}) });
    entry.path = path.join(options.dir, entry.account, entry.ref.id.toLowerCase(), fileName);
  }

  function download(entry: Entry): Promise<CachedCopy> {
    entry.task ??= (async () => {
      const target = entry.path as string;
      await mkdir(path.dirname(target), { recursive: true });
      const client = options.account.client();
      const fetch = entry.ref.assetType === 'dataset' ? client.datasets.exportTo : client.files.downloadTo;
      const result = await fetch(entry.ref.id, target, { signal: controller.signal });
      Object.assign(entry, { ready: true, size: result.bytes, loadedAt: Date.now(), usedAt: Date.now() });
      evict();
      return copyOf(entry);
    })().finally(() => {
      entry.task = undefined;
    });
    return entry.task;
  }

  function copyOf(entry: Entry): CachedCopy {
    return { path: entry.path as string, fileName: entry.fileName as string, mimeType: entry.mimeType ?? 'application/octet-stream', size: entry.size ?? 0 };
  }

  const fresh = (entry: Entry) => entry.ready && Date.now() - entry.loadedAt < freshMs;

  async function ensure(ref: AssetRef): Promise<CachedCopy> {
    const entry = await entryFor(ref);
    entry.usedAt = Date.now();
    await name(entry);
    if (fresh(entry)) return copyOf(entry);
    return download(entry);
  }

  async function prepare(items: readonly AssetRef[]): Promise<void> {
    await mapBounded(items, 3, async (ref) => {
      try {
        const entry = await entryFor(ref);
        await name(entry);
        if (fresh(entry) || (entry.size ?? 0) > prefetchMax) return;
        await download(entry);
      } catch (error) {
        options.log.debug(`Drag copy of ${ref.id} not prepared: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  return {
    ensure,
    prepare,
    async describe(ref) {
      const entry = await entryFor(ref);
      await name(entry);
      return { fileName: entry.fileName as string, mimeType: entry.mimeType ?? 'application/octet-stream' };
    },
    pathsForDrag(items) {
      const paths: string[] = [];
      for (const ref of items) {
        const entry = currentAccount ? entries.get(keyOf(currentAccount, ref.id)) : undefined;
        if (!entry?.path) {
          void prepare([ref]);
          continue;
        }
        entry.usedAt = Date.now();
        if (!entry.ready) {
          try {
            // The OS copies the file when it is dropped; until the download renames the real
            // bytes over it, this empty file stands in, so the drag can start now.
            mkdirSync(path.dirname(entry.path), { recursive: true });
            writeFileSync(entry.path, '', { flag: 'a' });
          } catch (error) {
            options.log.warn('Could not create a drag placeholder', error);
            continue;
          }
          void ensure(ref).catch((error: unknown) => options.log.warn(`Dragged ${ref.assetType} ${ref.id} could not be downloaded`, error));
        }
        paths.push(entry.path);
      }
      return paths;
    },
    follow(account) {
      currentAccount = account;
    },
    forget(assetId) {
      for (const [key, entry] of entries) {
        if (entry.ref.id.toLowerCase() !== assetId.toLowerCase()) continue;
        entries.delete(key);
        // A download still running finishes into a folder nothing refers to; clear() removes it.
        if (entry.path && !entry.task) void rm(path.dirname(entry.path), { recursive: true, force: true }).catch(() => {});
      }
    },
    async clear() {
      const accounts = new Set([...entries.values()].map((e) => e.account));
      entries.clear();
      currentAccount = null;
      await Promise.all([...accounts].map((account) => rm(path.join(options.dir, account), { recursive: true, force: true }).catch(() => {})));
    },
    async dispose() {
      controller.abort();
      await Promise.all([...entries.values()].map((e) => e.task?.catch(() => {})));
    },
  };
}
