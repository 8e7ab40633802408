// The dataset flow against a scripted Ouro: every call after the create uses the id Ouro answered
// with (not the one the app proposed), a resume with a created id skips the create, and skipped
// rows are tallied and saved at each resume point.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadDataset, type DatasetProgress } from '../../../electron/uploads/dataset-upload';
import { failure, json, setup } from '../ouro-client/helpers';

const csv = (rows: number): string => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ouro-ds-')), 'runs.csv');
  writeFileSync(file, ['run,score', ...Array.from({ length: rows }, (_, i) => `${i},${i / 2}`)].join('\n'));
  return file;
};

function hooks() {
  const checkpoints: Array<{ createdDatasetId: string } | DatasetProgress> = [];
  return {
    checkpoints,
    value: {
      signal: new AbortController().signal,
      rows: () => {},
      checkpoint: async (patch: { createdDatasetId: string } | DatasetProgress) => {
        checkpoints.push(patch);
      },
      processing: () => {},
    },
  };
}

describe('uploadDataset', () => {
  it("uses the id Ouro's create answered with for stats and rows, and saves it first", async () => {
    const { client, server } = setup();
    server.on('POST /datasets/create/from-schema', () => json({ data: { id: 'ouro-chosen', name: 'runs', url: 'https://ouro.foundation/datasets/a/runs' }, error: null }));
    server.on('GET /datasets/ouro-chosen/stats', () => json({ data: { count: 0 }, error: null }));
    server.on('POST /datasets/ouro-chosen/data', (call) => {
      const sent = (call.body as { rows: unknown[] }).rows.length;
      return json({ data: { inserted: sent - 1, skipped: 1, mode: 'append' }, warning: { message: '1 row was skipped' }, error: null });
    });
    const h = hooks();
    const result = await uploadDataset(client, { path: csv(5), name: 'runs.csv', visibility: 'private', datasetId: 'app-proposed' }, h.value);
    expect(result).toEqual({ id: 'ouro-chosen', url: 'https://ouro.foundation/datasets/a/runs', tally: { rowsInserted: 4, rowsSkipped: 1, ignoredColumns: [], ingestNotes: ['1 row was skipped'] } });
    expect((server.apiCalls[0]?.body as { dataset: { id: string } }).dataset.id).toBe('app-proposed');
    expect(server.apiCalls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /datasets/create/from-schema', 'GET /datasets/ouro-chosen/stats', 'POST /datasets/ouro-chosen/data']);
    expect(h.checkpoints[0]).toEqual({ createdDatasetId: 'ouro-chosen' });
    expect(h.checkpoints.at(-1)).toEqual({ rowsSent: 5, rowsTotal: 5, rowsInserted: 4, rowsSkipped: 1, ignoredColumns: [], ingestNotes: ['1 row was skipped'] });
  });

  it('a resume with a created id skips the create and continues after the acknowledged rows', async () => {
    const { client, server } = setup();
    server.on('GET /datasets/ouro-chosen', () => json({ data: { id: 'ouro-chosen' }, error: null }));
    server.on('GET /datasets/ouro-chosen/stats', () => json({ data: { count: 2 }, error: null }));
    server.on('POST /datasets/ouro-chosen/data', (call) => json({ data: { inserted: (call.body as { rows: unknown[] }).rows.length }, error: null }));
    const tally = { rowsInserted: 2, rowsSkipped: 1, ignoredColumns: [], ingestNotes: [] };
    const result = await uploadDataset(client, { path: csv(5), name: 'runs.csv', visibility: 'private', datasetId: 'app-proposed', createdId: 'ouro-chosen', rowsSent: 3, tally }, hooks().value);
    expect(server.apiCalls.some((c) => c.path === '/datasets/create/from-schema')).toBe(false);
    const sent = server.apiCalls.filter((c) => c.method === 'POST').map((c) => (c.body as { rows: Array<{ run: number }> }).rows.map((r) => r.run));
    expect(sent).toEqual([[3, 4]]);
    expect(result.tally).toMatchObject({ rowsInserted: 4, rowsSkipped: 1 });
  });

  it('a batch answer that says nothing about the rows fails as invalid-response', async () => {
    const { client, server } = setup();
    server.on('POST /datasets/create/from-schema', () => json({ data: { id: 'd1' }, error: null }));
    server.on('GET /datasets/d1/stats', () => json({ data: { count: 0 }, error: null }));
    server.on('POST /datasets/d1/data', () => json({ data: null, error: null }));
    const error = await failure(uploadDataset(client, { path: csv(2), name: 'runs.csv', visibility: 'private', datasetId: 'd1' }, hooks().value));
    expect(error.kind).toBe('invalid-response');
  });
});
