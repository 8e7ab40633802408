// What a settled file in a sync folder means for Ouro, decided against the folder's index: new
// (an upload), changed (a replacement that keeps the asset's id), touched with the same bytes
// (nothing), renamed or moved (a rename, no upload), or gone (kept on Ouro; with Mirror deletions,
// deleted after the grace period). Also follows the queued uploads to their outcomes.
import path from 'node:path';
import type { AppErrorData } from '../../shared/error-kinds';
import { emptyActivity, type SyncActivity } from '../../shared/sync';
import type { FileFacts } from './stability';
import type { PlannerDeps } from './planner-deps';
import type { SyncOutcome, SyncUploadItem } from './sync-ports';
import { errorData, exists, MissingFiles } from './missing-files';

export type { PlannerDeps } from './planner-deps';

/** Done uploads a folder leaves listed in the Uploads tray; older ones are dropped from it. */
const KEEP_DONE_LISTED = 100;
const DROP_BATCH = 500;

export class ChangePlanner {
  readonly activity: SyncActivity = emptyActivity();
  readonly failed = new Map<string, AppErrorData>();
  /** An error that is not a failed upload (a rename or a delete Ouro refused). */
  lastError: AppErrorData | null = null;
  private readonly pendingByPath = new Map<string, string>();
  private readonly pendingById = new Map<string, { rel: string; kind: 'file' | 'replace'; size: number; mtimeMs: number }>();
  private readonly recheckAfter = new Set<string>();
  /** What went from the disk: settled when idle, claimed by renames. */
  readonly gone: MissingFiles;
  private outbox: Array<{ rel: string; facts: FileFacts; item: SyncUploadItem }> = [];
  private readonly doneListed: string[] = [];

  constructor(private readonly deps: PlannerDeps) {
    this.gone = new MissingFiles(deps, this.activity, (rel) => this.abs(rel), (error) => (this.lastError = error));
    for (const pending of deps.index.pending()) {
      this.pendingById.set(pending.uploadId, pending);
      this.pendingByPath.set(pending.rel, pending.uploadId);
    }
  }

  abs(rel: string): string {
    return path.join(this.deps.settings().root, ...rel.split('/'));
  }

  /** Uploads still queued or running (failed ones wait for a new change or a retry). */
  get unfinished(): number {
    return this.pendingById.size - this.failed.size + this.outbox.length;
  }

  /** After a restart: outcomes the queue reached while nobody was listening. */
  reconcile(): void {
    for (const uploadId of [...this.pendingById.keys()]) {
      const outcome = this.deps.uploads.outcome(uploadId);
      if (!outcome) this.forgetPending(uploadId);
      else if (outcome.state === 'done' || outcome.state === 'failed' || outcome.state === 'cancelled') this.onOutcome(outcome);
    }
  }

  /** The scan saw this file as the index (or a queued upload) already has it: nothing to do. */
  known(rel: string, facts: FileFacts): boolean {
    const entry = this.deps.index.get(rel);
    if (entry && entry.size === facts.size && entry.mtimeMs === facts.mtimeMs) return true;
    const uploadId = this.pendingByPath.get(rel);
    const pending = uploadId ? this.pendingById.get(uploadId) : undefined;
    return !!pending && !this.failed.has(uploadId ?? '') && pending.size === facts.size && pending.mtimeMs === facts.mtimeMs;
  }

  async decide(rel: string, facts: FileFacts): Promise<void> {
    const { index } = this.deps;
    this.gone.cameBack(rel);
    const uploadId = this.pendingByPath.get(rel);
    if (uploadId) {
      const outcome = this.deps.uploads.outcome(uploadId);
      if (outcome && (outcome.state === 'queued' || outcome.state === 'running')) {
        // Its upload is on the way: look again once it has finished (never a second upload).
        if (!this.known(rel, facts)) this.recheckAfter.add(rel);
        return;
      }
      // Failed or gone: this newer change supersedes it.
      this.deps.uploads.drop([uploadId]);
      this.forgetPending(uploadId);
    }
    const entry = index.get(rel);
    if (entry && entry.size === facts.size && entry.mtimeMs === facts.mtimeMs) return;
    const abs = this.abs(rel);
    if (entry?.assetId) {
      if (entry.sha256 && entry.size === facts.size && (await this.deps.hash(abs)) === entry.sha256) {
        index.set(rel, { ...entry, mtimeMs: facts.mtimeMs });
        this.activity.unchanged++;
        return;
      }
      this.queue(rel, facts, { kind: 'replace', targetId: entry.assetId, targetName: path.basename(abs) });
      return;
    }
    if (await this.renamedFrom(rel, abs, facts)) return;
    this.queue(rel, facts, { kind: 'file' });
  }

  /** Same bytes as an indexed file whose path is gone: a rename or move, so the asset follows. */
  private async renamedFrom(rel: string, abs: string, facts: FileFacts): Promise<boolean> {
    const { index } = this.deps;
    const candidates = [...this.gone.missing].filter((old) => {
      const entry = index.get(old);
      return entry?.assetId && entry.sha256 && entry.size === facts.size;
    });
    if (candidates.length === 0) return false;
    const sha256 = await this.deps.hash(abs);
    for (const old of candidates) {
      const entry = index.get(old);
      if (!entry?.assetId || entry.sha256 !== sha256 || (await exists(this.abs(old)))) continue;
      this.gone.missing.delete(old);
      const name = path.basename(abs);
      if (name !== path.basename(this.abs(old))) {
        try {
          await this.deps.assets.rename(entry.assetId, name);
        } catch (error) {
          this.lastError = errorData(error);
          this.deps.log.warn('A synced file was renamed here, but not on Ouro', error);
        }
      }
      index.delete(old);
      index.set(rel, { ...entry, size: facts.size, mtimeMs: facts.mtimeMs });
      this.activity.renamed++;
      return true;
    }
    return false;
  }

  private queue(rel: string, facts: FileFacts, what: Pick<SyncUploadItem, 'kind' | 'targetId' | 'targetName'>): void {
    const { destination } = this.deps.settings();
    const item: SyncUploadItem = { ...what, path: this.abs(rel), name: path.basename(this.abs(rel)), size: facts.size, destination };
    this.outbox.push({ rel, facts, item });
  }

  /**
   * Hands up to `max` decided files to the upload queue in one batch (one save of the queue, not
   * one per file); true when more are waiting, for the caller to hand over after yielding.
   */
  flush(max = Infinity): boolean {
    if (this.outbox.length === 0) return false;
    const batch = this.outbox.splice(0, max);
    const ids = this.deps.uploads.enqueue(this.deps.settings().id, this.deps.owner, batch.map((b) => b.item));
    ids.forEach((uploadId, i) => {
      const queued = batch[i];
      if (!queued) return;
      const pending = { uploadId, rel: queued.rel, kind: queued.item.kind, size: queued.facts.size, mtimeMs: queued.facts.mtimeMs };
      this.pendingById.set(uploadId, pending);
      this.pendingByPath.set(queued.rel, uploadId);
      this.deps.index.addPending(pending);
    });
    return this.outbox.length > 0;
  }

  /** Drops what was decided but not queued (the folder paused: its next scan finds them again). */
  discardUnqueued(): void {
    this.outbox = [];
  }

  onOutcome(outcome: SyncOutcome): void {
    const pending = this.pendingById.get(outcome.uploadId);
    if (!pending) return;
    if (outcome.state === 'done' && outcome.assetId) {
      this.failed.delete(outcome.uploadId);
      this.deps.index.set(pending.rel, { assetId: outcome.assetId, size: pending.size, mtimeMs: pending.mtimeMs, sha256: outcome.contentHash ?? null });
      this.activity[pending.kind === 'replace' ? 'replaced' : 'uploaded']++;
      this.forgetPending(outcome.uploadId);
      this.doneListed.push(outcome.uploadId);
      // In batches: each drop walks the whole queue, so one per upload would cost O(n²) over 10,000.
      if (this.doneListed.length >= KEEP_DONE_LISTED + DROP_BATCH) this.deps.uploads.drop(this.doneListed.splice(0, this.doneListed.length - KEEP_DONE_LISTED));
    } else if (outcome.state === 'failed') {
      this.failed.set(outcome.uploadId, outcome.error ?? { kind: 'internal', message: 'The upload failed' });
    } else if (outcome.state === 'cancelled') {
      this.forgetPending(outcome.uploadId);
    }
    if (this.recheckAfter.delete(pending.rel)) this.deps.recheck(pending.rel);
    this.deps.changed();
  }

  private forgetPending(uploadId: string): void {
    const pending = this.pendingById.get(uploadId);
    this.pendingById.delete(uploadId);
    this.failed.delete(uploadId);
    if (pending && this.pendingByPath.get(pending.rel) === uploadId) this.pendingByPath.delete(pending.rel);
    this.deps.index.removePending(uploadId);
  }

}
