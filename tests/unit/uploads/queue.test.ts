// The queue's state machine with a fake runner: concurrency, states, cancel (queued and
// running), retry, failures with their kind, pause on a refused key and resume, restore after a
// restart, and what gets persisted.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import { UploadQueue, type QueueRecord, type RunContext, type RunResult } from '../../../electron/uploads/queue';
import type { UploadsSnapshot } from '../../../shared/uploads';

interface Job {
  record: Readonly<QueueRecord>;
  context: RunContext;
  resolve(result: RunResult): void;
  reject(error: unknown): void;
}

function harness(concurrency = 2) {
  const jobs: Job[] = [];
  const saved: QueueRecord[][] = [];
  const snapshots: UploadsSnapshot[] = [];
  const finished: string[] = [];
  const queue = new UploadQueue({
    concurrency,
    run: (record, context) =>
      new Promise<RunResult>((resolve, reject) => {
        const job: Job = { record, context, resolve, reject };
        jobs.push(job);
        // Like a real upload, an abort rejects the run.
        context.signal.addEventListener('abort', () => reject(context.signal.reason));
      }),
    persist: async (records) => {
      saved.push(records.map((r) => ({ ...r })));
    },
    changed: (snapshot) => snapshots.push(snapshot),
    finished: (record) => finished.push(`${record.name}:${record.state}`),
  });
  const add = (...names: string[]) =>
    queue.add(names.map((name) => ({ name, kind: 'file' as const, path: `/tmp/${name}`, staged: false, size: 100, destination: { visibility: 'private' as const } })));
  const states = () => Object.fromEntries(queue.snapshot().items.map((i) => [i.name, i.state]));
  const job = (name: string) => jobs.filter((j) => j.record.name === name).at(-1);
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { queue, jobs, saved, snapshots, finished, add, states, job, tick };
}

describe('UploadQueue', () => {
  it('runs N at a time and moves through uploading → processing → done', async () => {
    const h = harness(2);
    h.add('a', 'b', 'c');
    expect(h.states()).toEqual({ a: 'uploading', b: 'uploading', c: 'queued' });
    h.job('a')?.context.progress(50);
    expect(h.queue.snapshot().items[0]?.bytesSent).toBe(50);
    h.job('a')?.context.processing();
    expect(h.states().a).toBe('processing');
    h.job('a')?.resolve({ assetId: 'asset-a', assetUrl: 'https://ouro.foundation/files/a' });
    await h.tick();
    expect(h.states()).toEqual({ a: 'done', b: 'uploading', c: 'uploading' });
    expect(h.queue.snapshot().items[0]).toMatchObject({ assetId: 'asset-a', bytesSent: 100 });
    expect(h.finished).toEqual(['a:done']);
  });

  it('a retry shows one status: the note replaces speed and time left, counts the attempt, and clears when bytes flow again', () => {
    const h = harness(1);
    h.add('a');
    const job = h.job('a');
    if (!job) throw new Error('no job');
    job.context.progress(20);
    job.context.note('Retrying in 8 s (Ouro error 500)');
    const waiting = h.queue.snapshot().items[0];
    expect(waiting).toMatchObject({ note: 'Retrying in 8 s (Ouro error 500)', attempt: 2, bytesPerSecond: null, secondsLeft: null });
    job.context.progress(5);
    const resumed = h.queue.snapshot().items[0];
    expect(resumed?.note).toBeUndefined();
    expect(resumed?.attempt).toBe(2);
  });

  it('a failure keeps its kind and message; retry queues it again', async () => {
    const h = harness(1);
    const [a] = h.add('a');
    h.job('a')?.reject(new AppError({ kind: 'too-large', message: 'Request body too large', status: 413 }));
    await h.tick();
    expect(h.queue.snapshot().items[0]).toMatchObject({ state: 'failed', error: { kind: 'too-large', status: 413 } });
    h.queue.retry(a?.id ?? '');
    expect(h.states().a).toBe('uploading');
    expect(h.queue.snapshot().items[0]?.error).toBeUndefined();
  });

  it('cancels a queued item at once and a running one through its signal; cancel-all takes the rest', async () => {
    const h = harness(1);
    const [a, b] = h.add('a', 'b', 'c');
    h.queue.cancel(b?.id ?? '');
    expect(h.states().b).toBe('cancelled');
    h.queue.cancel(a?.id ?? '');
    expect(h.job('a')?.context.signal.aborted).toBe(true);
    await h.tick();
    expect(h.states()).toEqual({ a: 'cancelled', b: 'cancelled', c: 'uploading' });
    h.queue.cancelAll();
    await h.tick();
    expect(h.states().c).toBe('cancelled');
    expect(h.queue.clearFinished()).toHaveLength(3);
    expect(h.queue.snapshot().items).toEqual([]);
  });

  it('a refused key pauses the queue, puts the item back in line, and resume starts it again', async () => {
    const h = harness(2);
    h.add('a', 'b');
    h.job('a')?.reject(new AppError({ kind: 'unauthorized', message: 'no' }));
    await h.tick();
    expect(h.queue.snapshot().paused).toBe('sign-in');
    // Pausing also stops the other running upload, without marking it cancelled.
    expect(h.job('b')?.context.signal.aborted).toBe(true);
    await h.tick();
    expect(h.states()).toEqual({ a: 'queued', b: 'queued' });
    const before = h.jobs.length;
    h.queue.resume();
    expect(h.jobs.length).toBe(before + 2);
    expect(h.states()).toEqual({ a: 'uploading', b: 'uploading' });
  });

  it('persists on every state change and restores mid-flight items as queued, keeping resume points', async () => {
    const h = harness(1);
    h.add('a');
    const stored = { id: 'storage-1', bucket: 'files', path: 'user-1/0b1c.bin' };
    await h.job('a')?.context.checkpoint({ stored });
    h.job('a')?.context.processing();
    const last = h.saved.at(-1) ?? [];
    // The resume point is saved (and awaited) the moment it exists.
    expect(last[0]).toMatchObject({ stored });

    const next = harness(1);
    next.queue.restore(last);
    expect(next.job('a')?.record).toMatchObject({ state: 'uploading', stored });
  });

  it('retrying a cancelled dataset starts clean: no dataset ids, rows or tally carried over', async () => {
    const h = harness(1);
    h.queue.add([{ name: 'd.csv', kind: 'dataset', path: '/tmp/d.csv', staged: false, size: 100, destination: { visibility: 'private' } }]);
    await h.job('d.csv')?.context.checkpoint({ datasetId: 'mine', createdDatasetId: 'ouro', rowsSent: 10, rowsInserted: 7, rowsSkipped: 3, ignoredColumns: ['x'], ingestNotes: ['n'] });
    h.queue.cancel(h.queue.snapshot().items[0]?.id ?? '');
    await h.tick();
    expect(h.queue.snapshot().items[0]).toMatchObject({ state: 'cancelled', rowsSkipped: 3, ignoredColumns: ['x'] });
    h.queue.retry(h.queue.snapshot().items[0]?.id ?? '');
    const record = h.job('d.csv')?.record;
    expect([record?.datasetId, record?.createdDatasetId, record?.rowsSent, record?.rowsInserted, record?.rowsSkipped, record?.ignoredColumns, record?.ingestNotes]).toEqual(Array(7).fill(undefined));
  });

  it('dispose aborts running uploads but saves them as resumable, not cancelled', async () => {
    const h = harness(1);
    h.add('a', 'b');
    await h.queue.dispose();
    await h.tick();
    const saved = h.saved.at(-1) ?? [];
    // The aborted run lands back in line; nothing is marked cancelled or failed.
    expect(saved.map((r) => r.state)).toEqual(['queued', 'queued']);
    expect(h.finished).toEqual([]);
  });

  it('speed and time left come from recent progress', () => {
    let now = 0;
    const jobs: Array<{ context: RunContext }> = [];
    const queue = new UploadQueue({
      concurrency: 1,
      now: () => now,
      run: (_record, context) => {
        jobs.push({ context });
        return new Promise(() => {});
      },
      persist: async () => {},
      changed: () => {},
    });
    queue.add([{ name: 'a', kind: 'file', path: '/a', staged: false, size: 10_000, destination: { visibility: 'private' } }]);
    jobs[0]?.context.progress(0);
    now = 1000;
    jobs[0]?.context.progress(2000);
    expect(queue.snapshot().items[0]).toMatchObject({ bytesPerSecond: 2000, secondsLeft: 4 });
  });
});
