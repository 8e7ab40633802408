// The queue on disk: each change is a journal line (so saving costs the same in a queue of
// 10,000), the journal folds into the snapshot once it outgrows the queue, and loading replays
// it, skipping a line torn by a crash.
import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueueRecord } from '../../../electron/uploads/queue';
import { createQueueStore } from '../../../electron/uploads/queue-store';

const record = (id: string, state: QueueRecord['state'] = 'queued'): QueueRecord => ({
  id,
  name: `${id}.bin`,
  kind: 'file',
  path: `/data/${id}.bin`,
  staged: false,
  size: 4096,
  destination: { visibility: 'private' },
  state,
  createdAt: 1,
  account: 'http://127.0.0.1:1#alice',
});

describe('queue store', () => {
  it('appends only what changed, and a fresh store reads back the same queue', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-queue-store-'));
    const store = createQueueStore(dir);
    await store.load();
    await store.save({ put: [record('a'), record('b'), record('c')], remove: [] });
    const journal = path.join(dir, 'uploads-queue.journal');
    const before = statSync(journal).size;
    await store.save({ put: [{ ...record('b'), state: 'done', assetId: 'x' }], remove: ['c'] });
    const grew = statSync(journal).size - before;
    // One record and one removal, not the queue again.
    expect(grew).toBeLessThan(JSON.stringify(record('b')).length * 2);
    await store.close();
    const again = createQueueStore(dir);
    expect((await again.load()).map((r) => [r.id, r.state])).toEqual([
      ['a', 'queued'],
      ['b', 'done'],
    ]);
    await again.close();
  });

  it('skips a line torn by a crash mid-append', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-queue-store-torn-'));
    const store = createQueueStore(dir);
    await store.load();
    await store.save({ put: [record('a')], remove: [] });
    await store.close();
    appendFileSync(path.join(dir, 'uploads-queue.journal'), '{"put":{"id":"b","na');
    expect((await createQueueStore(dir).load()).map((r) => r.id)).toEqual(['a']);
  });

  it('folds the journal into the snapshot once it outgrows the queue; the result reads back the same', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-queue-store-compact-'));
    const store = createQueueStore(dir);
    await store.load();
    await store.save({ put: Array.from({ length: 300 }, (_, i) => record(`r${i}`)), remove: [] });
    // 300 more changes pass the minimum (500 lines): the journal is folded into the snapshot.
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.save({ put: [{ ...record(`r${i}`), state: 'uploading' }], remove: [] })));
    const snapshot = () => (JSON.parse(readFileSync(path.join(dir, 'uploads-queue.json'), 'utf8')) as { records: QueueRecord[] }).records;
    const journalLines = () => readFileSync(path.join(dir, 'uploads-queue.journal'), 'utf8').split('\n').filter(Boolean).length;
    expect(snapshot().map((r) => r.state)).toEqual(Array(300).fill('uploading'));
    expect(journalLines()).toBe(0);
    // Then all finish: journalled, and read back over the snapshot.
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.save({ put: [{ ...record(`r${i}`), state: 'done' }], remove: [] })));
    expect(journalLines()).toBe(300);
    expect((await createQueueStore(dir).load()).filter((r) => r.state === 'done')).toHaveLength(300);
    // The next fold keeps only the newest 200 finished records on disk.
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.save({ put: [{ ...record(`r${i}`), state: 'done', assetId: `a${i}` }], remove: [] })));
    expect(snapshot()).toHaveLength(200);
    expect(journalLines()).toBe(0);
    await store.close();
    const loaded = await createQueueStore(dir).load();
    expect(loaded).toHaveLength(200);
    expect(loaded.every((r) => r.state === 'done' && r.assetId)).toBe(true);
  });
});
