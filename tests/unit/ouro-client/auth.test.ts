import { describe, expect, it } from 'vitest';
import { jwtExpiryMs } from '../../../electron/ouro/token';
import { API_KEY, failure, json, makeJwt, profile, setup, user } from './helpers';

const me = () => json({ data: user });

describe('key exchange and headers', () => {
  it('exchanges {pat} without Authorization, then sends the bare JWT and client headers', async () => {
    const { client, server } = setup();
    server.on('GET /user', me);
    await client.users.me();
    const [exchange, call] = server.calls;
    expect(exchange?.method).toBe('POST');
    expect(exchange?.path).toBe('/users/get-token');
    expect(exchange?.body).toEqual({ pat: API_KEY });
    expect(exchange?.headers.get('authorization')).toBeNull();
    expect(exchange?.headers.get('content-type')).toBe('application/json');
    expect(call?.headers.get('authorization')).toBe(server.currentToken);
    expect(call?.headers.get('authorization')).not.toMatch(/^Bearer /);
    expect(call?.headers.get('user-agent')).toBe('ouro-desktop/1.2.3');
    expect(call?.headers.get('x-ouro-client')).toBe('ouro-desktop/1.2.3');
    expect(call?.headers.get('x-ouro-key-name')).toBe('laptop-key');
    expect(call?.headers.get('content-type')).toBeNull();
  });
  it('omits X-Ouro-Key-Name when the exchange returns none; encodes non-ASCII names', async () => {
    const a = setup({ server: { keyName: null } });
    a.server.on('GET /user', me);
    await a.client.users.me();
    expect(a.server.apiCalls[0]?.headers.get('x-ouro-key-name')).toBeNull();
    const b = setup({ server: { keyName: 'clé portable' } });
    b.server.on('GET /user', me);
    await b.client.users.me();
    expect(b.server.apiCalls[0]?.headers.get('x-ouro-key-name')).toBe('cl%C3%A9%20portable');
  });
  it('reuses the token across calls', async () => {
    const { client, server } = setup();
    server.on('GET /user', me);
    await client.users.me();
    await client.users.me();
    expect(server.exchanges).toBe(1);
  });
  it('concurrent calls share one in-flight exchange', async () => {
    const { client, server } = setup();
    server.on('GET /user', me);
    await Promise.all(Array.from({ length: 8 }, () => client.users.me()));
    expect(server.exchanges).toBe(1);
  });
  it('decodes exp from the JWT payload without checking the signature', () => {
    expect(jwtExpiryMs(makeJwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
    expect(jwtExpiryMs(makeJwt({ sub: 'x' }))).toBeUndefined();
    expect(jwtExpiryMs('not-a-jwt')).toBeUndefined();
    expect(jwtExpiryMs('a.%%%.c')).toBeUndefined();
  });
});

describe('proactive re-exchange at exp − 300 s', () => {
  it('re-exchanges once now >= exp − 300 s, not before', async () => {
    const { client, server, clock } = setup({ server: { tokenTtlSeconds: 3600 } });
    server.on('GET /user', me);
    await client.users.me();
    const first = server.currentToken;
    clock.t += (3600 - 301) * 1000;
    await client.users.me();
    expect(server.exchanges).toBe(1);
    clock.t += 1000; // exactly exp − 300 s
    await client.users.me();
    expect(server.exchanges).toBe(2);
    expect(server.apiCalls.at(-1)?.headers.get('authorization')).not.toBe(first);
    expect(server.apiCalls.at(-1)?.headers.get('authorization')).toBe(server.currentToken);
  });
  it('never refreshes proactively a token without exp', async () => {
    const { client, server, clock } = setup({ server: { tokenTtlSeconds: null } });
    server.on('GET /user', me);
    await client.users.me();
    clock.t += 365 * 24 * 3600 * 1000;
    await client.users.me();
    expect(server.exchanges).toBe(1);
  });
  it('keeps the still-valid token when the early refresh hits a network error', async () => {
    const { client, server, clock } = setup({ retry: { maxRetries: 0 } });
    server.on('GET /user', me);
    await client.users.me();
    const token = server.currentToken;
    clock.t += 3400 * 1000;
    server.queue('POST /users/get-token', () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    });
    await client.users.me();
    expect(server.apiCalls.at(-1)?.headers.get('authorization')).toBe(token);
  });
});

describe('reactive re-exchange after a 401', () => {
  it('re-exchanges once and repeats the request', async () => {
    const { client, server, unauthorized } = setup();
    server.queue('GET /user', () => json({ data: null, error: { message: 'JWT expired', status: 401 } }, 401));
    server.on('GET /user', me);
    await expect(client.users.me()).resolves.toMatchObject({ id: 'user-1' });
    expect(server.calls.map((c) => c.path)).toEqual(['/users/get-token', '/user', '/users/get-token', '/user']);
    expect(server.apiCalls[1]?.headers.get('authorization')).toBe(server.tokens[1]);
    expect(unauthorized.count).toBe(0);
  });
  it('a second 401 after a fresh exchange is a server error with its request id: nobody is signed out', async () => {
    const { client, server, unauthorized } = setup();
    server.on('GET /user', () => json({ data: null, error: 'Unauthorized' }, 401, { 'x-request-id': 'r401' }));
    const error = await failure(client.users.me());
    expect(error.kind).toBe('server');
    expect(error.status).toBe(401);
    expect(error.requestId).toBe('r401');
    expect(unauthorized.count).toBe(0);
    expect(server.exchanges).toBe(2);
    expect(server.apiCalls).toHaveLength(2);
  });
  it('a refusal at /users/get-token itself (401, or 403 "invalid key") → unauthorized and onUnauthorized', async () => {
    for (const refusal of [
      () => json({ error: 'Invalid API key' }, 401),
      () => json({ data: null, error: { message: 'Invalid API key', status: 403 } }, 403),
    ]) {
      const { client, server, unauthorized } = setup();
      server.on('GET /user', () => json({ error: 'Unauthorized' }, 401));
      server.on('POST /users/get-token', refusal);
      const error = await failure(client.users.me());
      expect(error.kind).toBe('unauthorized');
      expect(unauthorized.count).toBe(1);
    }
  });
  it('any other 403 at the exchange is not a refused key: forbidden, nobody signed out', async () => {
    const { client, server, unauthorized } = setup({ retry: { maxRetries: 0 } });
    server.on('POST /users/get-token', () => json({ error: { message: 'Requests from your network are blocked' } }, 403));
    const error = await failure(client.users.me());
    expect(error.kind).toBe('forbidden');
    expect(unauthorized.count).toBe(0);
  });
  it('even a create is repeated after a 401 (the server did nothing)', async () => {
    const { server, clock } = setup();
    const { createHttp } = await import('../../../electron/ouro/http');
    const { createSession } = await import('../../../electron/ouro/session');
    const { exchangeKey } = await import('../../../electron/ouro/token');
    const deps = {
      baseUrl: 'http://ouro.test',
      fetch: server.fetch,
      appVersion: '1',
      timeouts: { connectMs: 1000, totalMs: 1000, idleMs: 1000 },
      retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 10 },
      clock,
      random: () => 0.5,
    };
    const session = createSession({ exchange: (key) => exchangeKey(createHttp(deps), key), getApiKey: () => API_KEY, clock });
    const http = createHttp({ ...deps, session });
    server.queue('POST /files/create', () => json({ error: 'expired' }, 401));
    server.on('POST /files/create', () => json({ data: { id: 'new' } }));
    await expect(http.json({ method: 'POST', path: '/files/create', body: {} })).resolves.toMatchObject({ body: { data: { id: 'new' } } });
    expect(server.apiCalls).toHaveLength(2);
  });
  it('concurrent 401s share one re-exchange', async () => {
    const { client, server, unauthorized } = setup();
    server.on('GET /user', (call) => (call.headers.get('authorization') === server.tokens[0] ? json({ error: 'expired' }, 401) : me()));
    await Promise.all(Array.from({ length: 6 }, () => client.users.me()));
    expect(server.exchanges).toBe(2);
    expect(server.apiCalls).toHaveLength(12);
    expect(unauthorized.count).toBe(0);
  });
});

describe('failed exchanges', () => {
  it('HTTP 401 → unauthorized and onUnauthorized', async () => {
    const { client, server, unauthorized } = setup({ getApiKey: () => 'revoked-key-0000000000' });
    server.on('GET /user', me);
    const error = await failure(client.users.me());
    expect(error.kind).toBe('unauthorized');
    expect(unauthorized.count).toBe(1);
    expect(server.apiCalls).toHaveLength(0);
  });
  it('200 with a truthy error (string or object) → unauthorized', async () => {
    for (const err of ['Invalid API key', { message: 'Invalid API key' }]) {
      const { client, server } = setup();
      server.on('POST /users/get-token', () => json({ error: err }));
      const error = await failure(client.users.me());
      expect(error.kind).toBe('unauthorized');
      expect(error.message).toContain('Invalid API key');
    }
  });
  it('missing access_token → unauthorized', async () => {
    const { client, server } = setup();
    server.on('POST /users/get-token', () => json({ refresh_token: 'x', error: null }));
    expect((await failure(client.users.me())).kind).toBe('unauthorized');
  });
  it('a network failure during the exchange is network and does not sign out', async () => {
    const { client, server, unauthorized } = setup({ retry: { maxRetries: 1 } });
    server.on('POST /users/get-token', () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    });
    expect((await failure(client.users.me())).kind).toBe('network');
    expect(unauthorized.count).toBe(0);
    expect(server.calls).toHaveLength(2);
  });
  it('no stored key → not-signed-in, nothing sent', async () => {
    const { client, server } = setup({ getApiKey: async () => null });
    expect((await failure(client.users.me())).kind).toBe('not-signed-in');
    expect(server.calls).toHaveLength(0);
  });
  it('reset() drops the token', async () => {
    const { client, server } = setup();
    server.on('GET /user', me);
    await client.users.me();
    client.reset();
    await client.users.me();
    expect(server.exchanges).toBe(2);
  });
});

describe('verifyKey', () => {
  it('exchanges the candidate and reads /user and /user/profile without caching anything', async () => {
    const candidate = 'candidate-key-1234567890abcdef';
    const { client, server } = setup({ server: { validKeys: [API_KEY, candidate] } });
    server.on('GET /user', me);
    server.on('GET /user/profile', () => json({ data: profile }));
    const result = await client.verifyKey(candidate);
    expect(result).toMatchObject({ user: { id: 'user-1' }, profile: { username: 'alice' }, keyName: 'laptop-key' });
    expect(server.calls[0]?.body).toEqual({ pat: candidate });
    const verifyToken = server.currentToken;
    await client.users.me();
    expect(server.calls.at(-2)?.body).toEqual({ pat: API_KEY });
    expect(server.calls.at(-1)?.headers.get('authorization')).not.toBe(verifyToken);
  });
  it('a refused candidate → unauthorized, without onUnauthorized', async () => {
    const { client, unauthorized } = setup();
    const error = await failure(client.verifyKey('wrong-key-abcdef0123456789'));
    expect(error.kind).toBe('unauthorized');
    expect(unauthorized.count).toBe(0);
  });
  it('a 401 on GET /user right after a good exchange is a server error, not a refused key', async () => {
    const { client, server, unauthorized } = setup();
    server.on('GET /user', () => json({ error: 'Unauthorized' }, 401, { 'x-request-id': 'req-odd' }));
    server.on('GET /user/profile', () => json({ data: profile }));
    const error = await failure(client.verifyKey(API_KEY));
    expect(error).toMatchObject({ kind: 'server', status: 401, requestId: 'req-odd' });
    expect(unauthorized.count).toBe(0);
  });
});

describe('no key or JWT in any error message', () => {
  it('scrubs a key echoed by the exchange and a token echoed by an endpoint', async () => {
    const { client, server } = setup({ retry: { maxRetries: 0 } });
    server.queue('POST /users/get-token', () => json({ error: `Key ${API_KEY} is not valid` }, 401));
    const exchangeError = await failure(client.users.me());
    expect(exchangeError.message).not.toContain(API_KEY);
    expect(exchangeError.message).toContain('[redacted]');

    server.on('GET /user', (call) => json({ error: { message: `token ${call.headers.get('authorization') ?? ''} is malformed` } }, 400));
    const error = await failure(client.users.me());
    expect(error.kind).toBe('bad-request');
    for (const token of server.tokens) expect(error.message).not.toContain(token);
    expect(error.message).toContain('[redacted]');

    server.on('GET /user/profile', (call) => json({ detail: [{ loc: ['header', call.headers.get('authorization')], msg: `bad ${API_KEY}` }] }, 422));
    const detailError = await failure(client.users.profile());
    expect(detailError.message).not.toContain(API_KEY);
    for (const token of server.tokens) expect(detailError.message).not.toContain(token);
    expect(JSON.stringify(detailError.toData())).not.toMatch(/eyJ/);
  });
  it('never logs the key or the token', async () => {
    const { client, server, logs } = setup();
    server.queue('GET /user', () => json({ error: 'expired' }, 401));
    server.on('GET /user', me);
    await client.users.me();
    const all = logs.join('\n');
    expect(all).not.toContain(API_KEY);
    for (const token of server.tokens) expect(all).not.toContain(token);
    expect(logs.length).toBeGreaterThan(0);
  });
});
