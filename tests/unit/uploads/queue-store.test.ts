// The queue on disk: each change is a journal line (so saving costs the same in a queue of
// 10,000), the journal folds into the snapshot once it outgrows the queue, and loading replays
// it, skipping a line torn by a crash. It keeps everything a resume needs (the stored object's
// id, bucket and path; the dataset ids; rows acknowledged and what Ouro said about them), and a
// record saved before bucket and path were kept uploads its bytes again.
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

const base: QueueRecord = { ...record('q1'), name: 'a.csv', kind: 'dataset', path: '/tmp/a.csv', size: 10 };

describe('queue store', () => {
  it('round-trips the resume points and the ingest tally', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-queue-store-'));
    const store = createQueueStore(dir);
    await store.load();
    const records: QueueRecord[] = [
      { ...base, id: 'f', kind: 'file', stored: { id: 'obj-1', bucket: 'files', path: 'u/9f.csv' } },
      { ...base, datasetId: 'd-mine', createdDatasetId: 'd-ouro', rowsSent: 500, rowsTotal: 900, rowsInserted: 497, rowsSkipped: 3, ignoredColumns: ['extra'], ingestNotes: ['3 rows were skipped'] },
    ];
    await store.save({ put: records, remove: [] });
    await store.close();
    expect(await createQueueStore(dir).load()).toEqual(records);
  });

  it('a record from before bucket and path were kept loses its bare storage id, so its bytes go up again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-queue-store-'));
    writeFileSync(path.join(dir, 'uploads-queue.json'), JSON.stringify({ version: 1, records: [{ ...base, kind: 'file', storageId: 'obj-legacy' }] }));
    // The same in a journal line written by a version that still kept the bare id.
    writeFileSync(path.join(dir, 'uploads-queue.journal'), `${JSON.stringify({ put: { ...base, id: 'j', kind: 'file', storageId: 'obj-legacy-2' } })}\n`);
    const store = createQueueStore(dir);
    const loaded = await store.load();
    expect(loaded).toEqual([
      { ...base, kind: 'file' },
      { ...base, id: 'j', kind: 'file' },
    ]);
    expect(loaded.some((r) => 'storageId' in r)).toBe(false);
    await store.save({ put: loaded, remove: [] });
    await store.close();
    const onDisk = readFileSync(path.join(dir, 'uploads-queue.journal'), 'utf8').split('\n').filter(Boolean).slice(-2);
    expect(onDisk.join('')).not.toContain('storageId');
  });

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
