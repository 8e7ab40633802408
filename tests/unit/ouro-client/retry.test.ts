import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from '../../../electron/ouro/retry';
import { failure, json, setup } from './helpers';

const ok = () => json({ data: { id: 'f1', asset_type: 'file' } });
const status = (s: number, headers: Record<string, string> = {}) => () => json({ data: null, error: { message: `HTTP ${s}` } }, s, headers);

describe('backoff schedule', () => {
  const options = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };
  it('is full jitter: random() × min(maxDelay, base × 2^attempt)', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => retryDelay(a, undefined, options, () => 0.999999))).toEqual([499, 999, 1999, 3999, 7999, 7999]);
    expect(retryDelay(3, undefined, options, () => 0)).toBe(0);
    expect(retryDelay(2, undefined, options, () => 0.25)).toBe(500);
  });
  it('uses Retry-After as the delay, capped', () => {
    expect(retryDelay(0, 7_000, options, () => 0.1)).toBe(7_000);
    expect(retryDelay(0, 600_000, options, () => 0.1)).toBe(60_000);
  });
  it('parses Retry-After seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('retries of idempotent requests', () => {
  it('retries 429/502/503/504 with jittered exponential backoff', async () => {
    const randoms = [0.5, 0.25, 0.75, 0.1];
    const { client, server, clock } = setup({ random: () => randoms.shift() ?? 0, retry: { maxRetries: 4, baseDelayMs: 100, maxDelayMs: 10_000 } });
    server.queue('GET /files/f1', status(429), status(502), status(503), status(504));
    server.on('GET /files/f1', ok);
    await expect(client.files.get('f1')).resolves.toMatchObject({ id: 'f1' });
    expect(clock.sleeps).toEqual([50, 50, 300, 80]);
    expect(server.apiCalls).toHaveLength(5);
  });
  it('honours Retry-After in seconds', async () => {
    const { client, server, clock } = setup();
    server.queue('GET /files/f1', status(429, { 'retry-after': '7' }));
    server.on('GET /files/f1', ok);
    await client.files.get('f1');
    expect(clock.sleeps).toEqual([7_000]);
  });
  it('honours Retry-After as an HTTP date', async () => {
    const { client, server, clock } = setup();
    server.queue('GET /files/f1', () => json({ error: 'slow down' }, 503, { 'retry-after': new Date(clock.now() + 12_000).toUTCString() }));
    server.on('GET /files/f1', ok);
    await client.files.get('f1');
    expect(clock.sleeps).toEqual([12_000]);
  });
  it('stops after maxRetries and reports the last failure', async () => {
    const { client, server, clock } = setup({ retry: { maxRetries: 2 } });
    server.on('GET /files/f1', status(429, { 'retry-after': '2', 'x-request-id': 'rl-1' }));
    const error = await failure(client.files.get('f1'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(2);
    expect(error.requestId).toBe('rl-1');
    expect(server.apiCalls).toHaveLength(3);
    expect(clock.sleeps).toEqual([2000, 2000]);
  });
  it('retries network errors', async () => {
    const { client, server } = setup();
    server.queue('GET /files/f1', () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    });
    server.on('GET /files/f1', ok);
    await expect(client.files.get('f1')).resolves.toMatchObject({ id: 'f1' });
    expect(server.apiCalls).toHaveLength(2);
  });
  it('does not retry 500 or 4xx', async () => {
    for (const s of [500, 400, 404, 409]) {
      const { client, server, clock } = setup();
      server.on('GET /files/f1', status(s));
      await failure(client.files.get('f1'));
      expect(server.apiCalls).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
    }
  });
  it('retries the download POST, which is a read', async () => {
    const { client, server } = setup();
    const { mkdtemp, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'ouro-retry-'));
    server.queue('POST /assets/f1/download', status(503));
    server.on('POST /assets/f1/download', () => new Response('bytes', { headers: { 'content-disposition': 'attachment; filename="a.txt"' } }));
    await client.files.downloadTo('f1', join(dir, 'a.txt'));
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('bytes');
    expect(server.apiCalls).toHaveLength(2);
  });
});

describe('creates are never blindly retried', () => {
  it('a POST that creates is tried once on 503 and on a network error', async () => {
    const { server, clock } = setup();
    // The client's read API has no creates; exercise the pipeline the upload engine will use.
    const { createHttp } = await import('../../../electron/ouro/http');
    const http = createHttp({
      baseUrl: 'http://ouro.test',
      fetch: server.fetch,
      appVersion: '1',
      timeouts: { connectMs: 1000, totalMs: 1000, idleMs: 1000 },
      retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 10 },
      clock,
      random: () => 0.5,
    });
    server.on('POST /files/create', status(503, { 'retry-after': '1' }));
    expect((await failure(http.json({ method: 'POST', path: '/files/create', body: { file: {} } }))).kind).toBe('server');
    server.on('POST /conversations/create', () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    });
    expect((await failure(http.json({ method: 'POST', path: '/conversations/create', body: {} }))).kind).toBe('network');
    expect(server.calls.map((c) => c.path)).toEqual(['/files/create', '/conversations/create']);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('cancellation and timeouts', () => {
  it('an already-aborted signal → cancelled without a request', async () => {
    const { client, server } = setup();
    server.on('GET /files/f1', ok);
    const controller = new AbortController();
    controller.abort();
    expect((await failure(client.files.get('f1', { signal: controller.signal }))).kind).toBe('cancelled');
    expect(server.apiCalls).toHaveLength(0);
  });
  it('aborting in flight → cancelled, not retried', async () => {
    const { client, server } = setup();
    const controller = new AbortController();
    server.on('GET /files/f1', (call) => {
      setTimeout(() => controller.abort(), 5);
      return new Promise<Response>((_, reject) => call.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    });
    expect((await failure(client.files.get('f1', { signal: controller.signal }))).kind).toBe('cancelled');
    expect(server.apiCalls).toHaveLength(1);
  });
  it('aborting during the backoff wait → cancelled', async () => {
    const { client, server, clock } = setup();
    const controller = new AbortController();
    clock.sleep = async (_ms, signal) => {
      controller.abort();
      if (signal?.aborted) throw signal.reason;
    };
    server.on('GET /files/f1', status(503));
    expect((await failure(client.files.get('f1', { signal: controller.signal }))).kind).toBe('cancelled');
    expect(server.apiCalls).toHaveLength(1);
  });
  it('no headers within connectMs → timeout (not retried)', async () => {
    const { client, server } = setup({ timeouts: { connectMs: 30 } });
    server.on('GET /files/f1', (call) => new Promise<Response>((_, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason))));
    const started = Date.now();
    const error = await failure(client.files.get('f1'));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.apiCalls).toHaveLength(1);
  });
  it('a body that stalls past totalMs → timeout', async () => {
    const { client, server } = setup({ timeouts: { connectMs: 1000, totalMs: 40 } });
    server.on('GET /files/f1', (call) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":'));
          call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason));
        },
      });
      return new Response(body, { status: 200 });
    });
    expect((await failure(client.files.get('f1'))).kind).toBe('timeout');
  });
});
