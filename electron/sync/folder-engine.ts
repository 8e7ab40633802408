// One sync folder at work: its watcher, the stability wait, the catch-up scan and the queue of
// settled files for the planner to decide on; pausing (by the person, offline, signed out, or
// the folder gone) and what its status line says. Electron-free, so tests drive it directly.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SyncFolderView, SyncPauseReason, SyncStatus } from '../../shared/sync';
import { ChangePlanner, type PlannerDeps } from './change-planner';
import type { FolderSettings } from './folder-settings';
import { scanFolder } from './folder-scan';
import { ignoreRules, type IgnoreTest } from './ignore-rules';
import { createStabilityTracker, type FileFacts, type StabilityTracker } from './stability';
import type { SyncIndex } from './sync-index';
import type { WatchEvent, WatchFolder, WatchHandle } from './sync-ports';

export interface EngineDeps extends Omit<PlannerDeps, 'recheck' | 'changed' | 'now' | 'graceMs'> {
  watch: WatchFolder;
  changed(): void;
  now?: () => number;
  quietMs?: number;
  pollMs?: number;
  graceMs?: number;
  /** How often a missing folder is looked for again. */
  missingPollMs?: number;
  saveSettings(patch: Partial<FolderSettings>): void;
}

const HASHING = 2;
const MISSING_MESSAGE = 'The folder cannot be found. If it is on a disk that was removed, connect it again; nothing was deleted on Ouro.';

export class FolderEngine {
  readonly planner: ChangePlanner;
  private readonly stability: StabilityTracker;
  private ignored: IgnoreTest;
  private pausedFor: SyncPauseReason | null = null;
  private watching: WatchHandle | null = null;
  private scan: { checked: number; abort: AbortController } | null = null;
  private readonly ready = new Map<string, FileFacts>();
  private deciding = 0;
  private roundDone = 0;
  private generation = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private settling = false;
  private readonly index: SyncIndex;

  constructor(private readonly deps: EngineDeps) {
    this.index = deps.index;
    this.ignored = ignoreRules(deps.settings().ignore);
    const now = deps.now ?? Date.now;
    this.planner = new ChangePlanner({ ...deps, now, graceMs: deps.graceMs ?? 60_000, recheck: (rel) => this.track(rel), changed: () => deps.changed() });
    this.stability = createStabilityTracker({
      ...(deps.quietMs !== undefined ? { quietMs: deps.quietMs } : {}),
      ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
      now,
      onStable: (rel, facts) => {
        this.ready.set(rel, facts);
        this.pump();
      },
      onGone: (rel) => void this.gone(rel),
    });
  }

  get settings(): FolderSettings {
    return this.deps.settings();
  }

  async start(): Promise<void> {
    this.planner.reconcile();
    this.timer = setInterval(() => void this.tick(), 1000);
    this.timer.unref?.();
    if (!this.pausedFor) await this.run();
  }

  /** Stops watching and deciding; uploads already queued carry on in the queue. */
  pause(reason: SyncPauseReason): void {
    if (this.pausedFor === reason) return;
    const wasRunning = this.pausedFor === null;
    this.pausedFor = reason;
    if (wasRunning) this.halt();
    this.deps.changed();
  }

  /** Back from a pause: watch again and catch up with what changed meanwhile. */
  resume(): void {
    if (this.pausedFor === null) return;
    this.pausedFor = null;
    this.deps.changed();
    void this.run();
  }

  get paused(): SyncPauseReason | null {
    return this.pausedFor;
  }

  /** Ignore patterns or Mirror deletions changed. */
  reconfigure(): void {
    this.ignored = ignoreRules(this.settings.ignore);
    if (!this.settings.mirrorDeletions) this.planner.keepPendingDeletes();
    this.deps.changed();
  }

  async stop(): Promise<void> {
    this.pausedFor ??= 'by-you';
    this.halt();
    if (this.timer) clearInterval(this.timer);
    await this.index.close();
  }

  private halt(): void {
    this.generation++;
    this.scan?.abort.abort();
    this.scan = null;
    this.stability.clear();
    this.ready.clear();
    this.planner.discardUnqueued();
    const watching = this.watching;
    this.watching = null;
    void watching?.close().catch(() => {});
  }

  /** Watch first, then scan, so nothing written during the scan is missed. */
  private async run(): Promise<void> {
    const generation = ++this.generation;
    this.planner.lastError = null;
    if (!(await this.rootExists())) return this.pause('folder-missing');
    try {
      const handle = await this.deps.watch(this.settings.root, (events) => this.onEvents(events), (error) => this.onWatchError(error));
      if (generation !== this.generation) return void handle.close().catch(() => {});
      this.watching = handle;
    } catch (error) {
      this.deps.log.warn('Could not watch a sync folder', error);
      if (!(await this.rootExists())) return this.pause('folder-missing');
    }
    await this.catchUp(generation);
  }

  /** Compares the folder with its index: what changed while not watching gets decided as usual. */
  private async catchUp(generation: number): Promise<void> {
    const abort = new AbortController();
    const scan = { checked: 0, abort };
    this.scan = scan;
    const seen = new Set<string>();
    const baseline = this.settings.onlyNew && !this.settings.baselined;
    this.deps.changed();
    try {
      for await (const batch of scanFolder(this.settings.root, this.ignored, abort.signal)) {
        for (const file of batch) {
          seen.add(file.rel);
          if (this.planner.known(file.rel, file)) continue;
          // "Only new files": what is already here is noted, not uploaded, until it changes.
          if (baseline && !this.index.get(file.rel)) this.index.set(file.rel, { assetId: null, size: file.size, mtimeMs: file.mtimeMs, sha256: null });
          else this.stability.track(file.rel, this.abs(file.rel), true);
        }
        scan.checked += batch.length;
        this.deps.changed();
      }
    } catch (error) {
      if (generation === this.generation) {
        this.deps.log.warn('Could not read a sync folder', error);
        this.scan = null;
        return this.pause('folder-missing');
      }
    }
    if (generation !== this.generation) return;
    for (const [rel] of this.index.entries()) if (!seen.has(rel)) this.planner.markMissing(rel);
    if (baseline) this.deps.saveSettings({ baselined: true });
    this.scan = null;
    this.deps.changed();
    this.pump();
  }

  private onEvents(events: WatchEvent[]): void {
    if (this.pausedFor) return;
    const root = this.settings.root;
    // Deletions first: a rename arrives as the old path's delete and the new path's create.
    for (const event of [...events].sort((a, b) => Number(b.type === 'delete') - Number(a.type === 'delete'))) {
      const rel = path.relative(root, event.path).split(path.sep).join('/');
      if (rel === '' || rel.startsWith('..')) {
        if (event.type === 'delete') void this.checkRoot();
        continue;
      }
      if (this.ignored(rel)) continue;
      if (event.type === 'delete') {
        this.stability.untrack(rel);
        this.ready.delete(rel);
        this.planner.markMissing(rel);
      } else this.track(rel);
    }
    this.deps.changed();
  }

  private onWatchError(error: Error): void {
    this.deps.log.warn('The watcher of a sync folder reported an error', error);
    void this.checkRoot();
  }

  private track(rel: string): void {
    if (this.pausedFor || this.ignored(rel)) return;
    this.stability.track(rel, this.abs(rel));
  }

  /** A candidate vanished or is a folder (one moved in whole: its files are scanned). */
  private async gone(rel: string): Promise<void> {
    const info = await stat(this.abs(rel)).catch(() => null);
    if (info?.isDirectory()) {
      for await (const batch of scanFolder(this.abs(rel), this.ignored)) for (const file of batch) this.track(`${rel}/${file.rel}`);
    }
    this.deps.changed();
  }

  /** Decides settled files, a few at a time (hashing is the slow part), once any scan is over. */
  private pump(): void {
    if (this.scan || this.pausedFor) return;
    const generation = this.generation;
    while (this.deciding < HASHING && this.ready.size > 0) {
      const [rel, facts] = this.ready.entries().next().value as [string, FileFacts];
      this.ready.delete(rel);
      this.deciding++;
      void this.planner
        .decide(rel, facts)
        .catch((error: unknown) => this.deps.log.warn('A file in a sync folder could not be checked', error))
        .finally(() => {
          this.deciding--;
          this.roundDone++;
          if (generation === this.generation) {
            if (this.ready.size === 0 && this.deciding === 0) this.flush();
            this.pump();
          }
          this.deps.changed();
        });
    }
    if (this.ready.size === 0 && this.deciding === 0) this.flush();
  }

  private flush(): void {
    try {
      this.planner.flush();
    } catch (error) {
      // Refused: the account is not signed in any more. The next catch-up scan finds these again.
      this.planner.discardUnqueued();
      this.deps.log.warn('Sync uploads were not queued', error);
    }
  }

  /** Once a second: settle missing files when idle, run due deletes, look for a missing folder. */
  private async tick(): Promise<void> {
    if (this.settling) return;
    this.settling = true;
    try {
      if (this.pausedFor === 'folder-missing') {
        if (await this.rootExists()) this.resume();
        return;
      }
      if (this.pausedFor) return;
      if (this.planner.missing.size > 0 && this.idle()) {
        if (!(await this.rootExists()) || (await this.planner.looksUnmounted())) return this.pause('folder-missing');
        await this.planner.settleMissing();
      }
      if (this.planner.pendingDeletes.size > 0) {
        if (!(await this.rootExists())) return this.pause('folder-missing');
        await this.planner.runDueDeletes();
      }
    } finally {
      this.settling = false;
    }
  }

  private idle(): boolean {
    return !this.scan && this.stability.size === 0 && this.ready.size === 0 && this.deciding === 0;
  }

  private async checkRoot(): Promise<void> {
    if (!(await this.rootExists())) this.pause('folder-missing');
  }

  private async rootExists(): Promise<boolean> {
    const info = await stat(this.settings.root).catch(() => null);
    return !!info?.isDirectory();
  }

  private abs(rel: string): string {
    return path.join(this.settings.root, ...rel.split('/'));
  }

  status(): SyncStatus {
    if (this.pausedFor) return { state: 'paused', reason: this.pausedFor, ...(this.pausedFor === 'folder-missing' ? { message: MISSING_MESSAGE } : {}) };
    if (this.scan) return { state: 'scanning', checked: this.scan.checked };
    const busy = this.stability.size + this.ready.size + this.deciding + this.planner.unfinished;
    if (busy > 0) return { state: 'syncing', done: this.roundDone, total: this.roundDone + busy };
    this.roundDone = 0;
    const failed = [...this.planner.failed.values()];
    if (failed[0]) return { state: 'error', failed: failed.length, error: failed[0] };
    if (this.planner.lastError) return { state: 'error', failed: 0, error: this.planner.lastError };
    return { state: 'up-to-date' };
  }

  view(): Omit<SyncFolderView, 'name' | 'path' | 'destination' | 'mirrorDeletions' | 'ignore'> & { id: string } {
    let synced = 0;
    for (const [, entry] of this.index.entries()) if (entry.assetId) synced++;
    const deletes = [...this.planner.pendingDeletes.values()];
    return {
      id: this.settings.id,
      status: this.status(),
      synced,
      pendingDeletes: deletes.length > 0 ? { count: deletes.length, dueAt: Math.min(...deletes.map((d) => d.dueAt)) } : null,
      activity: { ...this.planner.activity },
    };
  }
}
