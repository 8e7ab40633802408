// The queue's runner: which queued items start (N at a time, the signed-in account's, in order),
// each running item's live figures and abort, and how a run's end becomes the item's next state.
// The queue (queue.ts) owns the records, whose they are, and saving them; this owns running them.
import { AppError, isAppError } from '../../shared/app-error';
import type { AppErrorData } from '../../shared/error-kinds';
import type { CheckpointPatch, QueueRecord } from './queue-record';
import type { LiveProgress } from './queue-view';

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

/** What the runner needs from the queue that owns the records. */
export interface RunnerHost {
  run(record: Readonly<QueueRecord>, context: RunContext): Promise<RunResult>;
  now(): number;
  records(): readonly QueueRecord[];
  /** Whose items may start now: the signed-in account unless it is paused (null: nobody's). */
  runnable(): string | null;
  /** The record changed (shown in the next delta). */
  touch(record: QueueRecord): void;
  emit(urgent: boolean): void;
  /** Marks the record to be written and saves; resolves once it is on disk. */
  save(record: QueueRecord): Promise<void>;
  finish(record: QueueRecord, state: 'done' | 'failed' | 'cancelled', error?: AppErrorData): void;
  /** Ouro refused the account's key while this item ran (it is already back in line). */
  refused(record: QueueRecord): void;
}

export interface Live extends LiveProgress {
  controller: AbortController;
  /** Why it was aborted: the person cancelled, or the queue is pausing/shutting down (requeue). */
  stop?: 'cancel' | 'requeue';
}

const SPEED_WINDOW_MS = 3_000;

/**
 * What a finished run means for its item. 'refused': Ouro refused the key, so nothing was
 * created and the item waits for the sign-in, like 'queued'.
 */
export type RunEnd = { state: 'queued' | 'refused' | 'cancelled' } | { state: 'done'; result: RunResult } | { state: 'failed'; error: AppErrorData };

export function runEnd(stop: Live['stop'], outcome: { result: RunResult } | { error: unknown }): RunEnd {
  if (stop === 'requeue') return { state: 'queued' };
  if ('result' in outcome) return { state: 'done', result: outcome.result };
  if (stop === 'cancel') return { state: 'cancelled' };
  const failure = isAppError(outcome.error) ? outcome.error : new AppError({ kind: 'internal', message: 'The upload failed unexpectedly' });
  if (failure.kind === 'unauthorized' || failure.kind === 'not-signed-in') return { state: 'refused' };
  if (failure.kind === 'cancelled') return { state: 'cancelled' };
  return { state: 'failed', error: failure.toData() };
}

export class QueueRunner {
  readonly live = new Map<string, Live>();
  /** Every running item's task, so the queue's dispose() can wait for them to stop. */
  private readonly tasks = new Set<Promise<void>>();
  /** Records before this index cannot be started (finished, running or someone else's). */
  private scanFrom = 0;
  private stopped = false;

  constructor(
    private readonly host: RunnerHost,
    public concurrency: number,
  ) {}

  /** The records changed in a way that may make an earlier one startable again. */
  rescan(): void {
    this.scanFrom = 0;
  }

  stop(id: string, why: 'cancel' | 'requeue'): void {
    const live = this.live.get(id);
    if (!live) return;
    live.stop ??= why;
    live.controller.abort(new AppError({ kind: 'cancelled', message: why === 'cancel' ? 'The upload was cancelled' : 'Paused' }));
  }

  /** Every running item goes back in line (pausing, another account, quitting). */
  requeueAll(): void {
    for (const id of this.live.keys()) this.stop(id, 'requeue');
    this.scanFrom = 0;
  }

  /** Quit: nothing more starts; resolves once every running item has stopped. */
  async drain(): Promise<void> {
    this.stopped = true;
    this.requeueAll();
    await Promise.all([...this.tasks]);
  }

  pump(): void {
    const account = this.host.runnable();
    if (this.stopped || account === null) return;
    // From the first record that might be startable, so starting the next of 10,000 does not
    // walk past every finished one each time.
    const records = this.host.records();
    let prefix = true;
    for (let i = this.scanFrom; i < records.length; i++) {
      if (this.live.size >= this.concurrency) break;
      const record = records[i] as QueueRecord;
      const startable = record.state === 'queued' && record.account === account;
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
    const { host } = this;
    const live: Live = { controller: new AbortController(), bytesSent: 0, samples: [], attempt: 1 };
    this.live.set(record.id, live);
    record.state = 'uploading';
    record.error = undefined;
    host.touch(record);
    // Not saved: a restart treats 'uploading' like 'queued' anyway, and every write costs an fsync.
    host.emit(true);
    let end: RunEnd;
    try {
      end = runEnd(live.stop, { result: await host.run(record, this.contextFor(record, live)) });
    } catch (error) {
      end = runEnd(live.stop, { error });
    }
    if (end.state === 'queued' || end.state === 'refused') {
      record.state = 'queued';
      this.live.delete(record.id);
      // (If another account has meanwhile signed in, a refused item simply waits for its own.)
      if (end.state === 'refused') host.refused(record);
      host.touch(record);
      this.scanFrom = 0;
      void host.save(record).catch(() => {});
    } else {
      if (end.state === 'done') {
        record.assetId = end.result.assetId;
        record.assetUrl = end.result.assetUrl;
        if (end.result.contentHash) record.contentHash = end.result.contentHash;
      }
      host.finish(record, end.state, end.state === 'failed' ? end.error : undefined);
      this.live.delete(record.id);
    }
    this.pump();
    host.emit(true);
  }

  private contextFor(record: QueueRecord, live: Live): RunContext {
    const { host } = this;
    return {
      signal: live.controller.signal,
      progress: (sent) => {
        const t = host.now();
        if (sent < live.bytesSent) live.samples = [];
        // Bytes flowing again: the announced retry has started, and its wait is over.
        live.note = undefined;
        live.bytesSent = sent;
        live.samples.push([t, sent]);
        while (live.samples.length > 2 && (live.samples[0]?.[0] ?? t) < t - SPEED_WINDOW_MS) live.samples.shift();
        host.touch(record);
        host.emit(false);
      },
      rows: (sent, total) => {
        record.rowsSent = sent;
        if (total !== undefined) record.rowsTotal = total;
        host.touch(record);
        host.emit(false);
      },
      checkpoint: async (patch) => {
        Object.assign(record, patch);
        // Row tallies in a checkpoint are shown too (rows added, skipped, ignored columns).
        host.touch(record);
        host.emit(false);
        await host.save(record);
      },
      processing: () => {
        if (live.controller.signal.aborted) return;
        record.state = 'processing';
        live.note = undefined;
        host.touch(record);
        host.emit(true);
      },
      note: (text) => {
        if (text) live.attempt++;
        live.note = text;
        host.touch(record);
        host.emit(true);
      },
      resized: (size) => {
        if (size === record.size) return;
        record.size = size;
        host.touch(record);
        host.emit(true);
      },
    };
  }
}
