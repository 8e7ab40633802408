import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../stand-in/index';
import { apiFor, type Api, type Envelope } from './helpers';

let s: StandIn;
let alice: Api;
beforeAll(async () => {
  s = await startStandIn({ quiet: true });
  alice = await apiFor(s);
});
afterEach(() => {
  s.faults.clear();
});
afterAll(async () => {
  await s.close();
});

/** Raw GET that reports how the response ended (fetch hides truncation details). */
function rawGet(url: string, token: string): Promise<{ status: number; headersReceived: boolean; bytes: number; error?: string }> {
  return new Promise((resolve) => {
    let status = 0;
    let bytes = 0;
    const req = request(url, { headers: { Authorization: token } }, (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status, headersReceived: true, bytes }));
      res.on('error', (e) => resolve({ status, headersReceived: true, bytes, error: e.message }));
      res.on('aborted', () => resolve({ status, headersReceived: true, bytes, error: 'aborted' }));
    });
    req.on('error', (e) => resolve({ status, headersReceived: status > 0, bytes, error: e.message }));
    req.end();
  });
}

describe('status faults', () => {
  it('answers a status with a realistic default body, once by default, with x-request-id', async () => {
    s.faults.add({ method: 'GET', path: '/user', status: 503 });
    expect(s.faults.pending()).toBe(1);
    const first = await alice.json<{ error: { status: number } }>('/user');
    expect(first.status).toBe(503);
    expect(first.body.error.status).toBe(503);
    expect(first.headers.get('x-request-id')).toBeTruthy();
    expect(s.faults.pending()).toBe(0);
    expect((await alice.get('/user')).status).toBe(200);
  });

  it('honours times, method and prefix paths', async () => {
    s.faults.add({ path: '/files/*', status: 500, times: 2 });
    s.faults.add({ method: 'POST', path: '/user', status: 418 });
    const file = s.seed.files[0]?.id ?? '';
    expect((await alice.get(`/files/${file}`)).status).toBe(500);
    expect((await alice.get(`/files/${file}/metadata`)).status).toBe(500);
    expect((await alice.get(`/files/${file}`)).status).toBe(200);
    expect((await alice.get('/user')).status).toBe(200); // method does not match
    expect(s.faults.pending()).toBe(1);
  });

  it('sends custom bodies, headers and Retry-After', async () => {
    s.faults.add({ path: '/user', status: 429, retryAfter: '2', headers: { 'X-RateLimit-Remaining': '0' } });
    const limited = await alice.get('/user');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toMatchObject({ data: null, error: { status: 429 } });
    s.faults.add({ path: '/user', status: 403, body: { data: null, error: { message: 'Forbidden', statusCode: '403' } } });
    expect(await (await alice.get('/user')).json()).toEqual({ data: null, error: { message: 'Forbidden', statusCode: '403' } });
    s.faults.add({ path: '/user', status: 400 });
    expect(await (await alice.get('/user')).json()).toHaveProperty('detail');
    const date = new Date(Date.now() + 60_000).toUTCString();
    s.faults.add({ path: '/user', status: 503, retryAfter: date });
    expect((await alice.get('/user')).headers.get('retry-after')).toBe(date);
  });

  it('answers HTTP 200 envelope errors', async () => {
    s.faults.add({ path: '/user', envelopeError: { status: 403, message: 'Not allowed' } });
    const res = await alice.json('/user');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: null, error: { status: 403, message: 'Not allowed' } });
    s.faults.add({ path: '/user', envelopeError: { statusCode: '404', message: 'Gone' } });
    expect((await alice.json('/user')).body).toEqual({ data: null, error: { statusCode: '404', message: 'Gone' } });
  });
});

describe('latency and resets', () => {
  it('adds latency to an otherwise successful response', async () => {
    s.faults.add({ path: '/user', latencyMs: 300 });
    const started = performance.now();
    const res = await alice.get('/user');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(s.log.at(-1)?.durationMs).toBeGreaterThanOrEqual(290);
  });

  it('resets the socket immediately', async () => {
    s.faults.add({ path: '/user', reset: 'immediately' });
    const res = await rawGet(`${s.url}/user`, alice.token);
    expect(res.headersReceived).toBe(false);
    expect(res.error).toBeTruthy();
    await expect(fetch(`${s.url}/user`, { headers: { Authorization: alice.token } }).then((r) => r.status)).resolves.toBe(200);
    expect(s.log.find((e) => e.path === '/user' && e.status === 0)).toBeTruthy();
  });

  it('resets mid-body after sending headers and part of the body', async () => {
    const bin = s.seed.files.find((f) => f.name === 'detector-dump.bin');
    s.faults.add({ path: `/assets/${bin?.id ?? ''}/download`, reset: 'mid-body' });
    const download = await fetch(`${s.url}/assets/${bin?.id ?? ''}/download`, { method: 'POST', headers: { Authorization: alice.token } });
    expect(download.status).toBe(200);
    await expect(download.arrayBuffer()).rejects.toThrow();
    s.faults.add({ path: '/user', reset: 'mid-body' });
    const json = await rawGet(`${s.url}/user`, alice.token);
    expect(json.status).toBe(200);
    expect(json.error).toBeTruthy();
    expect(json.bytes).toBeGreaterThan(0);
    s.faults.add({ path: '/user', status: 500, reset: 'mid-body' });
    const failed = await rawGet(`${s.url}/user`, alice.token);
    expect(failed.status).toBe(500);
    expect(failed.error).toBeTruthy();
  });

  it('rejects invalid specs', () => {
    expect(() => s.faults.add({ path: '/user', reset: 'sometimes' as 'immediately' })).toThrow();
    expect(() => s.faults.add({ path: '' })).toThrow();
  });
});

describe('control endpoints', () => {
  it('manages faults, config, log, revoke, uploads and seed over HTTP (and are not logged)', async () => {
    s.clearLog();
    const add = await fetch(`${s.url}/__stand-in/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '/user', status: 502, times: 3 }) });
    expect(((await add.json()) as Envelope<{ pending: number }>).data.pending).toBe(3);
    expect((await alice.get('/user')).status).toBe(502);
    const bad = await fetch(`${s.url}/__stand-in/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 500 }) });
    expect(bad.status).toBe(400);
    await fetch(`${s.url}/__stand-in/faults`, { method: 'DELETE' });
    expect(s.faults.pending()).toBe(0);
    expect((await alice.get('/user')).status).toBe(200);

    const log = ((await (await fetch(`${s.url}/__stand-in/log`)).json()) as Envelope<{ path: string; status: number }[]>).data;
    expect(log.map((e) => [e.path, e.status])).toEqual([
      ['/user', 502],
      ['/user', 200],
    ]);

    await fetch(`${s.url}/__stand-in/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ bodyLimitBytes: 10 }) });
    expect((await alice.post('/files/upload', { file_name: 'a.txt', file_base64: 'aGVsbG8gd29ybGQ=' })).status).toBe(413);
    await fetch(`${s.url}/__stand-in/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ bodyLimitBytes: null, tokenTtlSeconds: 120 }) });
    const up = await alice.post('/files/upload', { file_name: 'a.txt', file_base64: 'aGVsbG8gd29ybGQ=' });
    expect(up.status).toBe(200);
    const uploads = ((await (await fetch(`${s.url}/__stand-in/uploads`)).json()) as Envelope<{ fileName: string; size: number }[]>).data;
    expect(uploads.at(-1)).toMatchObject({ fileName: 'a.txt', size: 11 });
    const tokenRes = await fetch(`${s.url}/users/get-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pat: s.apiKey }) });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(120);

    const seed = ((await (await fetch(`${s.url}/__stand-in/seed`)).json()) as Envelope<{ apiKey: string; users: { alice: { id: string } } }>).data;
    expect(seed.apiKey).toBe(s.apiKey);
    expect(seed.users.alice.id).toBe(s.seed.users.alice.id);

    const bob = await apiFor(s, s.otherApiKey);
    await fetch(`${s.url}/__stand-in/revoke`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key: s.otherApiKey }) });
    expect((await bob.get('/user')).status).toBe(401);
    expect(s.log.every((e) => !e.path.startsWith('/__stand-in/'))).toBe(true);
  });
});
