// The upload queue's state machine: queued → uploading → processing → done, or failed /
// cancelled; cancel one or all; retry; clear finished; pause when Ouro wants a new sign-in and
// resume after it. Every item belongs to the account that queued it, and only the signed-in
// account's items are shown (queue-page.ts) or run (queue-runner.ts, N at a time). What one item's
// work is, and where the queue is saved, are injected, so this runs with fakes in unit tests.
import { randomUUID } from 'node:crypto';
import type { AppErrorData } from '../../shared/error-kinds';
import type { UploadsDelta, UploadsSnapshot } from '../../shared/uploads';
import { QueuePage } from './queue-page';
import { forgetDatasetProgress, isFinished, type QueueRecord } from './queue-record';
import { QueueRunner, type RunContext, type RunResult } from './queue-runner';
import type { QueueChanges } from './queue-store';
import { UnsavedChanges } from './queue-unsaved';

export type { CheckpointPatch, QueueRecord, StoredObjectRef } from './queue-record';
export type { RunContext, RunResult } from './queue-runner';

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

export class UploadQueue {
  private records: QueueRecord[] = [];
  private byId = new Map<string, QueueRecord>();
  /** The signed-in account: only its items are shown and run. Null: nobody's. */
  private active: string | null = null;
  /** The account whose key Ouro refused: its items wait until it signs in again. */
  private pausedFor: string | null = null;
  private disposed = false;
  private readonly now: () => number;
  private readonly page: QueuePage;
  private readonly runner: QueueRunner;
  private readonly unsaved: UnsavedChanges;

  constructor(private readonly deps: QueueDeps) {
    this.now = deps.now ?? Date.now;
    this.unsaved = new UnsavedChanges((changes) => deps.persist(changes), (id) => this.byId.get(id));
    this.runner = new QueueRunner(
      {
        run: (record, context) => deps.run(record, context),
        now: this.now,
        records: () => this.records,
        runnable: () => (this.disposed || this.active === null || this.pausedFor === this.active ? null : this.active),
        touch: (record) => this.page.touch(record),
        emit: (urgent) => this.emit(urgent),
        save: (record) => this.unsaved.save(record.id),
        finish: (record, state, error) => this.finish(record, state, error),
        // Nothing was created by a refused request: the account waits, paused, for its sign-in.
        refused: (record) => record.account === this.active && this.pause(),
      },
      Math.max(1, Math.floor(deps.concurrency)),
    );
    this.page = new QueuePage({
      records: () => this.records,
      get: (id) => this.byId.get(id),
      active: () => this.active,
      paused: () => this.active !== null && this.pausedFor === this.active,
      concurrency: () => this.runner.concurrency,
      live: (id) => this.runner.live.get(id),
    });
  }

  /** Loads saved records: anything that was mid-flight when the app stopped starts over as queued. */
  restore(records: readonly QueueRecord[]): void {
    this.records = records.map((r) => (r.state === 'uploading' || r.state === 'processing' ? { ...r, state: 'queued' } : { ...r }));
    this.byId = new Map(this.records.map((record) => [record.id, record]));
    this.runner.rescan();
    this.page.all();
    this.advance();
  }

  /** Queues items for the signed-in account (the caller checked there is one). */
  add(items: ReadonlyArray<Omit<QueueRecord, 'id' | 'state' | 'createdAt'>>): QueueRecord[] {
    const added = items.map((item) => ({ ...item, id: randomUUID(), state: 'queued' as const, createdAt: this.now() }));
    this.records.push(...added);
    for (const record of added) {
      this.byId.set(record.id, record);
      this.page.touch(record);
      this.unsaved.changed(record.id);
    }
    void this.unsaved.save();
    this.advance();
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
      this.runner.rescan();
      for (const id of this.runner.live.keys()) if (this.byId.get(id)?.account !== account) this.runner.stop(id, 'requeue');
      this.page.all();
    }
    this.page.header();
    this.advance();
  }

  cancel(id: string): void {
    const record = this.mine(id);
    if (!record || isFinished(record.state)) return;
    // A running item: its task finishes the transition when the run stops.
    if (this.runner.live.has(id)) return this.runner.stop(id, 'cancel');
    this.finish(record, 'cancelled');
    this.emit(true);
  }

  cancelAll(): void {
    for (const record of this.visible()) if (!isFinished(record.state)) this.cancel(record.id);
  }

  retry(id: string): void {
    const record = this.mine(id);
    if (!record || (record.state !== 'failed' && record.state !== 'cancelled')) return;
    if (record.state === 'cancelled' && record.kind === 'dataset') forgetDatasetProgress(record);
    record.state = 'queued';
    record.error = undefined;
    this.page.touch(record);
    this.runner.rescan();
    void this.unsaved.save(record.id);
    this.advance();
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
    this.runner.requeueAll();
    this.page.header();
    this.emit(true);
  }

  setConcurrency(n: number): void {
    this.runner.concurrency = Math.max(1, Math.floor(n));
    this.page.header();
    this.advance();
  }

  all(): readonly QueueRecord[] {
    return this.records;
  }

  /** The signed-in account's items, in order. */
  visible = (): QueueRecord[] => this.page.visible();
  snapshot = (): UploadsSnapshot => this.page.snapshot();
  /** What changed since the last call, or null when nothing did. */
  takeDelta = (): UploadsDelta | null => this.page.takeDelta();

  /**
   * Quit: running uploads are aborted but stay queued on disk, to resume on the next start. The
   * save waits for them to stop, so it records where each one really ended.
   */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.runner.drain();
    await this.deps.persist(this.unsaved.take());
  }

  /** Cancels everything and forgets it, every account's (explicit sign-out: forget everything). */
  forgetAll(): QueueRecord[] {
    for (const id of this.runner.live.keys()) this.runner.stop(id, 'cancel');
    const all = this.records;
    this.records = [];
    this.byId.clear();
    for (const record of all) this.unsaved.gone(record.id);
    this.runner.rescan();
    this.pausedFor = null;
    this.page.all();
    void this.unsaved.save();
    this.emit(true);
    return all;
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
    this.runner.rescan();
    for (const record of gone) {
      this.byId.delete(record.id);
      this.unsaved.gone(record.id);
      this.runner.stop(record.id, 'cancel');
      this.page.gone(record.id);
    }
    this.page.recount();
    void this.unsaved.save();
    this.emit(true);
    return gone;
  }

  /** Starts what may start now and tells the page. */
  private advance(): void {
    this.runner.pump();
    this.emit(true);
  }

  private emit(urgent: boolean): void {
    if (this.disposed) return;
    this.deps.changed(urgent);
  }

  private finish(record: QueueRecord, state: 'done' | 'failed' | 'cancelled', error?: AppErrorData): void {
    record.state = state;
    record.error = error;
    this.page.touch(record);
    void this.unsaved.save(record.id);
    this.deps.finished?.(record);
  }
}
