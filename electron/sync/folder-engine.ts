// One sync folder at work: its watcher, the stability wait, the catch-up scan and the queue of
// settled files for the planner to decide on; pausing (by the person, offline, signed out, or
// the folder gone) and what its status line says. Electron-free, so tests drive it directly.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SyncPauseReason, SyncStatus } from '../../shared/sync';
import { ChangePlanner, type PlannerDeps } from './change-planner';
import type { FolderSettings } from './folder-settings';
import { statusOf, viewOf, type EngineView } from './folder-status';
import { compareWithIndex } from './catch-up';
import { scanFolder } from './folder-scan';
import { ignoreRules, type IgnoreTest } from './ignore-rules';
import { DecideQueue } from './decide-queue';
import { createStabilityTracker, type StabilityTracker } from './stability';
import type { SyncIndex } from './sync-index';
import type { WatchEvent, WatchFolder, WatchHandle } from './sync-ports';
import { sortEvents } from './watch-events';

export interface EngineDeps extends Omit<PlannerDeps, 'recheck' | 'changed' | 'now' | 'graceMs'> {
  watch: WatchFolder;
  changed(): void;
  now?: () => number;
  quietMs?: number;
  pollMs?: number;
  graceMs?: number;
  saveSettings(patch: Partial<FolderSettings>): void;
}

export class FolderEngine {
  readonly planner: ChangePlanner;
  private readonly stability: StabilityTracker;
  private ignored: IgnoreTest;
  private pausedFor: SyncPauseReason | null = null;
  private watching: WatchHandle | null = null;
  private scan: { checked: number; abort: AbortController } | null = null;
  private readonly queue: DecideQueue;
  private generation = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private settling = false;
  private readonly index: SyncIndex;

  constructor(private readonly deps: EngineDeps) {
    this.index = deps.index;
    this.ignored = ignoreRules(deps.settings().ignore);
    const now = deps.now ?? Date.now;
    this.planner = new ChangePlanner({ ...deps, now, graceMs: deps.graceMs ?? 60_000, recheck: (rel) => this.track(rel), changed: () => deps.changed() });
    this.queue = new DecideQueue({ planner: this.planner, log: deps.log, changed: () => deps.changed(), held: () => this.scan !== null || this.pausedFor !== null });
    this.stability = createStabilityTracker({
      ...(deps.quietMs !== undefined ? { quietMs: deps.quietMs } : {}),
      ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
      now,
      onStable: (rel, facts) => this.queue.add(rel, facts),
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
    if (!this.settings.mirrorDeletions) this.planner.gone.keepPendingDeletes();
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
    this.queue.clear();
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
    const baseline = this.settings.onlyNew && !this.settings.baselined;
    this.deps.changed();
    let complete: boolean;
    try {
      complete = await compareWithIndex({
        root: this.settings.root,
        ignored: this.ignored,
        signal: abort.signal,
        index: this.index,
        planner: this.planner,
        baseline,
        track: (rel) => this.stability.track(rel, this.abs(rel), true),
        progress: (checked) => {
          scan.checked = checked;
          this.deps.changed();
        },
      });
    } catch (error) {
      if (generation !== this.generation) return;
      this.deps.log.warn('Could not read a sync folder', error);
      this.scan = null;
      return this.pause('folder-missing');
    }
    if (!complete || generation !== this.generation) return;
    if (baseline) this.deps.saveSettings({ baselined: true });
    this.scan = null;
    this.deps.changed();
    this.queue.pump();
  }

  private onEvents(events: WatchEvent[]): void {
    if (this.pausedFor) return;
    const { rootGone, deleted, written } = sortEvents(this.settings.root, events, this.ignored);
    if (rootGone) void this.checkRoot();
    for (const rel of deleted) {
      this.stability.untrack(rel);
      this.queue.delete(rel);
      this.planner.gone.markMissing(rel);
    }
    for (const rel of written) this.track(rel);
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
      if (this.planner.gone.missing.size > 0 && this.idle()) {
        if (!(await this.rootExists()) || (await this.planner.gone.looksUnmounted())) return this.pause('folder-missing');
        await this.planner.gone.settleMissing();
      }
      if (this.planner.gone.pendingDeletes.size > 0) {
        if (!(await this.rootExists())) return this.pause('folder-missing');
        await this.planner.gone.runDueDeletes();
      }
    } finally {
      this.settling = false;
    }
  }

  private idle(): boolean {
    return !this.scan && this.stability.size === 0 && this.queue.busy === 0;
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
    const busy = this.stability.size + this.queue.busy + this.planner.unfinished;
    if (!this.pausedFor && !this.scan && busy === 0) this.queue.done = 0; // up to date: the next round counts from 0
    return statusOf({ paused: this.pausedFor, scanned: this.scan?.checked ?? null, busy, done: this.queue.done, planner: this.planner });
  }

  view(): EngineView {
    return viewOf(this.settings.id, this.status(), this.index, this.planner);
  }
}
