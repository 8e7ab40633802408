// The Ouro client against the local stand-in server: real HTTP on 127.0.0.1, faults injected per
// test. The client gets a fake clock, so backoff and token expiry never really wait.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOuroClient, type OuroClient } from '../../electron/ouro/client';
import type { Clock, OuroClientOptions } from '../../electron/ouro/types';
import { startStandIn, type StandIn } from '../stand-in/index';
import { failure } from '../helpers/failure';

const APP_VERSION = '9.9.9';

class FakeClock implements Clock {
  sleeps: number[] = [];
  offsetMs = 0;
  now = (): number => Date.now() + this.offsetMs;
  sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.offsetMs += ms;
  };
}

let standIn: StandIn;
let workDir: string;

interface Harness {
  client: OuroClient;
  clock: FakeClock;
  unauthorized: { count: number };
  logs: string[];
}

function harness(options: Partial<OuroClientOptions> = {}): Harness {
  const clock = new FakeClock();
  const unauthorized = { count: 0 };
  const logs: string[] = [];
  const push = (m: string): void => {
    logs.push(m);
  };
  const client = createOuroClient({
    baseUrl: standIn.url,
    fetch: globalThis.fetch,
    getApiKey: () => standIn.apiKey,
    appVersion: APP_VERSION,
    clock,
    random: () => 0.5,
    onUnauthorized: () => unauthorized.count++,
    log: { debug: push, info: push, warn: push, error: push },
    timeouts: { connectMs: 5_000, totalMs: 10_000, idleMs: 5_000 },
    ...options,
  });
  return { client, clock, unauthorized, logs };
}

const calls = (path: string): number => standIn.log.filter((e) => e.path === path).length;
const exchanges = (): number => calls('/users/get-token');

/** The seed names people by username (the summary's own choice); accept an id too. */
const isAlice = (who: string): boolean => who === standIn.seed.users.alice.username || who === standIn.seed.users.alice.id;

/** A file alice owns, from the fixed seed. */
function aliceFile(): StandIn['seed']['files'][number] {
  const file = standIn.seed.files.find((f) => isAlice(f.owner) && f.size > 0);
  if (!file) throw new Error('seed has no file owned by alice');
  return file;
}

beforeAll(async () => {
  standIn = await startStandIn({ seedFiles: 20_000, quiet: true });
  workDir = await mkdtemp(join(tmpdir(), 'ouro-client-it-'));
}, 60_000);

afterAll(async () => {
  await standIn?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

beforeEach(() => {
  standIn.faults.clear();
  standIn.faults.setTokenTtl(3600);
  standIn.clearLog();
});

afterEach(() => {
  standIn.faults.clear();
});

describe('sign-in and headers', () => {
  it('verifyKey returns user, profile and key name, sending the bare JWT and client headers', async () => {
    const { client } = harness();
    const result = await client.verifyKey(standIn.apiKey);
    expect(result.user.id).toBe(standIn.seed.users.alice.id);
    expect(result.profile.username).toBe(standIn.seed.users.alice.username);
    expect(result.keyName).toBe('laptop-key');
    const user = standIn.log.find((e) => e.path === '/user');
    expect(user?.headers).toEqual({
      userAgent: `ouro-desktop/${APP_VERSION}`,
      ouroClient: `ouro-desktop/${APP_VERSION}`,
      keyName: 'laptop-key',
      authorizationScheme: 'bare',
    });
    expect(standIn.log.find((e) => e.path === '/users/get-token')?.headers.authorizationScheme).toBe('none');
  });
  it('verifyKey with a wrong key is unauthorized and does not sign anyone out', async () => {
    const { client, unauthorized } = harness();
    const error = await failure(client.verifyKey('0'.repeat(64)));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).not.toContain('0'.repeat(64));
    expect(unauthorized.count).toBe(0);
  });
  it('reads profile, organizations and teams (with source_policy resolved)', async () => {
    const { client } = harness();
    expect((await client.users.me()).id).toBe(standIn.seed.users.alice.id);
    const orgs = await client.organizations.mine();
    expect(orgs.length).toBeGreaterThan(0);
    const teams = await client.teams.list({ joined: true });
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) {
      const seeded = standIn.seed.teams.find((t) => t.id === team.id);
      if (seeded?.source_policy) expect(team.source_policy).toBe(seeded.source_policy);
    }
    expect(exchanges()).toBe(1);
  });
});

describe('token lifetime', () => {
  it('re-exchanges before expiry (now >= exp − 300 s) using the short TTL and the fake clock', async () => {
    standIn.faults.setTokenTtl(310);
    const { client, clock } = harness();
    await client.users.me();
    await client.users.me();
    expect(exchanges()).toBe(1);
    clock.offsetMs += 11_000; // now past exp − 300 s, though the token is still valid on the server
    await client.users.me();
    expect(exchanges()).toBe(2);
  });
  it('a TTL under 300 s is refreshed before every request', async () => {
    standIn.faults.setTokenTtl(60);
    const { client } = harness();
    await client.users.me();
    await client.users.me();
    expect(exchanges()).toBe(2);
  });
  it('re-exchanges once after a 401 and repeats the request', async () => {
    const { client, unauthorized } = harness();
    standIn.faults.add({ method: 'GET', path: '/user', status: 401 });
    expect((await client.users.me()).id).toBe(standIn.seed.users.alice.id);
    expect(standIn.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      'POST /users/get-token 200',
      'GET /user 401',
      'POST /users/get-token 200',
      'GET /user 200',
    ]);
    expect(unauthorized.count).toBe(0);
  });
  it('a 401 that persists after a fresh exchange → server (with the request id), not a sign-out', async () => {
    const { client, unauthorized } = harness();
    standIn.faults.add({ method: 'GET', path: '/user', status: 401, times: 2 });
    const error = await failure(client.users.me());
    expect(error).toMatchObject({ kind: 'server', status: 401, requestId: expect.any(String) });
    expect(unauthorized.count).toBe(0);
    expect(calls('/user')).toBe(2);
  });
  it('a revoked key → unauthorized and onUnauthorized (fresh stand-in key state restored after)', async () => {
    const other = await startStandIn({ quiet: true });
    try {
      const unauthorized = { count: 0 };
      const client = createOuroClient({
        baseUrl: other.url,
        fetch: globalThis.fetch,
        getApiKey: () => other.apiKey,
        appVersion: APP_VERSION,
        clock: new FakeClock(),
        onUnauthorized: () => unauthorized.count++,
      });
      await client.users.me();
      other.revokeKey(other.apiKey);
      const error = await failure(client.users.me());
      expect(error.kind).toBe('unauthorized');
      expect(error.message).not.toContain(other.apiKey);
      expect(unauthorized.count).toBe(1);
    } finally {
      await other.close();
    }
  });
  it('concurrent requests share one exchange', async () => {
    const { client } = harness();
    await Promise.all(Array.from({ length: 10 }, () => client.users.me()));
    expect(exchanges()).toBe(1);
  });
});

describe('every error kind', () => {
  // The status → kind table is tested once, in tests/unit/ouro-client/errors.test.ts; here one
  // real fault shows the stand-in's answer arrives classified, with its status and request id.
  it('a 503 from the stand-in → server, status and request id kept', async () => {
    const { client } = harness({ retry: { maxRetries: 0 } });
    standIn.faults.add({ method: 'GET', path: '/user/profile', status: 503 });
    const error = await failure(client.users.profile());
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(standIn.log.at(-1)?.status).toBe(503);
  });
  it('400 with a FastAPI detail list names the field', async () => {
    const { client } = harness();
    standIn.faults.add({ path: '/user/profile', status: 400, body: { detail: [{ loc: ['query', 'limit'], msg: 'must be positive' }] } });
    expect((await failure(client.users.profile())).message).toBe('query.limit: must be positive');
  });
  it('an HTML 413 page maps by status', async () => {
    const { client } = harness();
    standIn.faults.add({ path: '/files/*', status: 413, body: '<html><body><h1>413 Request Entity Too Large</h1>nginx</body></html>' });
    const error = await failure(client.files.get(aliceFile().id));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe('HTTP 413');
  });
  it.each([
    [{ status: 404, message: 'Asset gone' }, 'not-found', 404],
    [{ statusCode: '403', message: 'Not yours' }, 'forbidden', 403],
    [{ status: '409', message: 'Busy' }, 'conflict', 409],
    [{ message: 'Something odd' }, 'request-failed', 200],
  ])('200 with error envelope %j → %s', async (envelopeError, kind, status) => {
    const { client } = harness();
    standIn.faults.add({ path: '/user/profile', envelopeError });
    const error = await failure(client.users.profile());
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toBe(envelopeError.message);
    expect(error.requestId).toBeDefined();
  });
  it('a reset connection → network', async () => {
    const { client } = harness({ retry: { maxRetries: 1 } });
    standIn.faults.add({ path: '/user/profile', reset: 'immediately', times: 2 });
    expect((await failure(client.users.profile())).kind).toBe('network');
    expect(calls('/user/profile')).toBe(2);
  });
  it('a body cut mid-way → network', async () => {
    const { client } = harness({ retry: { maxRetries: 0 } });
    standIn.faults.add({ path: '/user/profile', reset: 'mid-body' });
    expect((await failure(client.users.profile())).kind).toBe('network');
  });
  it('a refused connection → network', async () => {
    const closed = await startStandIn({ quiet: true });
    const url = closed.url;
    await closed.close();
    const client = createOuroClient({ baseUrl: url, fetch: globalThis.fetch, getApiKey: () => 'k'.repeat(64), appVersion: APP_VERSION, clock: new FakeClock(), retry: { maxRetries: 0 } });
    expect((await failure(client.users.me())).kind).toBe('network');
  });
  it('a slow answer → timeout', async () => {
    const { client } = harness({ timeouts: { connectMs: 150 } });
    await client.users.me(); // exchange outside the slow part
    // Far slower than the limit, so "gave up at the limit" and "waited for the answer" cannot be confused under load.
    standIn.faults.add({ path: '/user/profile', latencyMs: 20_000 });
    const started = Date.now();
    const error = await failure(client.users.profile());
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
  it('a non-JSON 200 → invalid-response', async () => {
    const { client } = harness();
    standIn.faults.add({ path: '/user/profile', status: 200, body: 'hello, not json' });
    expect((await failure(client.users.profile())).kind).toBe('invalid-response');
  });
  it('abort → cancelled, not retried', async () => {
    const { client } = harness();
    await client.users.me();
    standIn.faults.add({ path: '/user/profile', latencyMs: 300 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    expect((await failure(client.users.profile({ signal: controller.signal }))).kind).toBe('cancelled');
    expect(calls('/user/profile')).toBe(1);
  });
  it('no key or JWT in any error message', async () => {
    const { client, logs } = harness({ retry: { maxRetries: 0 } });
    await client.users.me();
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    standIn.faults.add({ path: '/user/profile', status: 400, body: { error: { message: `bad key ${standIn.apiKey} and token ${token}` } } });
    const error = await failure(client.users.profile());
    expect(error.kind).toBe('bad-request');
    expect(JSON.stringify(error.toData())).not.toContain(standIn.apiKey);
    expect(JSON.stringify(error.toData())).not.toContain(token);
    expect(logs.join('\n')).not.toContain(standIn.apiKey);
  });
});

describe('retries', () => {
  it('retries 429 honouring Retry-After in seconds, then succeeds', async () => {
    const { client, clock } = harness();
    standIn.faults.add({ path: '/user/profile', status: 429, retryAfter: '7', times: 2 });
    expect((await client.users.profile()).username).toBe(standIn.seed.users.alice.username);
    expect(clock.sleeps).toEqual([7_000, 7_000]);
    expect(calls('/user/profile')).toBe(3);
  });
  it('honours Retry-After as an HTTP date', async () => {
    const { client, clock } = harness();
    standIn.faults.add({ path: '/user/profile', status: 503, retryAfter: new Date(Date.now() + 20_000).toUTCString() });
    await client.users.profile();
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(17_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(20_000);
  });
  it('backs off exponentially with full jitter and stops after maxRetries', async () => {
    const { client, clock } = harness({ retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 3000 } });
    standIn.faults.add({ path: '/user/profile', status: 502, times: Infinity });
    const error = await failure(client.users.profile());
    expect(error.kind).toBe('server');
    expect(error.status).toBe(502);
    expect(clock.sleeps).toEqual([500, 1000, 1500]);
    expect(calls('/user/profile')).toBe(4);
  });
  it('exhausted 429 keeps retryAfterSeconds', async () => {
    const { client } = harness({ retry: { maxRetries: 1 } });
    standIn.faults.add({ path: '/user/profile', status: 429, retryAfter: '30', times: Infinity });
    const error = await failure(client.users.profile());
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(30);
  });
  it('recovers from a reset connection', async () => {
    const { client } = harness();
    standIn.faults.add({ path: '/user/profile', reset: 'immediately' });
    expect((await client.users.profile()).user_id).toBe(standIn.seed.users.alice.id);
  });
  it('never retries a create', async () => {
    const { client, clock } = harness();
    standIn.faults.add({ method: 'POST', path: '/conversations/create', status: 503, retryAfter: '1' });
    const error = await failure(
      client.http.json({ method: 'POST', path: '/conversations/create', body: { conversation: { name: 'x', metadata: { members: [standIn.seed.users.alice.id] } } } }),
    );
    expect(error.kind).toBe('server');
    standIn.faults.add({ method: 'POST', path: '/conversations/create', reset: 'immediately' });
    expect((await failure(client.http.json({ method: 'POST', path: '/conversations/create', body: { conversation: {} } }))).kind).toBe('network');
    expect(calls('/conversations/create')).toBe(2);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('lenient parsing', () => {
  it('keeps extra fields from the server', async () => {
    const { client } = harness();
    const file = aliceFile();
    const real = await client.files.get(file.id);
    standIn.faults.add({
      path: `/files/${file.id}`,
      status: 200,
      body: { data: { ...real, hologram: { v: 2 }, metadata: { ...real.metadata, quantum: true } }, error: null, shard: 'eu-1' },
    });
    const tweaked = await client.files.get(file.id);
    expect(tweaked.hologram).toEqual({ v: 2 });
    expect(tweaked.metadata?.quantum).toBe(true);
    expect(tweaked.id).toBe(file.id);
  });
  it('a missing required field → invalid-response naming it', async () => {
    const { client } = harness();
    const page = await client.search.assets({ limit: 5 });
    const broken = page.items.map((item, i) => (i === 2 ? { ...item, id: undefined } : item));
    standIn.faults.add({ path: '/search/assets', status: 200, body: { data: broken, pagination: { offset: 0, limit: 5, hasMore: true } } });
    const error = await failure(client.search.assets({ limit: 5 }));
    expect(error.kind).toBe('invalid-response');
    expect(error.issues).toEqual(['data[2].id: expected string']);
  });
});

describe('browsing', () => {
  it('pages to the end of 20,000 seeded files with no duplicates', async () => {
    const { client } = harness();
    const seen = new Set<string>();
    let samples = 0;
    let total: number | undefined;
    let pages = 0;
    for await (const page of client.search.pages({ assetType: 'file', orgId: '', teamId: null })) {
      pages++;
      total ??= page.total;
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
        if (/^sample-\d{5}\.txt$/.test(item.name ?? '')) samples++;
      }
    }
    expect(samples).toBe(20_000);
    expect(seen.size).toBe(total);
    expect(pages).toBe(Math.ceil(seen.size / 200));
    const searches = standIn.log.filter((e) => e.path === '/search/assets');
    expect(searches.every((e) => e.query['limit'] === '200' && e.query['filters'] === '{"asset_type":"file"}')).toBe(true);
  }, 30_000);
  it('a text search returns hits for the seeded file', async () => {
    const { client } = harness();
    const file = aliceFile();
    const page = await client.search.assets({ query: file.name, assetType: 'file' });
    expect(page.items.some((a) => a.id === file.id)).toBe(true);
  });
  it('datasets: record, schema, stats and rows to the end', async () => {
    const { client } = harness();
    const seeded = standIn.seed.datasets.find((d) => isAlice(d.owner) && d.rows > 100 && d.rows <= 5_000);
    if (!seeded) throw new Error('no suitable seeded dataset');
    const dataset = await client.datasets.get(seeded.id);
    expect(dataset.id).toBe(seeded.id);
    const columns = await client.datasets.schema(seeded.id);
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.every((c) => c.name === c.column_name)).toBe(true);
    expect((await client.datasets.stats(seeded.id)).count).toBe(seeded.rows);
    let offset = 0;
    let rows = 0;
    for (;;) {
      const page = await client.datasets.rows(seeded.id, { offset, limit: 1000 });
      rows += page.rows.length;
      if (!page.hasMore) break;
      offset = page.nextOffset;
    }
    expect(rows).toBe(seeded.rows);
  });
  it('conversations: list, and all messages through the before cursor, oldest first', async () => {
    const { client } = harness();
    const list = await client.conversations.list({ limit: 50 });
    expect(list.items.length).toBeGreaterThan(0);
    const seeded = [...standIn.seed.conversations]
      .filter((c) => c.members.some(isAlice))
      .sort((a, b) => b.messageCount - a.messageCount)[0];
    if (!seeded) throw new Error('no conversation for alice');
    expect((await client.conversations.get(seeded.id)).id).toBe(seeded.id);
    const all: { id: string; created_at: string }[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await client.conversations.messages(seeded.id, { limit: 200, ...(before ? { before } : {}) });
      all.unshift(...page.messages);
      if (!page.hasMore || !page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(new Set(all.map((m) => m.id)).size).toBe(seeded.messageCount);
    const times = all.map((m) => Date.parse(m.created_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('downloads', () => {
  it('streams the seeded file to disk: same bytes as its content URL, name from Content-Disposition', async () => {
    const { client } = harness();
    const file = aliceFile();
    const dest = join(workDir, 'download-1.bin');
    const progress: number[] = [];
    const result = await client.files.downloadTo(file.id, dest, { onProgress: (p) => progress.push(p.bytes) });
    const bytes = await readFile(dest);
    expect(result.bytes).toBe(file.size);
    expect(bytes.length).toBe(file.size);
    expect(progress.at(-1)).toBe(file.size);
    expect(result.fileName?.toLowerCase().endsWith(`.${file.extension}`)).toBe(true);
    const url = await client.files.contentUrl(file.id);
    const direct = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(bytes.equals(direct)).toBe(true);
  });
  it('a connection reset mid-body → network and no partial file', async () => {
    const dir = await mkdtemp(join(workDir, 'reset-'));
    const { client } = harness({ retry: { maxRetries: 0 } });
    standIn.faults.add({ method: 'POST', path: `/assets/${aliceFile().id}/download`, reset: 'mid-body' });
    expect((await failure(client.files.downloadTo(aliceFile().id, join(dir, 'x.bin')))).kind).toBe('network');
    expect(await readdir(dir)).toEqual([]);
  });
  it('a reset mid-body is retried from the start (the download is a read)', async () => {
    const dir = await mkdtemp(join(workDir, 'retry-'));
    const { client } = harness();
    const file = aliceFile();
    standIn.faults.add({ method: 'POST', path: `/assets/${file.id}/download`, reset: 'mid-body' });
    const result = await client.files.downloadTo(file.id, join(dir, 'x.bin'));
    expect(result.bytes).toBe(file.size);
    expect(await readdir(dir)).toEqual(['x.bin']);
    expect(calls(`/assets/${file.id}/download`)).toBe(2);
  });
  it('a missing asset → not-found, nothing written', async () => {
    const dir = await mkdtemp(join(workDir, 'missing-'));
    const { client } = harness();
    const error = await failure(client.files.downloadTo('00000000-0000-4000-8000-00000000dead', join(dir, 'x.bin')));
    expect(error.kind).toBe('not-found');
    expect(await readdir(dir)).toEqual([]);
  });
  it('an aborted download → cancelled, nothing written', async () => {
    const dir = await mkdtemp(join(workDir, 'abort-'));
    const { client } = harness();
    await client.users.me();
    standIn.faults.add({ method: 'POST', path: `/assets/${aliceFile().id}/download`, latencyMs: 300 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    expect((await failure(client.files.downloadTo(aliceFile().id, join(dir, 'x.bin'), { signal: controller.signal }))).kind).toBe('cancelled');
    expect(await readdir(dir)).toEqual([]);
  });
});
