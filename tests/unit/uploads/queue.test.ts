// The queue's state machine with a fake runner: concurrency, states, cancel (queued and
// running), retry, failures with their kind, pause on a refused key and resume only for the same
// account, each account's items kept to it, restore after a restart, what gets persisted, and the
// deltas the page is sent instead of the whole queue.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import { UploadQueue, type QueueRecord, type RunContext, type RunResult } from '../../../electron/uploads/queue';
import { MAX_DELTA_ITEMS } from '../../../electron/uploads/queue-view';

const ALICE = 'http://127.0.0.1:1#alice';
const BOB = 'http://127.0.0.1:1#bob';

interface Job {
  record: Readonly<QueueRecord>;
  context: RunContext;
  resolve(result: RunResult): void;
  reject(error: unknown): void;
}

function harness(concurrency = 2) {
  const jobs: Job[] = [];
  const saved: QueueRecord[][] = [];
  const disk = new Map<string, QueueRecord>();
  let changes = 0;
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
    // Emulates the store: applies each change set, and keeps what was on disk after each.
    persist: async (changes) => {
      for (const record of changes.put) disk.set(record.id, { ...record });
      for (const id of changes.remove) disk.delete(id);
      saved.push([...disk.values()]);
    },
    changed: () => changes++,
    finished: (record) => finished.push(`${record.name}:${record.state}`),
  });
  queue.setAccount(ALICE);
  const addAs = (account: string, ...names: string[]) =>
    queue.add(
      names.map((name) => ({
        name,
        kind: 'file' as const,
        path: `/tmp/${name}`,
        staged: false,
        size: 100,
        destination: { visibility: 'private' as const },
        account,
        accountLabel: account === ALICE ? 'alice at 127.0.0.1:1' : 'bob at 127.0.0.1:1',
      })),
    );
  const add = (...names: string[]) => addAs(ALICE, ...names);
  const states = () => Object.fromEntries(queue.snapshot().items.map((i) => [i.name, i.state]));
  const job = (name: string) => jobs.filter((j) => j.record.name === name).at(-1);
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { queue, jobs, saved, changes: () => changes, finished, add, addAs, states, job, tick };
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

  it('a refused key pauses the queue and puts the item back in line; only the same account resumes it', async () => {
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
    // Someone else signs in: alice's items are neither shown nor run; they wait, with a notice.
    h.queue.setAccount(BOB);
    expect(h.jobs.length).toBe(before);
    expect(h.queue.snapshot()).toMatchObject({ items: [], paused: null, waiting: [{ account: 'alice at 127.0.0.1:1', count: 2 }] });
    h.queue.setAccount(null);
    expect(h.jobs.length).toBe(before);
    // Alice again (a new key, the same account): her queue resumes.
    h.queue.setAccount(ALICE);
    expect(h.jobs.length).toBe(before + 2);
    expect(h.states()).toEqual({ a: 'uploading', b: 'uploading' });
    expect(h.queue.snapshot().paused).toBeNull();
  });

  it("each account sees and runs only its own items; ids of another's do nothing", async () => {
    const h = harness(3);
    const [a] = h.add('alice-1');
    h.queue.setAccount(BOB);
    // Alice's running upload goes back in line rather than continue under Bob.
    expect(h.job('alice-1')?.context.signal.aborted).toBe(true);
    await h.tick();
    h.addAs(BOB, 'bob-1');
    expect(h.states()).toEqual({ 'bob-1': 'uploading' });
    expect(h.jobs.map((j) => j.record.name)).toEqual(['alice-1', 'bob-1']);
    h.queue.cancel(a?.id ?? '');
    h.queue.cancelAll();
    await h.tick();
    expect(h.queue.all().find((r) => r.name === 'alice-1')?.state).toBe('queued');
    expect(h.queue.clearFinished().map((r) => r.name)).toEqual(['bob-1']);
    // Bob drops the waiting items: they are gone, and the notice with them.
    expect(h.queue.dropWaiting().map((r) => r.name)).toEqual(['alice-1']);
    expect(h.queue.snapshot().waiting).toEqual([]);
    expect(h.queue.all()).toEqual([]);
  });

  it('items from before accounts were recorded wait for no one in particular and can be dropped', () => {
    const h = harness(1);
    h.queue.restore([{ id: 'old', name: 'old.bin', kind: 'file', path: '/old', staged: false, size: 1, destination: { visibility: 'private' }, state: 'queued', createdAt: 1 }]);
    expect(h.jobs).toEqual([]);
    expect(h.queue.snapshot().waiting).toEqual([{ account: 'an account from an earlier version of Ouro', count: 1 }]);
    expect(h.queue.dropWaiting()).toHaveLength(1);
  });

  it('sends deltas: only what changed, numbered, and a resync instead of a huge one', async () => {
    const h = harness(1);
    expect(h.queue.takeDelta()).toMatchObject({ resync: true, items: [] }); // the first account
    const [a] = h.add('a', 'b');
    const first = h.queue.takeDelta();
    expect(first?.items.map((i) => [i.name, i.state])).toEqual([
      ['a', 'uploading'],
      ['b', 'queued'],
    ]);
    expect(h.queue.takeDelta()).toBeNull();
    h.job('a')?.context.progress(40);
    const progress = h.queue.takeDelta();
    expect(progress?.seq).toBe((first?.seq ?? 0) + 1);
    expect(progress?.items.map((i) => [i.name, i.bytesSent])).toEqual([['a', 40]]);
    h.job('a')?.resolve({ assetId: 'x' });
    await h.tick();
    h.queue.clearFinished();
    const cleared = h.queue.takeDelta();
    expect(cleared?.removed).toEqual([a?.id]);
    expect(cleared?.items.map((i) => i.name)).toEqual(['b']);
    expect(h.queue.snapshot().seq).toBe(cleared?.seq);
    h.add(...Array.from({ length: MAX_DELTA_ITEMS + 1 }, (_, i) => `bulk-${i}`));
    expect(h.queue.takeDelta()).toMatchObject({ resync: true, items: [], removed: [] });
    expect(h.changes()).toBeGreaterThan(0);
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
    h.queue.add([{ name: 'd.csv', kind: 'dataset', path: '/tmp/d.csv', staged: false, size: 100, destination: { visibility: 'private' }, account: ALICE }]);
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
    queue.setAccount(ALICE);
    queue.add([{ name: 'a', kind: 'file', path: '/a', staged: false, size: 10_000, destination: { visibility: 'private' }, account: ALICE }]);
    jobs[0]?.context.progress(0);
    now = 1000;
    jobs[0]?.context.progress(2000);
    expect(queue.snapshot().items[0]).toMatchObject({ bytesPerSecond: 2000, secondsLeft: 4 });
  });
});
