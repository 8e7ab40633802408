// The upload queue's state machine: queued → uploading → processing → done, or failed /
// cancelled; N at a time; cancel one or all (AbortController per item); retry; clear finished;
// pause when Ouro wants a new sign-in and resume after it. Every item belongs to the account that
// queued it, and only the signed-in account's items are shown or run. What one item's work is,
// and where the queue is saved, are injected, so this runs with fakes in unit tests.
import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../shared/app-error';
import type { AppErrorData } from '../../shared/error-kinds';
import type { UploadsDelta, UploadState, UploadsSnapshot } from '../../shared/uploads';
import type { CheckpointPatch, QueueRecord } from './queue-record';
import { ChangeTracker, itemView, waitingOf, type LiveProgress } from './queue-view';
import type { QueueChanges } from './queue-store';

export type { CheckpointPatch, QueueRecord, StoredObjectRef } from './queue-record';

export interface RunContext {
  signal: AbortSignal;
  progress(bytesSent: number): void;
  rows(sent: number, total: number | undefined): void;
  /** Records a resume point (stored object, dataset ids, rows acknowledged) and waits until it is saved. */
  checkpoint(patch: CheckpointPatch): Promise<void>;
  processing(): void;
  note(text: string | undefined): void;
  /** The file's size as it is read for sending (it may have changed since it was queued). */
  resized(size: number): void;
}

export interface RunResult {
  assetId: string;
  assetUrl?: string | undefined;
  /** sha256 of the bytes sent, for items that asked for it (sync folders). */
  contentHash?: string | undefined;
}

export interface QueueDeps {
  run(record: Readonly<QueueRecord>, context: RunContext): Promise<RunResult>;
  /** Saves what changed (the store appends it to a journal); resolves once it is on disk. */
  persist(changes: QueueChanges): Promise<void>;
  /** Something changed (take it with `takeDelta`); `urgent` for state changes, not progress ticks. */
  changed(urgent: boolean): void;
  /** An item reached done, failed or cancelled. */
  finished?(record: Readonly<QueueRecord>): void;
  concurrency: number;
  now?: () => number;
}

const FINISHED: ReadonlySet<UploadState> = new Set(['done', 'failed', 'cancelled']);
const SPEED_WINDOW_MS = 3_000;

interface Live extends LiveProgress {
  controller: AbortController;
  /** Why it was aborted: the person cancelled, or the queue is pausing/shutting down (requeue). */
  stop?: 'cancel' | 'requeue';
}

export function isFinished(state: UploadState): boolean {
  return FINISHED.has(state);
}

export class UploadQueue {
  private records: QueueRecord[] = [];
  private readonly byId = new Map<string, QueueRecord>();
  private readonly live = new Map<string, Live>();
  /** Every running item's task, so dispose() can wait for them to stop. */
  private readonly tasks = new Set<Promise<void>>();
  /** The signed-in account: only its items are shown and run. Null: nobody's. */
  private active: string | null = null;
  /** The account whose key Ouro refused: its items wait until it signs in again. */
  private pausedFor: string | null = null;
  private disposed = false;
  private concurrency: number;
  private readonly now: () => number;
  private readonly changes = new ChangeTracker();
  // What the next save writes: only what changed, so saving costs the same in a queue of 10,000.
  private readonly unsaved = new Set<string>();
  private readonly unsavedRemoved = new Set<string>();
  /** Records before this index cannot be started (finished, running or someone else's). */
  private scanFrom = 0;
  /** Other accounts' unfinished items, recounted only when one of them (or the account) changes. */
  private waiting: UploadsSnapshot['waiting'] | null = null;

  constructor(private readonly deps: QueueDeps) {
    this.concurrency = Math.max(1, Math.floor(deps.concurrency));
    this.now = deps.now ?? Date.now;
  }

  /** Loads saved records: anything that was mid-flight when the app stopped starts over as queued. */
  restore(records: readonly QueueRecord[]): void {
    this.records = records.map((r) => (r.state === 'uploading' || r.state === 'processing' ? { ...r, state: 'queued' } : { ...r }));
    this.byId.clear();
    for (const record of this.records) this.byId.set(record.id, record);
    this.scanFrom = 0;
    this.waiting = null;
    this.changes.all();
    this.pump();
    this.emit(true);
  }

  /** Queues items for the signed-in account (the caller checked there is one). */
  add(items: ReadonlyArray<Omit<QueueRecord, 'id' | 'state' | 'createdAt'>>): QueueRecord[] {
    const added = items.map((item) => ({ ...item, id: randomUUID(), state: 'queued' as const, createdAt: this.now() }));
    this.records.push(...added);
    for (const record of added) {
      this.byId.set(record.id, record);
      this.touch(record);
      this.unsaved.add(record.id);
    }
    this.save();
    this.pump();
    this.emit(true);
    return added;
  }

  /**
   * Who is signed in. Another account's running uploads go back in line (they never continue
   * under this one) and the page re-reads the queue; the account Ouro refused resumes only when
   * it is the one signing in again.
   */
  setAccount(account: string | null): void {
    if (account !== null && account === this.pausedFor) this.pausedFor = null;
    if (account !== this.active) {
      this.active = account;
      this.scanFrom = 0;
      this.waiting = null;
      for (const [id, live] of this.live) {
        if (this.byId.get(id)?.account !== account) this.stopLive(live, 'requeue');
      }
      this.changes.all();
    }
    this.changes.header();
    this.pump();
    this.emit(true);
  }

  cancel(id: string): void {
    const record = this.mine(id);
    if (!record || isFinished(record.state)) return;
    const live = this.live.get(id);
    if (live) {
      this.stopLive(live, 'cancel');
      return; // the running task finishes the transition
    }
    this.finish(record, 'cancelled');
    this.emit(true);
  }

  cancelAll(): void {
    for (const record of this.visible()) if (!isFinished(record.state)) this.cancel(record.id);
  }

  retry(id: string): void {
    const record = this.mine(id);
    if (!record || (record.state !== 'failed' && record.state !== 'cancelled')) return;
    // A cancelled dataset starts clean: its rows may be half sent under the old id.
    if (record.state === 'cancelled' && record.kind === 'dataset') {
      record.datasetId = undefined;
      record.createdDatasetId = undefined;
      record.rowsSent = undefined;
      record.rowsInserted = undefined;
      record.rowsSkipped = undefined;
      record.ignoredColumns = undefined;
      record.ingestNotes = undefined;
    }
    record.state = 'queued';
    record.error = undefined;
    this.touch(record);
    this.unsaved.add(record.id);
    this.scanFrom = 0;
    this.save();
    this.pump();
    this.emit(true);
  }

  /** The signed-in account's finished items go; other accounts' stay. */
  clearFinished(): QueueRecord[] {
    return this.remove((r) => r.account === this.active && this.active !== null && isFinished(r.state));
  }

  /** Drops these finished items (a sync folder's old uploads, so its history stays bounded). */
  dropFinished(ids: ReadonlySet<string>): QueueRecord[] {
    return this.remove((r) => ids.has(r.id) && isFinished(r.state));
  }

  /** A record by id, whoever's it is (main's own callers only: the page goes through `mine`). */
  get(id: string): Readonly<QueueRecord> | undefined {
    return this.byId.get(id);
  }

  /** Drops every other account's items (the person chose to rather than let them wait). */
  dropWaiting(): QueueRecord[] {
    return this.remove((r) => this.active === null || r.account !== this.active);
  }

  /** Stop starting uploads and put running ones back in the queue (Ouro refused the key). */
  pause(): void {
    if (this.active === null || this.pausedFor === this.active) return;
    this.pausedFor = this.active;
    this.requeueRunning();
    this.changes.header();
    this.emit(true);
  }

  setConcurrency(n: number): void {
    this.concurrency = Math.max(1, Math.floor(n));
    this.changes.header();
    this.pump();
    this.emit(true);
  }

  all(): readonly QueueRecord[] {
    return this.records;
  }

  /** The signed-in account's items, in order. */
  visible(): QueueRecord[] {
    return this.active === null ? [] : this.records.filter((r) => r.account === this.active);
  }

  snapshot(): UploadsSnapshot {
    return {
      seq: this.changes.lastSeq,
      items: this.visible().map((r) => itemView(r, this.live.get(r.id))),
      ...this.header(),
    };
  }

  /** What changed since the last call, or null when nothing did. */
  takeDelta(): UploadsDelta | null {
    return this.changes.take((id) => {
      const record = this.byId.get(id);
      return record && record.account === this.active && this.active !== null ? itemView(record, this.live.get(id)) : null;
    }, this.header());
  }

  /**
   * Quit: running uploads are aborted but stay queued on disk, to resume on the next start. The
   * save waits for them to stop, so it records where each one really ended.
   */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.requeueRunning();
    await Promise.all([...this.tasks]);
    await this.deps.persist(this.takeUnsaved());
  }

  /** Cancels everything and forgets it, every account's (explicit sign-out: forget everything). */
  forgetAll(): QueueRecord[] {
    for (const live of this.live.values()) this.stopLive(live, 'cancel');
    const all = this.records;
    this.records = [];
    this.byId.clear();
    this.unsaved.clear();
    for (const record of all) this.unsavedRemoved.add(record.id);
    this.scanFrom = 0;
    this.waiting = null;
    this.pausedFor = null;
    this.changes.all();
    this.save();
    this.emit(true);
    return all;
  }

  private header(): Pick<UploadsSnapshot, 'paused' | 'concurrency' | 'waiting'> {
    return {
      paused: this.active !== null && this.pausedFor === this.active ? 'sign-in' : null,
      concurrency: this.concurrency,
      waiting: (this.waiting ??= waitingOf(this.records, this.active, (r) => isFinished(r.state))),
    };
  }

  /** A record of the signed-in account: ids from the page never reach another account's items. */
  private mine(id: string): QueueRecord | undefined {
    const record = this.byId.get(id);
    return record && this.active !== null && record.account === this.active ? record : undefined;
  }

  private remove(which: (record: QueueRecord) => boolean): QueueRecord[] {
    const gone = this.records.filter(which);
    if (gone.length === 0) return gone;
    const ids = new Set(gone.map((r) => r.id));
    this.records = this.records.filter((r) => !ids.has(r.id));
    this.scanFrom = 0;
    this.waiting = null;
    for (const record of gone) {
      this.byId.delete(record.id);
      this.unsaved.delete(record.id);
      this.unsavedRemoved.add(record.id);
      const live = this.live.get(record.id);
      if (live) this.stopLive(live, 'cancel');
      this.changes.gone(record.id);
    }
    this.changes.header();
    this.save();
    this.emit(true);
    return gone;
  }

  private stopLive(live: Live, why: 'cancel' | 'requeue'): void {
    live.stop ??= why;
    live.controller.abort(new AppError({ kind: 'cancelled', message: why === 'cancel' ? 'The upload was cancelled' : 'Paused' }));
  }

  private requeueRunning(): void {
    for (const live of this.live.values()) this.stopLive(live, 'requeue');
    this.scanFrom = 0;
  }

  private touch(record: QueueRecord): void {
    if (record.account !== this.active) {
      this.waiting = null;
      this.changes.header();
    } else this.changes.item(record.id);
  }

  private takeUnsaved(): QueueChanges {
    const put: QueueRecord[] = [];
    for (const id of this.unsaved) {
      const record = this.byId.get(id);
      if (record) put.push({ ...record });
    }
    const remove = [...this.unsavedRemoved];
    this.unsaved.clear();
    this.unsavedRemoved.clear();
    return { put, remove };
  }

  private save(): Promise<void> {
    return this.deps.persist(this.takeUnsaved()).catch(() => {});
  }

  private emit(urgent: boolean): void {
    if (this.disposed) return;
    this.deps.changed(urgent);
  }

  private finish(record: QueueRecord, state: 'done' | 'failed' | 'cancelled', error?: AppErrorData): void {
    record.state = state;
    record.error = error;
    this.touch(record);
    this.unsaved.add(record.id);
    this.save();
    this.deps.finished?.(record);
  }

  private pump(): void {
    if (this.disposed || this.active === null || this.pausedFor === this.active) return;
    // From the first record that might be startable, so starting the next of 10,000 does not
    // walk past every finished one each time.
    let prefix = true;
    for (let i = this.scanFrom; i < this.records.length; i++) {
      if (this.live.size >= this.concurrency) break;
      const record = this.records[i] as QueueRecord;
      const startable = record.state === 'queued' && record.account === this.active;
      if (startable && !this.live.has(record.id)) {
        const task = this.start(record).catch(() => {});
        this.tasks.add(task);
        void task.then(() => this.tasks.delete(task));
      }
      if (prefix && !startable) this.scanFrom = i + 1;
      else prefix = false;
    }
  }

  private async start(record: QueueRecord): Promise<void> {
    const live: Live = { controller: new AbortController(), bytesSent: 0, samples: [], attempt: 1 };
    this.live.set(record.id, live);
    record.state = 'uploading';
    record.error = undefined;
    this.touch(record);
    // Not saved: a restart treats 'uploading' like 'queued' anyway, and every write costs an fsync.
    this.emit(true);
    const context: RunContext = {
      signal: live.controller.signal,
      progress: (sent) => {
        const t = this.now();
        if (sent < live.bytesSent) live.samples = [];
        // Bytes flowing again: the announced retry has started, and its wait is over.
        live.note = undefined;
        live.bytesSent = sent;
        live.samples.push([t, sent]);
        while (live.samples.length > 2 && (live.samples[0]?.[0] ?? t) < t - SPEED_WINDOW_MS) live.samples.shift();
        this.touch(record);
        this.emit(false);
      },
      rows: (sent, total) => {
        record.rowsSent = sent;
        if (total !== undefined) record.rowsTotal = total;
        this.touch(record);
        this.emit(false);
      },
      checkpoint: async (patch) => {
        Object.assign(record, patch);
        // Row tallies in a checkpoint are shown too (rows added, skipped, ignored columns).
        this.touch(record);
        this.emit(false);
        this.unsaved.add(record.id);
        await this.save();
      },
      processing: () => {
        if (live.controller.signal.aborted) return;
        record.state = 'processing';
        live.note = undefined;
        this.touch(record);
        this.emit(true);
      },
      note: (text) => {
        if (text) live.attempt++;
        live.note = text;
        this.touch(record);
        this.emit(true);
      },
      resized: (size) => {
        if (size === record.size) return;
        record.size = size;
        this.touch(record);
        this.emit(true);
      },
    };
    try {
      const result = await this.deps.run(record, context);
      if (live.stop === 'requeue') {
        record.state = 'queued';
      } else {
        record.assetId = result.assetId;
        record.assetUrl = result.assetUrl;
        if (result.contentHash) record.contentHash = result.contentHash;
        this.finish(record, 'done');
      }
    } catch (error) {
      const failure = isAppError(error) ? error : new AppError({ kind: 'internal', message: 'The upload failed unexpectedly' });
      if (live.stop === 'cancel') this.finish(record, 'cancelled');
      else if (live.stop === 'requeue') record.state = 'queued';
      else if (failure.kind === 'unauthorized' || failure.kind === 'not-signed-in') {
        // Nothing was created by a refused request: it goes back in line for after the sign-in.
        // (If another account has meanwhile signed in, it simply waits for its own account.)
        record.state = 'queued';
        this.live.delete(record.id);
        if (record.account === this.active) this.pause();
      } else if (failure.kind === 'cancelled') this.finish(record, 'cancelled');
      else this.finish(record, 'failed', failure.toData());
    } finally {
      this.live.delete(record.id);
    }
    if (record.state === 'queued') {
      this.touch(record);
      this.unsaved.add(record.id);
      this.scanFrom = 0;
      this.save();
    }
    this.pump();
    this.emit(true);
  }
}
