// The queue on disk keeps everything a resume needs (the stored object's id, bucket and path; the
// dataset ids; rows acknowledged and what Ouro said about them), and a record saved before bucket
// and path were kept uploads its bytes again rather than creating a record that names no object.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQueueStore } from '../../../electron/uploads/queue-store';
import type { QueueRecord } from '../../../electron/uploads/queue';

const base: QueueRecord = {
  id: 'q1',
  name: 'a.csv',
  kind: 'dataset',
  path: '/tmp/a.csv',
  staged: false,
  size: 10,
  destination: { visibility: 'private' },
  state: 'queued',
  createdAt: 1,
};

describe('queue store', () => {
  it('round-trips the resume points and the ingest tally', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-queue-store-'));
    const store = createQueueStore(dir);
    const records: QueueRecord[] = [
      { ...base, id: 'f', kind: 'file', stored: { id: 'obj-1', bucket: 'files', path: 'u/9f.csv' } },
      { ...base, datasetId: 'd-mine', createdDatasetId: 'd-ouro', rowsSent: 500, rowsTotal: 900, rowsInserted: 497, rowsSkipped: 3, ignoredColumns: ['extra'], ingestNotes: ['3 rows were skipped'] },
    ];
    await store.save(records);
    expect(await createQueueStore(dir).load()).toEqual(records);
  });

  it('a record from before bucket and path were kept loses its bare storage id, so its bytes go up again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-queue-store-'));
    writeFileSync(path.join(dir, 'uploads-queue.json'), JSON.stringify({ version: 1, records: [{ ...base, kind: 'file', storageId: 'obj-legacy' }] }));
    const [record] = await createQueueStore(dir).load();
    expect(record).toEqual({ ...base, kind: 'file' });
    expect(record && 'storageId' in record).toBe(false);
    await createQueueStore(dir).save(record ? [record] : []);
    expect(readFileSync(path.join(dir, 'uploads-queue.json'), 'utf8')).not.toContain('obj-legacy');
  });
});
