// The Downloads list: every download and export runs here, 3 at a time, with cancel, "Show in
// folder" once done, and the page told what changed as coalesced deltas (download-deltas.ts,
// ~10 times a second); the list keeps its newest finished items only. Each download belongs to the account that
// started it: only the signed-in account's are listed, reported or acted on, and another account
// signing in stops the rest. Imports nothing from Electron.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError, isAppError } from '../../shared/app-error';
import type { ActionAssetType, DownloadItem, DownloadsSnapshot } from '../../shared/actions';
import type { Logger } from '../log';
import type { OuroClient } from '../ouro/client';
import type { DownloadResult } from '../ouro/download';
import type { EmitEvent } from '../event-hub';
import { createDownloadDeltas } from './download-deltas';

/** Where a download goes: a path the person chose, or one reserved in a folder (removed on failure). */
export interface DownloadTarget {
  path: string;
  reserved: boolean;
}

export interface DownloadRequest {
  /** The account that asked (actions/account-identity.ts). */
  account: string;
  assetId: string;
  assetType: ActionAssetType;
  batchId?: string | null;
  /** The name to show before the target is known (bulk downloads learn it from the record). */
  fileName?: string;
  target(client: OuroClient, signal: AbortSignal): Promise<DownloadTarget>;
}

export interface DownloadManagerDeps {
  client(): OuroClient;
  emit: EmitEvent;
  log: Logger;
  /** shell.showItemInFolder in Electron; absent in the web host. */
  showItemInFolder?: ((file: string) => void) | undefined;
  concurrency?: number;
  progressIntervalMs?: number;
  /** Finished items kept in the list (the oldest are dropped first). */
  keepFinished?: number;
}

export interface DownloadManager {
  list(): DownloadsSnapshot;
  /** Queues a download; `done` settles with the result when it finishes (rejects on failure or cancel). */
  start(request: DownloadRequest): { id: string; done: Promise<DownloadResult & { path: string }> };
  cancel(id: string): void;
  cancelAll(): void;
  showInFolder(id: string): boolean;
  clearFinished(): void;
  /** The signed-in account's key (null: nobody's): what the list shows and the page may act on. */
  follow(account: string | null): void;
  /** Quit: aborts everything (temporary files are removed) and waits for it. */
  dispose(): Promise<void>;
}

interface Entry {
  item: DownloadItem;
  request: DownloadRequest;
  controller: AbortController;
  path?: string;
  resolve(result: DownloadResult & { path: string }): void;
  reject(error: unknown): void;
  task?: Promise<void>;
}

const FINISHED = new Set(['done', 'failed', 'cancelled']);

export function createDownloadManager(deps: DownloadManagerDeps): DownloadManager {
  const concurrency = deps.concurrency ?? 3;
  const interval = deps.progressIntervalMs ?? 100;
  const keepFinished = deps.keepFinished ?? 100;
  const entries = new Map<string, Entry>();
  let disposed = false;
  let current: string | null = null;

  /** An entry of the signed-in account: ids from the page never reach another account's downloads. */
  const mine = (id: string) => {
    const entry = entries.get(id);
    return entry && current !== null && entry.request.account === current ? entry : undefined;
  };

  const deltas = createDownloadDeltas({
    emit: deps.emit,
    intervalMs: interval,
    view: (id) => {
      const entry = mine(id);
      return entry ? { ...entry.item } : null;
    },
  });

  /** State changes go out on the next tick; byte counts at most every `interval` ms. */
  function changed(entry: Entry, urgent: boolean): void {
    if (!disposed) deltas.changed(entry.item.id, urgent);
  }

  function prune(): void {
    const finished = [...entries.values()].filter((e) => FINISHED.has(e.item.state));
    for (const entry of finished.slice(0, Math.max(0, finished.length - keepFinished))) forget(entry.item.id);
  }

  function forget(id: string): void {
    entries.delete(id);
    deltas.removed(id);
  }

  /** Cancels one download, whoever's it is (cancelAll, another account). */
  function stop(entry: Entry): void {
    if (FINISHED.has(entry.item.state)) return;
    entry.controller.abort();
    if (entry.item.state === 'queued') {
      entry.item.state = 'cancelled';
      entry.reject(new AppError({ kind: 'cancelled', message: 'The download was cancelled' }));
      changed(entry, true);
    }
  }

  function pump(): void {
    const running = [...entries.values()].filter((e) => e.item.state === 'downloading').length;
    let free = concurrency - running;
    for (const entry of entries.values()) {
      if (free <= 0 || disposed) break;
      if (entry.item.state !== 'queued') continue;
      free--;
      entry.task = run(entry);
    }
  }

  async function run(entry: Entry): Promise<void> {
    const { item, request, controller } = entry;
    item.state = 'downloading';
    changed(entry, true);
    let target: DownloadTarget | undefined;
    let lastLegacy = 0;
    try {
      const client = deps.client();
      target = await request.target(client, controller.signal);
      entry.path = target.path;
      item.fileName = path.basename(target.path);
      changed(entry, true);
      const download = request.assetType === 'dataset' ? client.datasets.exportTo : client.files.downloadTo;
      const result = await download(request.assetId, target.path, {
        signal: controller.signal,
        onProgress: ({ bytes, totalBytes }) => {
          item.bytes = bytes;
          item.total = totalBytes ?? null;
          changed(entry, false);
          // The single-download event the details pane already follows (kept for it).
          const now = Date.now();
          if (now - lastLegacy >= interval) {
            lastLegacy = now;
            deps.emit('downloads:progress', { id: request.assetId, bytes, total: totalBytes ?? null, done: false });
          }
        },
      });
      item.state = 'done';
      item.bytes = result.bytes;
      item.total = result.bytes;
      deps.emit('downloads:progress', { id: request.assetId, bytes: result.bytes, total: result.bytes, done: true });
      entry.resolve({ ...result, path: target.path });
    } catch (error) {
      const failure = isAppError(error) ? error : new AppError({ kind: 'internal', message: 'The download failed unexpectedly' }, { cause: error });
      item.state = controller.signal.aborted || failure.kind === 'cancelled' ? 'cancelled' : 'failed';
      if (item.state === 'failed') {
        item.error = failure.toData();
        deps.log.warn(`Download of ${request.assetType} ${request.assetId} failed`, error);
      }
      // The empty reservation is ours: a failed download must not leave a 0-byte "name (2).ext".
      if (target?.reserved) await rm(target.path, { force: true }).catch(() => {});
      entry.reject(item.state === 'cancelled' ? new AppError({ kind: 'cancelled', message: 'The download was cancelled' }) : failure);
    }
    changed(entry, true);
    prune();
    pump();
  }

  return {
    list: () => ({
      items: [...entries.values()].filter((e) => e.request.account === current).map((e) => ({ ...e.item })),
      canShowInFolder: Boolean(deps.showItemInFolder),
    }),
    start(request) {
      if (disposed) throw new AppError({ kind: 'cancelled', message: 'The app is quitting' });
      const id = randomUUID();
      let resolve!: Entry['resolve'];
      let reject!: Entry['reject'];
      const done = new Promise<DownloadResult & { path: string }>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Callers that only watch the list must not see an unhandled rejection.
      done.catch(() => {});
      const item: DownloadItem = {
        id,
        assetId: request.assetId,
        assetType: request.assetType,
        fileName: request.fileName ?? '',
        state: 'queued',
        bytes: 0,
        total: null,
        batchId: request.batchId ?? null,
        createdAt: Date.now(),
      };
      const entry: Entry = { item, request, controller: new AbortController(), resolve, reject };
      entries.set(id, entry);
      changed(entry, true);
      pump();
      return { id, done };
    },
    cancel(id) {
      const entry = mine(id);
      if (entry) stop(entry);
    },
    cancelAll() {
      for (const entry of entries.values()) stop(entry);
    },
    showInFolder(id) {
      const entry = mine(id);
      if (!deps.showItemInFolder || entry?.item.state !== 'done' || !entry.path) return false;
      deps.showItemInFolder(entry.path);
      return true;
    },
    clearFinished() {
      for (const entry of [...entries.values()]) if (entry.request.account === current && FINISHED.has(entry.item.state)) forget(entry.item.id);
      deltas.flushRemovals();
    },
    follow(account) {
      if (account === current) return;
      current = account;
      // Another account: the previous one's downloads stop (its client can no longer get a key
      // anyway) and the page's list becomes this account's.
      if (account !== null) for (const entry of entries.values()) if (entry.request.account !== account) stop(entry);
      for (const entry of entries.values()) {
        if (entry.request.account === account) deltas.changed(entry.item.id, true);
        else deltas.removed(entry.item.id);
      }
      deltas.flush();
    },
    async dispose() {
      this.cancelAll();
      disposed = true;
      await Promise.all([...entries.values()].map((e) => e.task?.catch(() => {})));
      deltas.dispose();
    },
  };
}
