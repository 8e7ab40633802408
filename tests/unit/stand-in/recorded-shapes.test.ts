// The stand-in answers in the shapes recorded from the real Ouro (tests/fixtures/ouro): every key
// a recording has, at every depth, the stand-in's answer has too, with a value of the same JSON
// type wherever the recording's is not null, and the same vocabularies (Postgres type names,
// storage buckets). Its extra keys are allowed: they come from the reference.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../stand-in/index';
import { apiFor, type Api, type Envelope } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures/ouro');
const recorded = (name: string): unknown => (JSON.parse(readFileSync(path.join(ROOT, `${name}.json`), 'utf8')) as { response: unknown }).response;

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Keys of `shape` missing from `actual`, or present with another JSON type (nulls match anything). */
function shapeGaps(shape: unknown, actual: unknown, at = '$', skip: readonly string[] = []): string[] {
  if (skip.includes(at)) return [];
  if (shape === null || actual === null) return [];
  if (jsonType(shape) !== jsonType(actual)) return [`${at}: ${jsonType(shape)} recorded, ${jsonType(actual)} answered`];
  if (Array.isArray(shape)) return shape.length && Array.isArray(actual) && actual.length ? shapeGaps(shape[0], actual[0], `${at}[0]`, skip) : [];
  if (typeof shape !== 'object') return [];
  const a = actual as Record<string, unknown>;
  return Object.entries(shape as Record<string, unknown>).flatMap(([key, value]) => (key in a ? shapeGaps(value, a[key], `${at}.${key}`, skip) : [`${at}.${key} missing`]));
}

let s: StandIn;
let alice: Api;
beforeAll(async () => {
  s = await startStandIn({ quiet: true });
  alice = await apiFor(s);
});
afterAll(async () => {
  await s.close();
});

async function createdFile(): Promise<Record<string, unknown>> {
  const up = (await (await alice.post('/files/upload', { file_name: 'shape.cif', file_base64: Buffer.from('data_x\n').toString('base64'), visibility: 'public', content_type: 'chemical/x-cif' })).json()) as Envelope<{ id: string; bucket: string; path: string }>;
  const { id, bucket, path: storagePath } = up.data;
  const metadata = { id, name: storagePath.split('/').pop(), path: storagePath, size: 7, type: 'chemical/x-cif', bucket, extension: 'cif' };
  const created = await alice.json<Envelope<Record<string, unknown>>>('/files/create', {
    method: 'POST',
    body: JSON.stringify({ file: { id, name: 'cif file', visibility: 'public', source: 'api', asset_type: 'file', metadata, attribution: { originality: 'original' } } }),
  });
  expect(created.status).toBe(200);
  return created.body as unknown as Record<string, unknown>;
}

describe('shapeGaps (the checker itself)', () => {
  it('reports a missing key at depth and a changed JSON type; nulls and extra keys pass', () => {
    expect(shapeGaps({ a: { b: 1, c: [{ d: 'x' }] } }, { a: { b: '1', c: [{}] }, extra: true })).toEqual(['$.a.b: number recorded, string answered', '$.a.c[0].d missing']);
    expect(shapeGaps({ a: null }, { a: { any: 1 } })).toEqual([]);
  });
});

describe('the stand-in answers in the recorded shapes', () => {
  it('a created file: the raw 2025 create and update bodies, envelope included', async () => {
    const body = await createdFile();
    // 2025 bodies carried a bare-string description; current Ouro answers {json, text} (§3.1).
    const skip = ['$.data.description'];
    expect(shapeGaps(recorded('files/create-raw-2025-06'), body, '$', skip)).toEqual([]);
    expect(shapeGaps(recorded('files/update-raw-2025-07'), body, '$', skip)).toEqual([]);
    const data = body['data'] as { metadata: Record<string, unknown>; price: unknown; unit_cost: unknown };
    // Exactly the API-upload metadata keys (files/create-raw-2025-06): nothing added by the server.
    expect(Object.keys(data.metadata).sort()).toEqual(['bucket', 'extension', 'id', 'name', 'path', 'size', 'type']);
    expect([data.price, data.unit_cost]).toEqual([0, 0]);
  });

  it("a file's content URL: {url} on the storage path with a ?v= cache-buster", async () => {
    const body = await createdFile();
    const data = body['data'] as { id: string; metadata: { bucket: string; path: string } };
    const res = await alice.json<Envelope<{ url: string }>>(`/files/${data.id}/data`);
    expect(shapeGaps(recorded('files/read-data-public-url'), res.body.data)).toEqual([]);
    expect(res.body.data.url).toMatch(new RegExp(`/__storage/${data.metadata.bucket}/${data.metadata.path}\\?v=\\d+$`));
  });

  it('a dataset: the raw 2024 create body, schema entries with Postgres type names, stats, rows pages and row writes', async () => {
    const id = s.seed.datasets.find((d) => d.name === 'telemetry-100k')?.id ?? '';
    const record = await alice.json<Envelope<unknown>>(`/datasets/${id}`);
    // product_id/price_id belonged to the 2024 /elements API and are gone from the reference.
    const legacy = recorded('datasets/legacy-create-from-schema-2024') as { data: Record<string, unknown> };
    const { product_id: _p, price_id: _q, ...current } = legacy.data;
    expect(shapeGaps({ ...legacy, data: current }, record.body)).toEqual([]);

    const schema = await alice.json<Envelope<Array<{ data_type: string }>>>(`/datasets/${id}/schema`);
    expect(shapeGaps(recorded('datasets/schema-2025-02'), schema.body.data)).toEqual([]);
    expect(shapeGaps(recorded('datasets/sdk-schema-with-semantics'), schema.body.data)).toEqual([]);
    const recordedTypes = new Set(['integer', 'text', 'real', 'uuid', 'numeric', 'boolean', 'timestamp with time zone']);
    expect(schema.body.data.map((c) => c.data_type).filter((t) => !recordedTypes.has(t))).toEqual([]);

    expect(shapeGaps(recorded('datasets/sdk-stats'), (await alice.json(`/datasets/${id}/stats`)).body)).toEqual([]);
    const page = await alice.json(`/datasets/${id}/data?limit=1&offset=0`);
    const { resolved_refs: _refs, ...rowsPage } = recorded('datasets/sdk-data-page-resolved-refs') as Record<string, unknown>;
    expect(shapeGaps({ ...rowsPage, data: [] }, page.body)).toEqual([]);
  });

  it('a row write answers like sdk-data-append, and a create with rows like sdk-create-response-with-row-ingest', async () => {
    const ddl = 'CREATE TABLE IF NOT EXISTS datasets."dataset" (\n"sample" TEXT,\n"value" INTEGER\n)';
    const created = await alice.json<Envelope<{ id: string }>>('/datasets/create/from-schema', {
      method: 'POST',
      body: JSON.stringify({ dataset: { name: 'sample', visibility: 'private', schema: ddl, source: 'api', asset_type: 'dataset', metadata: { schema: 'datasets', columns: ['sample', 'value'] }, rows: [{ sample: 'alpha', value: 1 }, { sample: 'beta', value: 2 }] } }),
    });
    const shape = recorded('datasets/sdk-create-response-with-row-ingest') as Record<string, unknown>;
    expect(shapeGaps(shape, created.body)).toEqual([]);
    const append = await alice.json(`/datasets/${created.body.data.id}/data`, { method: 'POST', body: JSON.stringify({ rows: [{ sample: 'gamma', value: 3 }], mode: 'append' }) });
    expect(shapeGaps(recorded('datasets/sdk-data-append'), append.body)).toEqual([]);
  });

  it('the skipRows fault answers like the recorded partial ingest: counts plus a warning', async () => {
    const ddl = 'CREATE TABLE IF NOT EXISTS datasets."dataset" (\n"sample" TEXT,\n"value" INTEGER\n)';
    s.faults.add({ method: 'POST', path: '/datasets/create/from-schema', skipRows: 1 });
    const created = await alice.json<Envelope<{ id: string }> & { row_ingest: unknown; warning: { refs: unknown } }>('/datasets/create/from-schema', {
      method: 'POST',
      body: JSON.stringify({ dataset: { name: 'sample', visibility: 'private', schema: ddl, metadata: { columns: ['sample', 'value'] }, rows: [{ sample: 'alpha', value: 1 }, { sample: 'beta', value: 2 }] } }),
    });
    // Only the keys: the recording's refs.columns names a reference column this table lacks.
    const shape = recorded('datasets/sdk-create-partial-ingest-warning') as { warning: { refs: Record<string, unknown> } };
    expect(shapeGaps({ ...shape, warning: { ...shape.warning, refs: { ...shape.warning.refs, columns: [] } } }, created.body)).toEqual([]);
    expect(created.body.row_ingest).toEqual({ inserted: 1, skipped: 1 });
    s.faults.add({ method: 'POST', path: '/datasets/*/data', skipRows: 2 });
    const append = await alice.json<Envelope<{ inserted: number; skipped: number }>>(`/datasets/${created.body.data.id}/data`, {
      method: 'POST',
      body: JSON.stringify({ rows: [{ sample: 'c', value: 3 }, { sample: 'd', value: 4 }, { sample: 'e', value: 5 }], mode: 'append' }),
    });
    expect(append.body.data).toMatchObject({ inserted: 1, skipped: 2 });
    expect((await alice.json<Envelope<{ count: number }>>(`/datasets/${created.body.data.id}/stats`)).body.data.count).toBe(2);
  });

  it('a team with members, an organization with size, and the embedded user', async () => {
    const team = s.seed.teams.find((t) => t.name === 'Crystal Growth');
    const detail = await alice.json<Envelope<unknown>>(`/teams/${team?.id ?? ''}?include_members=true`);
    expect(shapeGaps(recorded('users-orgs/sdk-team-with-members'), detail.body.data)).toEqual([]);
    const orgs = await alice.json<Envelope<Array<{ size: unknown }>>>('/organizations/user');
    expect(orgs.body.data.every((o) => typeof o.size === 'number')).toBe(true);
    const body = await createdFile();
    const embeds = recorded('users-orgs/embedded-user-org-team') as Record<string, unknown>;
    expect(shapeGaps(embeds, body['data'])).toEqual([]);
  });

  it('a search page: {data, pagination: {offset, limit, hasMore}}', async () => {
    const page = await alice.json<unknown>('/search/assets?limit=2&filters=' + encodeURIComponent(JSON.stringify({ asset_type: 'file' })));
    const [first] = recorded('search/sdk-search-pages') as unknown[];
    expect(shapeGaps(first, page.body)).toEqual([]);
  });
});
