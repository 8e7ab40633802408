import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from '../../../electron/ouro/download';
import { failure, json, setup, type FakeOuro } from './helpers';

/** A download that sends ten bytes, then nothing more until the client gives up on it. */
function stallAfterTenBytes(server: FakeOuro): void {
  server.on('POST /assets/f1/download', (call) => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(10));
        call.signal?.addEventListener('abort', () => c.error(call.signal?.reason));
      },
    });
    return new Response(body, { headers: { 'content-disposition': 'attachment' } });
  });
}

describe('users, organizations, teams', () => {
  it('reads /user/profile and /organizations/user', async () => {
    const { client, server } = setup();
    server.on('GET /user/profile', () => json({ data: { user_id: 'u1', username: 'alice', is_agent: false, future: 1 } }));
    server.on('GET /organizations/user', () => json({ data: [{ id: 'o1', name: 'lab', membership: { role: 'admin' } }] }));
    expect(await client.users.profile()).toMatchObject({ user_id: 'u1', username: 'alice', future: 1 });
    expect(await client.organizations.mine()).toMatchObject([{ id: 'o1', membership: { role: 'admin' } }]);
  });
  it('teams.list resolves a null source_policy from the organization', async () => {
    const { client, server } = setup();
    server.on('GET /teams', () =>
      json({
        data: [
          { id: 't1', org_id: 'o1', name: 'own', source_policy: 'api_only' },
          { id: 't2', org_id: 'o1', name: 'inherits', source_policy: null },
          { id: 't3', org_id: 'o2', name: 'embedded', organization: { id: 'o2', source_policy: 'any' } },
          { id: 't4', org_id: 'o9', name: 'unknown org' },
        ],
      }),
    );
    server.on('GET /organizations/user', () => json({ data: [{ id: 'o1', source_policy: 'web_only' }] }));
    const teams = await client.teams.list({ orgId: 'o1', joined: true });
    expect(Object.fromEntries(server.apiCalls[0]?.url.searchParams ?? [])).toEqual({ org_id: 'o1', joined: 'true' });
    expect(teams.map((t) => [t.id, t.source_policy, t.source_policy_inherited])).toEqual([
      ['t1', 'api_only', false],
      ['t2', 'web_only', true],
      ['t3', 'any', true],
      ['t4', null, false],
    ]);
  });
});

describe('files', () => {
  it('get and contentUrl', async () => {
    const { client, server } = setup();
    server.on('GET /files/f%2F1', () => json({ data: { id: 'f/1', metadata: { size: 816, extension: 'cif', type: 'chemical/x-cif' } } }));
    server.on('GET /files/f1/data', () => json({ data: { url: 'http://storage/f1?v=1' } }));
    expect((await client.files.get('f/1')).metadata?.size).toBe(816);
    expect(await client.files.contentUrl('f1')).toBe('http://storage/f1?v=1');
  });
  it('parses Content-Disposition, preferring filename*', () => {
    expect(fileNameFromDisposition(`attachment; filename="plain.txt"; filename*=UTF-8''%E2%82%AC%20rates.csv`)).toBe('€ rates.csv');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''na%C3%AFve.cif; filename="naive.cif"`)).toBe('naïve.cif');
    expect(fileNameFromDisposition('attachment; filename="semi;colon \\"q\\".txt"')).toBe('semi;colon "q".txt');
    expect(fileNameFromDisposition('attachment; filename=bare.bin')).toBe('bare.bin');
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E2%ZZ; filename="fallback.txt"`)).toBe('fallback.txt');
    expect(fileNameFromDisposition('inline')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
  it('downloadTo streams into a temp file, renames it, reports progress', async () => {
    const { client, server } = setup();
    const dir = await mkdtemp(join(tmpdir(), 'ouro-dl-'));
    const chunks = [new Uint8Array(1000).fill(1), new Uint8Array(500).fill(2)];
    server.on('POST /assets/f1/download', () => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          for (const chunk of chunks) c.enqueue(chunk);
          c.close();
        },
      });
      return new Response(body, {
        headers: { 'content-type': 'application/octet-stream', 'content-length': '1500', 'content-disposition': `attachment; filename="x.bin"; filename*=UTF-8''r%C3%A9sum%C3%A9.bin` },
      });
    });
    const progress: number[] = [];
    const result = await client.files.downloadTo('f1', join(dir, 'out.bin'), { onProgress: (p) => progress.push(p.bytes) });
    expect(result).toMatchObject({ bytes: 1500, fileName: 'résumé.bin' });
    expect(progress).toEqual([1000, 1500]);
    expect((await readFile(join(dir, 'out.bin'))).length).toBe(1500);
    expect(await readdir(dir)).toEqual(['out.bin']);
    expect(server.apiCalls[0]?.body).toEqual({ asset_type: 'file' });
  });
  it('removes the partial file when the body fails mid-way', async () => {
    const { client, server } = setup({ retry: { maxRetries: 0 } });
    const dir = await mkdtemp(join(tmpdir(), 'ouro-dl-'));
    server.on('POST /assets/f1/download', () => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new Uint8Array(100));
          setTimeout(() => c.error(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), 5);
        },
      });
      return new Response(body, { headers: { 'content-disposition': 'attachment; filename="x"' } });
    });
    const error = await failure(client.files.downloadTo('f1', join(dir, 'out.bin')));
    expect(error.kind).toBe('network');
    expect(await readdir(dir)).toEqual([]);
  });
  it('a short body (fewer bytes than Content-Length) is a network failure', async () => {
    const { client, server } = setup({ retry: { maxRetries: 0 } });
    const dir = await mkdtemp(join(tmpdir(), 'ouro-dl-'));
    server.on('POST /assets/f1/download', () => new Response('abc', { headers: { 'content-length': '10', 'content-disposition': 'attachment' } }));
    // Node's Response may reject a lying content-length itself; either way it must be network.
    expect((await failure(client.files.downloadTo('f1', join(dir, 'o')))).kind).toBe('network');
    expect(await readdir(dir)).toEqual([]);
  });
  it('download errors are envelopes: 404 JSON, and the legacy 200-with-error', async () => {
    const { client, server } = setup();
    const dir = await mkdtemp(join(tmpdir(), 'ouro-dl-'));
    server.queue('POST /assets/f1/download', () => json({ data: null, error: { message: 'Asset not found', code: 'asset_not_found' } }, 404));
    expect((await failure(client.files.downloadTo('f1', join(dir, 'o')))).kind).toBe('not-found');
    server.queue('POST /assets/f1/download', () => json({ data: null, error: { message: 'nope', statusCode: '403' } }));
    expect((await failure(client.files.downloadTo('f1', join(dir, 'o')))).kind).toBe('forbidden');
    expect(await readdir(dir)).toEqual([]);
  });
  it('a cancelled download leaves nothing behind', async () => {
    const { client, server } = setup();
    const dir = await mkdtemp(join(tmpdir(), 'ouro-dl-'));
    const controller = new AbortController();
    stallAfterTenBytes(server);
    const pending = client.files.downloadTo('f1', join(dir, 'o'), { signal: controller.signal, onProgress: () => controller.abort() });
    expect((await failure(pending)).kind).toBe('cancelled');
    expect(await readdir(dir)).toEqual([]);
  });
  it('a download that stalls past idleMs → timeout', async () => {
    const { client, server } = setup({ timeouts: { idleMs: 40 } });
    const dir = await mkdtemp(join(tmpdir(), 'ouro-dl-'));
    stallAfterTenBytes(server);
    expect((await failure(client.files.downloadTo('f1', join(dir, 'o')))).kind).toBe('timeout');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('datasets', () => {
  it('get, schema aliases, stats count as digit string, rows paging', async () => {
    const { client, server } = setup();
    server.on('GET /datasets/d1', () => json({ data: { id: 'd1', metadata: { columns: ['a', 'b'], table_name: 't' }, preview: [{ a: '1' }] } }));
    server.on('GET /datasets/d1/schema', () => json({ data: [{ column_name: 'a', data_type: 'text' }, { column_name: 'b', data_type: 'uuid', name: 'b', type: 'uuid', semantic_type: 'reference' }] }));
    server.on('GET /datasets/d1/stats', () => json({ data: { count: '1234', columns: 2 } }));
    server.on('GET /datasets/d1/data', (call) => {
      const offset = Number(call.url.searchParams.get('offset'));
      return json({ data: offset === 0 ? [{ a: 1 }, { a: 2 }] : [{ a: 3 }], pagination: { hasMore: offset === 0, offset, limit: 2 }, resolved_refs: { b: {} } });
    });
    expect((await client.datasets.get('d1')).metadata?.columns).toEqual(['a', 'b']);
    expect(await client.datasets.schema('d1')).toMatchObject([
      { column_name: 'a', name: 'a', type: 'text' },
      { column_name: 'b', name: 'b', semantic_type: 'reference' },
    ]);
    expect(await client.datasets.stats('d1')).toEqual({ count: 1234, columns: 2 });
    const first = await client.datasets.rows('d1', { offset: 0, limit: 2, resolveRefs: true });
    expect(first).toMatchObject({ rows: [{ a: 1 }, { a: 2 }], hasMore: true, nextOffset: 2, resolvedRefs: { b: {} } });
    expect(server.apiCalls.at(-1)?.url.searchParams.get('resolve_refs')).toBe('true');
    expect(await client.datasets.rows('d1', { offset: 2, limit: 2 })).toMatchObject({ rows: [{ a: 3 }], hasMore: false });
    await client.datasets.rows('d1', { limit: 50_000 });
    expect(server.apiCalls.at(-1)?.url.searchParams.get('limit')).toBe('1000');
  });
});

describe('conversations', () => {
  const msg = (id: string, created_at: string, seq?: number) => ({ id, created_at, ...(seq === undefined ? {} : { seq }), text: id });
  it('list pages by offset', async () => {
    const { client, server } = setup();
    server.on('GET /conversations', () => json({ data: [{ id: 'c1', name: null }, { id: 'c2' }], pagination: { offset: 0, limit: 2, hasMore: true, total: 5 } }));
    expect(await client.conversations.list({ limit: 2 })).toMatchObject({ hasMore: true, nextOffset: 2, total: 5 });
  });
  it('messages are sorted by created_at then seq, with nextCursor.before', async () => {
    const { client, server } = setup();
    server.on('GET /conversations/c1/messages', () =>
      json({
        data: [msg('m4', '2026-03-05T10:00:03+00:00', 1), msg('m3', '2026-03-05T10:00:02.000Z', 2), msg('m2', '2026-03-05T10:00:02+00:00', 1), msg('m1', '2026-03-05T09:00:00+00:00')],
        pagination: { limit: 4, hasMore: true, nextCursor: { before: '2026-03-05T09:00:00+00:00' } },
      }),
    );
    const page = await client.conversations.messages('c1', { limit: 4 });
    expect(page.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(page).toMatchObject({ hasMore: true, nextBefore: '2026-03-05T09:00:00+00:00' });
  });
  it('old top-level hasMore; missing nextCursor → oldest created_at; before is sent', async () => {
    const { client, server } = setup();
    server.on('GET /conversations/c1/messages', () => json({ data: [msg('b', '2026-01-02T00:00:00Z'), msg('a', '2026-01-01T00:00:00Z')], hasMore: true }));
    const page = await client.conversations.messages('c1', { before: '2026-02-01T00:00:00Z', limit: 999 });
    expect(page).toMatchObject({ hasMore: true, nextBefore: '2026-01-01T00:00:00Z' });
    expect(Object.fromEntries(server.apiCalls[0]?.url.searchParams ?? [])).toEqual({ before: '2026-02-01T00:00:00Z', limit: '200' });
  });
  it('no more pages → nextBefore null', async () => {
    const { client, server } = setup();
    server.on('GET /conversations/c1/messages', () => json({ data: [msg('a', '2026-01-01T00:00:00Z')], pagination: { hasMore: false, nextCursor: null } }));
    expect(await client.conversations.messages('c1')).toMatchObject({ hasMore: false, nextBefore: null });
  });
});
