import { describe, expect, it } from 'vitest';
import type { StandIn } from '../../stand-in/index';
import { useStandIn, type Api, type AssetRowLike, type Envelope } from './helpers';

let s: StandIn;
let alice: Api;
let bob: Api;
useStandIn((world) => ({ s, alice, bob } = world));

type Row = Record<string, unknown>;
const byName = (name: string): string => s.seed.datasets.find((d) => d.name === name)?.id ?? '';

describe('seeded datasets', () => {
  it('exposes schema descriptors with mixed types and an enum', async () => {
    const { body } = await alice.json<Envelope<Row[]>>(`/datasets/${byName('telemetry-100k')}/schema`);
    expect(body.data.map((c) => [c.column_name, c.data_type])).toEqual([
      ['id', 'integer'],
      ['station', 'text'],
      ['reading', 'real'],
      ['recorded_at', 'timestamp with time zone'],
      ['is_valid', 'boolean'],
      ['status', 'text'],
    ]);
    const status = body.data.find((c) => c.name === 'status');
    expect(status).toMatchObject({ semantic_type: 'enum', enum_values: ['ok', 'warning', 'fault'], type: 'text' });
  });

  it('reports counts and pages 100,000 generated rows deterministically', async () => {
    const id = byName('telemetry-100k');
    expect((await alice.json<Envelope<{ count: number }>>(`/datasets/${id}/stats`)).body.data.count).toBe(100_000);
    const first = await alice.json<Envelope<Row[]>>(`/datasets/${id}/data?limit=1000&offset=0`);
    expect(first.body.data).toHaveLength(1000);
    expect(first.body.pagination).toEqual({ hasMore: true, offset: 0, limit: 1000 });
    expect(first.body.data[0]).toMatchObject({ id: 1, station: expect.any(String), reading: expect.any(Number), is_valid: expect.any(Boolean) });
    const last = await alice.json<Envelope<Row[]>>(`/datasets/${id}/data?limit=1000&offset=99500`);
    expect(last.body.data).toHaveLength(500);
    expect(last.body.data.at(-1)?.id).toBe(100_000);
    expect(last.body.pagination?.hasMore).toBe(false);
    const again = await alice.json<Envelope<Row[]>>(`/datasets/${id}/data?limit=3&offset=99500`);
    expect(again.body.data).toEqual(last.body.data.slice(0, 3));
  });

  it('caps limit at 1000 and validates offsets', async () => {
    const id = byName('furnace-runs-1k');
    const big = await alice.json<{ detail: { loc: string[] }[] }>(`/datasets/${id}/data?limit=1001`);
    expect(big.status).toBe(400);
    expect(big.body.detail[0]?.loc).toEqual(['query', 'limit']);
    expect((await alice.json(`/datasets/${id}/data?offset=-1`)).status).toBe(400);
    const all = await alice.json<Envelope<Row[]>>(`/datasets/${id}/data?limit=1000`);
    expect(all.body.data).toHaveLength(1000);
    expect(all.body.pagination?.hasMore).toBe(false);
  });

  it('exports CSV through /assets/{id}/download', async () => {
    const res = await fetch(`${s.url}/assets/${byName('station-readings-small')}/download`, { method: 'POST', headers: { Authorization: alice.token } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('station-readings-small.csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('id,station,reading,recorded_at,is_valid,status');
    expect(lines).toHaveLength(11);
  });

  it("keeps bob's private dataset away from alice", async () => {
    expect((await alice.get(`/datasets/${byName('bob-private-dataset')}`)).status).toBe(404);
    expect((await bob.get(`/datasets/${byName('bob-private-dataset')}/data`)).status).toBe(200);
    expect((await bob.get(`/datasets/${byName('telemetry-100k')}`)).status).toBe(404);
  });
});

describe('creating and writing datasets', () => {
  it('creates from schema with row ingest, appends, overwrites and upserts', async () => {
    const created = await alice.json<Envelope<AssetRowLike> & { row_ingest?: { inserted: number } }>('/datasets/create/from-schema', {
      method: 'POST',
      body: JSON.stringify({
        dataset: {
          name: 'experiment-results',
          visibility: 'private',
          schema: 'CREATE TABLE IF NOT EXISTS datasets."dataset" (\n"id" INTEGER,\n"sample" TEXT,\n  "score" REAL,\n "taken_at" TIMESTAMP WITH TIME ZONE\n)',
          source: 'api',
          asset_type: 'dataset',
          metadata: { schema: 'datasets', columns: ['id', 'sample', 'score', 'taken_at'] },
          attribution: { originality: 'original' },
          rows: [
            { id: 1, sample: 'A', score: 0.82, taken_at: '2026-11-01T10:00:00Z' },
            { id: 2, sample: 'B', score: 0.91, taken_at: null },
          ],
        },
      }),
    });
    expect(created.status).toBe(200);
    expect(created.body.row_ingest).toEqual({ inserted: 2, skipped: 0 });
    const id = created.body.data.id;
    expect(created.body.data.metadata).toMatchObject({ columns: ['id', 'sample', 'score', 'taken_at'], table_name: expect.any(String) });
    const schema = await alice.json<Envelope<Row[]>>(`/datasets/${id}/schema`);
    // Postgres' names as recorded from the real Ouro (schema-2025-02, schema-company-is-partial).
    expect(schema.body.data.map((c) => c.type)).toEqual(['integer', 'text', 'real', 'timestamp with time zone']);

    const append = await alice.json<Envelope<{ inserted: number }>>(`/datasets/${id}/data`, { method: 'POST', body: JSON.stringify({ rows: [{ id: 3, sample: 'C', score: 0.5, extra: 1 }], mode: 'append' }) });
    expect(append.body.data.inserted).toBe(1);
    expect(append.body).toHaveProperty('warning.ignored_columns', [{ column: 'extra', count: 1 }]);
    expect((await alice.json<Envelope<{ count: number }>>(`/datasets/${id}/stats`)).body.data.count).toBe(3);

    await alice.json(`/datasets/${id}/data`, { method: 'POST', body: JSON.stringify({ rows: [{ id: 3, sample: 'C2', score: 0.6 }, { id: 4, sample: 'D', score: 0.1 }], mode: 'upsert' }) });
    const rows = await alice.json<Envelope<Row[]>>(`/datasets/${id}/data?limit=10`);
    expect(rows.body.data.map((r) => r.sample)).toEqual(['A', 'B', 'C2', 'D']);

    await alice.json(`/datasets/${id}/data`, { method: 'POST', body: JSON.stringify({ rows: [{ id: 9, sample: 'Z', score: 1 }], mode: 'overwrite' }) });
    expect((await alice.json<Envelope<Row[]>>(`/datasets/${id}/data`)).body.data).toEqual([{ id: 9, sample: 'Z', score: 1, taken_at: null }]);

    expect((await bob.json(`/datasets/${id}/data`, { method: 'POST', body: JSON.stringify({ rows: [], mode: 'append' }) })).status).toBe(404);
    const noMode = await alice.json<{ detail: { loc: string[]; msg: string }[] }>(`/datasets/${id}/data`, { method: 'POST', body: JSON.stringify({ rows: [] }) });
    expect(noMode.status).toBe(400);
    expect(noMode.body.detail).toEqual([{ loc: ['body', 'mode'], msg: 'field required', type: 'missing' }]);
    const badMode = await alice.json(`/datasets/${id}/data`, { method: 'POST', body: JSON.stringify({ rows: [], mode: 'merge' }) });
    expect(badMode.status).toBe(400);
  });

  it('validates the create body and enum values', async () => {
    const missing = await alice.json<{ detail: { loc: string[] }[] }>('/datasets/create/from-schema', { method: 'POST', body: JSON.stringify({ dataset: { visibility: 'private' } }) });
    expect(missing.status).toBe(400);
    expect(missing.body.detail.map((d) => d.loc.join('.'))).toEqual(['body.dataset.name', 'body.dataset.schema', 'body.dataset.metadata']);
    const ddl = 'CREATE TABLE IF NOT EXISTS datasets."dataset" (\n"task" TEXT,\n"state" TEXT\n)';
    const create = (dataset: Record<string, unknown>) =>
      alice.json<{ detail: { loc: (string | number)[]; msg: string }[] }>('/datasets/create/from-schema', { method: 'POST', body: JSON.stringify({ dataset: { name: 'tasks', schema: ddl, metadata: { columns: ['task', 'state'] }, ...dataset } }) });
    // Column types outside what the reference knows Ouro's parser takes are refused, not guessed.
    const boolean = await create({ schema: 'CREATE TABLE IF NOT EXISTS datasets."dataset" (\n"task" TEXT,\n"state" BOOLEAN\n)' });
    expect(boolean.status).toBe(400);
    expect(boolean.body.detail[0]).toMatchObject({ loc: ['body', 'dataset', 'schema'], msg: expect.stringContaining('unsupported column type BOOLEAN') });
    const stray = await create({ metadata: { columns: ['task', 'owner'] } });
    expect(stray.body.detail[0]).toMatchObject({ loc: ['body', 'dataset', 'metadata', 'columns', 1], msg: 'column "owner" is not in the schema' });
    const objectCell = await create({ rows: [{ task: { nested: true }, state: 'todo' }] });
    expect(objectCell.status).toBe(400);
    expect(objectCell.body.detail[0]?.loc).toEqual(['body', 'dataset', 'rows', 0, 'task']);
    const enumDs = await alice.json<Envelope<AssetRowLike>>('/datasets/create/from-schema', {
      method: 'POST',
      body: JSON.stringify({ dataset: { name: 'tasks', schema: ddl, metadata: { columns: ['task', 'state'], enum_columns: { state: { values: ['todo', 'done'] } } } } }),
    });
    expect(enumDs.status).toBe(200);
    const bad = await alice.json(`/datasets/${enumDs.body.data.id}/data`, { method: 'POST', body: JSON.stringify({ rows: [{ task: 'x', state: 'blocked' }], mode: 'append' }) });
    expect(bad.status).toBe(400);
  });

  it('answers 413 when the body is over the limit', async () => {
    s.faults.setBodyLimit(2_000);
    try {
      const rows = Array.from({ length: 200 }, (_, i) => ({ id: i, station: 'x', reading: i }));
      const res = await alice.json<{ error: { status: number } }>(`/datasets/${byName('station-readings-small')}/data`, { method: 'POST', body: JSON.stringify({ rows, mode: 'append' }) });
      expect(res.status).toBe(413);
      expect(res.body.error.status).toBe(413);
    } finally {
      s.faults.setBodyLimit(null);
    }
  });
});
