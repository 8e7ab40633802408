// The upload queue's state machine: queued → uploading → processing → done, or failed /
// cancelled; N at a time; cancel one or all (AbortController per item); retry; clear finished;
// pause when Ouro wants a new sign-in and resume after it. What one item's work is, and where the
// queue is saved, are injected, so this runs with fakes in unit tests.
import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../shared/app-error';
import type { AppErrorData } from '../../shared/error-kinds';
import type { UploadDestination, UploadItem, UploadState, UploadsSnapshot } from '../../shared/uploads';

export interface StoredObjectRef {
  id: string;
  bucket: string;
  path: string;
}

/** Fields a running upload saves as it goes (its resume point). */
export type CheckpointPatch = Partial<
  Pick<QueueRecord, 'stored' | 'datasetId' | 'createdDatasetId' | 'rowsSent' | 'rowsTotal' | 'rowsInserted' | 'rowsSkipped' | 'ignoredColumns' | 'ingestNotes'>
>;

/** One queued upload as saved to disk: the item plus what resuming it needs. */
export interface QueueRecord {
  id: string;
  name: string;
  kind: 'file' | 'dataset' | 'replace';
  /** Replace: the file asset that gets these bytes (it keeps its id), and its name on Ouro. */
  targetId?: string | undefined;
  targetName?: string | undefined;
  path: string;
  /** The bytes are a copy in the staging folder (web host): delete it once finished. */
  staged: boolean;
  size: number;
  destination: UploadDestination;
  state: UploadState;
  createdAt: number;
  /**
   * Step 1 done: where `/files/upload` stored the bytes. The id is also the asset id; bucket and
   * path go into the record's metadata. Saved so a resume never re-uploads or loses them.
   */
  stored?: StoredObjectRef | undefined;
  /** Datasets: the client-chosen dataset id, so a resumed create can only hit 409. */
  datasetId?: string | undefined;
  /** Datasets: the id the create answered with, used for every later call. */
  createdDatasetId?: string | undefined;
  /** Rows Ouro acknowledged (added or skipped). */
  rowsSent?: number | undefined;
  rowsTotal?: number | undefined;
  /** What Ouro's answers said about the rows acknowledged so far. */
  rowsInserted?: number | undefined;
  rowsSkipped?: number | undefined;
  ignoredColumns?: string[] | undefined;
  ingestNotes?: string[] | undefined;
  assetId?: string | undefined;
  assetUrl?: string | undefined;
  error?: AppErrorData | undefined;
}

export interface RunContext {
  signal: AbortSignal;
  progress(bytesSent: number): void;
  rows(sent: number, total: number | undefined): void;
  /** Records a resume point (stored object, dataset ids, rows acknowledged) and waits until it is saved. */
  checkpoint(patch: CheckpointPatch): Promise<void>;
  processing(): void;
  note(text: string | undefined): void;
}

export interface RunResult {
  assetId: string;
  assetUrl?: string | undefined;
}

export interface QueueDeps {
  run(record: Readonly<QueueRecord>, context: RunContext): Promise<RunResult>;
  /** Saves the whole queue (the store coalesces and writes atomically). */
  persist(records: readonly QueueRecord[]): Promise<void>;
  /** The snapshot changed; `urgent` for state changes, not for progress ticks. */
  changed(snapshot: UploadsSnapshot, urgent: boolean): void;
  /** An item reached done, failed or cancelled. */
  finished?(record: Readonly<QueueRecord>): void;
  concurrency: number;
  now?: () => number;
}

const FINISHED: ReadonlySet<UploadState> = new Set(['done', 'failed', 'cancelled']);
const SPEED_WINDOW_MS = 3_000;

interface Live {
  controller: AbortController;
  /** Why it was aborted: the person cancelled, or the queue is pausing/shutting down (requeue). */
  stop?: 'cancel' | 'requeue';
  bytesSent: number;
  samples: Array<[number, number]>;
  note?: string | undefined;
  /** 1, then one more for each retry announced through note(). */
  attempt: number;
}

export function isFinished(state: UploadState): boolean {
  return FINISHED.has(state);
}

export class UploadQueue {
  private records: QueueRecord[] = [];
  private readonly live = new Map<string, Live>();
  /** Every running item's task, so dispose() can wait for them to stop. */
  private readonly tasks = new Set<Promise<void>>();
  private paused: 'sign-in' | null = null;
  private disposed = false;
  private concurrency: number;
  private readonly now: () => number;

  constructor(private readonly deps: QueueDeps) {
    this.concurrency = Math.max(1, Math.floor(deps.concurrency));
    this.now = deps.now ?? Date.now;
  }

  /** Loads saved records: anything that was mid-flight when the app stopped starts over as queued. */
  restore(records: readonly QueueRecord[]): void {
    this.records = records.map((r) => (r.state === 'uploading' || r.state === 'processing' ? { ...r, state: 'queued' } : { ...r }));
    this.pump();
    this.emit(true);
  }

  add(items: ReadonlyArray<Omit<QueueRecord, 'id' | 'state' | 'createdAt'>>): QueueRecord[] {
    const added = items.map((item) => ({ ...item, id: randomUUID(), state: 'queued' as const, createdAt: this.now() }));
    this.records.push(...added);
    this.save();
    this.pump();
    this.emit(true);
    return added;
  }

  cancel(id: string): void {
    const record = this.find(id);
    if (!record || isFinished(record.state)) return;
    const live = this.live.get(id);
    if (live) {
      live.stop = 'cancel';
      live.controller.abort(new AppError({ kind: 'cancelled', message: 'The upload was cancelled' }));
      return; // the running task finishes the transition
    }
    this.finish(record, 'cancelled');
  }

  cancelAll(): void {
    for (const record of [...this.records]) if (!isFinished(record.state)) this.cancel(record.id);
  }

  retry(id: string): void {
    const record = this.find(id);
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
    this.save();
    this.pump();
    this.emit(true);
  }

  clearFinished(): QueueRecord[] {
    const cleared = this.records.filter((r) => isFinished(r.state));
    this.records = this.records.filter((r) => !isFinished(r.state));
    this.save();
    this.emit(true);
    return cleared;
  }

  /** Stop starting uploads and put running ones back in the queue (Ouro refused the key). */
  pause(reason: 'sign-in'): void {
    if (this.paused === reason) return;
    this.paused = reason;
    this.requeueRunning();
    this.emit(true);
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = null;
    this.pump();
    this.emit(true);
  }

  setConcurrency(n: number): void {
    this.concurrency = Math.max(1, Math.floor(n));
    this.pump();
    this.emit(true);
  }

  all(): readonly QueueRecord[] {
    return this.records;
  }

  snapshot(): UploadsSnapshot {
    return { items: this.records.map((r) => this.view(r)), paused: this.paused, concurrency: this.concurrency };
  }

  /**
   * Quit: running uploads are aborted but stay queued on disk, to resume on the next start. The
   * save waits for them to stop, so it records where each one really ended.
   */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.requeueRunning();
    await Promise.all([...this.tasks]);
    await this.deps.persist(this.records.map((r) => ({ ...r })));
  }

  /** Cancels everything and forgets it (explicit sign-out: nothing may go to the next account). */
  forgetAll(): QueueRecord[] {
    this.cancelAll();
    const all = this.records;
    this.records = [];
    this.save();
    this.emit(true);
    return all;
  }

  private find(id: string): QueueRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  private requeueRunning(): void {
    for (const live of this.live.values()) {
      live.stop ??= 'requeue';
      live.controller.abort(new AppError({ kind: 'cancelled', message: 'Paused' }));
    }
  }

  private view(record: QueueRecord): UploadItem {
    const live = this.live.get(record.id);
    const item: UploadItem = {
      id: record.id,
      name: record.name,
      kind: record.kind,
      size: record.size,
      state: record.state,
      bytesSent: record.state === 'done' ? record.size : (live?.bytesSent ?? 0),
      bytesPerSecond: null,
      secondsLeft: null,
      createdAt: record.createdAt,
    };
    // While waiting to retry there is no speed or time left to speak of: the note says it all.
    if (live && record.state === 'uploading' && !live.note) {
      const speed = this.speed(live);
      if (speed !== null) {
        item.bytesPerSecond = Math.round(speed);
        item.secondsLeft = speed > 0 ? Math.ceil((record.size - live.bytesSent) / speed) : null;
      }
    }
    if (record.targetId) item.targetId = record.targetId;
    if (record.targetName) item.targetName = record.targetName;
    if (record.rowsSent !== undefined) item.rowsSent = record.rowsSent;
    if (record.rowsTotal !== undefined) item.rowsTotal = record.rowsTotal;
    if (record.rowsInserted !== undefined) item.rowsInserted = record.rowsInserted;
    if (record.rowsSkipped) item.rowsSkipped = record.rowsSkipped;
    if (record.ignoredColumns?.length) item.ignoredColumns = [...record.ignoredColumns];
    if (record.ingestNotes?.length) item.ingestNotes = [...record.ingestNotes];
    if (record.error) item.error = record.error;
    if (live?.note) item.note = live.note;
    if (live && live.attempt > 1) item.attempt = live.attempt;
    if (record.assetUrl) item.assetUrl = record.assetUrl;
    if (record.assetId) item.assetId = record.assetId;
    return item;
  }

  private speed(live: Live): number | null {
    const first = live.samples[0];
    const last = live.samples[live.samples.length - 1];
    if (!first || !last || last[0] - first[0] < 200) return null;
    return ((last[1] - first[1]) * 1000) / (last[0] - first[0]);
  }

  private save(): void {
    void this.deps.persist(this.records.map((r) => ({ ...r }))).catch(() => {});
  }

  private emit(urgent: boolean): void {
    if (this.disposed) return;
    this.deps.changed(this.snapshot(), urgent);
  }

  private finish(record: QueueRecord, state: 'done' | 'failed' | 'cancelled', error?: AppErrorData): void {
    record.state = state;
    record.error = error;
    this.save();
    this.deps.finished?.(record);
  }

  private pump(): void {
    if (this.paused || this.disposed) return;
    for (const record of this.records) {
      if (this.live.size >= this.concurrency) break;
      if (record.state === 'queued' && !this.live.has(record.id)) {
        const task = this.start(record).catch(() => {});
        this.tasks.add(task);
        void task.then(() => this.tasks.delete(task));
      }
    }
  }

  private async start(record: QueueRecord): Promise<void> {
    const live: Live = { controller: new AbortController(), bytesSent: 0, samples: [], attempt: 1 };
    this.live.set(record.id, live);
    record.state = 'uploading';
    record.error = undefined;
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
        this.emit(false);
      },
      rows: (sent, total) => {
        record.rowsSent = sent;
        if (total !== undefined) record.rowsTotal = total;
        this.emit(false);
      },
      checkpoint: async (patch) => {
        Object.assign(record, patch);
        await this.deps.persist(this.records.map((r) => ({ ...r })));
      },
      processing: () => {
        if (live.controller.signal.aborted) return;
        record.state = 'processing';
        live.note = undefined;
        this.emit(true);
      },
      note: (text) => {
        if (text) live.attempt++;
        live.note = text;
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
        this.finish(record, 'done');
      }
    } catch (error) {
      const failure = isAppError(error) ? error : new AppError({ kind: 'internal', message: 'The upload failed unexpectedly' });
      if (live.stop === 'cancel') this.finish(record, 'cancelled');
      else if (live.stop === 'requeue') record.state = 'queued';
      else if (failure.kind === 'unauthorized' || failure.kind === 'not-signed-in') {
        // Nothing was created by a refused request: it goes back in line for after the sign-in.
        record.state = 'queued';
        this.live.delete(record.id);
        this.pause('sign-in');
      } else if (failure.kind === 'cancelled') this.finish(record, 'cancelled');
      else this.finish(record, 'failed', failure.toData());
    } finally {
      this.live.delete(record.id);
    }
    if (record.state === 'queued') this.save();
    this.pump();
    this.emit(true);
  }
}
