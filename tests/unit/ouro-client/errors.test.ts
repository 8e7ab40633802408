import { describe, expect, it } from 'vitest';
import { pathOf } from '../../../electron/ouro/http';
import { extractErrorMessage, envelopeStatusHint, kindForStatus, scrub } from '../../../electron/ouro/errors';
import { failure, json, setup } from './helpers';

describe('message extraction order (§2.2)', () => {
  it('uses error as a string first', () => {
    expect(extractErrorMessage({ data: null, error: 'Asset not found' }, 404)).toBe('Asset not found');
  });
  it('then error.message', () => {
    expect(extractErrorMessage({ error: { message: 'Asset abc not found', detail: 'x', error: 'y', status: 404 } }, 404)).toBe('Asset abc not found');
  });
  it('then error.detail as a string', () => {
    expect(extractErrorMessage({ error: { detail: 'bad thing', error: 'y' } }, 400)).toBe('bad thing');
  });
  it('then error.detail as a list of {loc,msg}', () => {
    expect(
      extractErrorMessage({ error: { detail: [{ loc: ['body', 'name'], msg: 'field required' }, { loc: ['query', 'limit'], msg: 'too big' }] } }, 422),
    ).toBe('body.name: field required; query.limit: too big');
  });
  it('then error.error', () => {
    expect(extractErrorMessage({ error: { error: 'inner', code: 'x' } }, 400)).toBe('inner');
  });
  it('then the stringified object', () => {
    expect(extractErrorMessage({ error: { code: '42703', hint: 'h' } }, 400)).toBe('{"code":"42703","hint":"h"}');
  });
  it('runs on the whole body when there is no error key', () => {
    expect(extractErrorMessage({ detail: [{ loc: ['body', 'name'], msg: 'field required' }] }, 422)).toBe('body.name: field required');
    expect(extractErrorMessage({ message: 'top-level' }, 400)).toBe('top-level');
  });
  it('falls back to HTTP <status>', () => {
    expect(extractErrorMessage({}, 502)).toBe('HTTP 502');
    expect(extractErrorMessage(null, 500)).toBe('HTTP 500');
    expect(extractErrorMessage({ error: '   ' }, 418)).toBe('HTTP 418');
  });
  it('reads status hints as numbers or digit strings', () => {
    expect(envelopeStatusHint({ status: 404 })).toBe(404);
    expect(envelopeStatusHint({ statusCode: '403' })).toBe(403);
    expect(envelopeStatusHint({ statusCode: 'forbidden' })).toBeUndefined();
    expect(envelopeStatusHint('oops')).toBeUndefined();
    expect(envelopeStatusHint({ status: 1234 })).toBeUndefined();
  });
  it('scrubs known secrets and anything JWT-shaped', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    expect(scrub(`bad key secret-key-123456 and token ${jwt}`, ['secret-key-123456'])).toBe('bad key [redacted] and token [redacted]');
  });
});

describe('status → kind', () => {
  const cases: [number, string][] = [
    [400, 'bad-request'],
    // 401 after the client's one re-exchange: Ouro accepted the key a moment ago (see below).
    [401, 'server'],
    [402, 'request-failed'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [413, 'too-large'],
    [422, 'bad-request'],
    [429, 'rate-limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [504, 'server'],
    [599, 'server'],
  ];
  it.each(cases)('HTTP %i → %s (through the client)', async (status, kind) => {
    const { client, server } = setup({ retry: { maxRetries: 0 } });
    server.on('GET /files/f1', () =>
      json({ data: null, error: { message: `failed with ${status}`, status } }, status, { 'x-request-id': `req-${status}` }),
    );
    const error = await failure(client.files.get('f1'));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.requestId).toBe(`req-${status}`);
    expect(error.message).toContain(`failed with ${status}`);
  });
  it('a bare 401 is unauthorized; only the exchange decides the key is refused', () => {
    expect(kindForStatus(401)).toBe('unauthorized');
  });
  it('maps undocumented statuses sensibly', () => {
    expect(kindForStatus(418)).toBe('request-failed');
    expect(kindForStatus(408)).toBe('timeout');
    expect(kindForStatus(304)).toBe('invalid-response');
  });
});

describe('200 with an error envelope (legacy)', () => {
  it.each([
    [{ status: 404 }, 'not-found', 404],
    [{ status: '404' }, 'not-found', 404],
    [{ statusCode: 403 }, 'forbidden', 403],
    [{ statusCode: '403' }, 'forbidden', 403],
    [{ status: 409 }, 'conflict', 409],
  ])('error %j → %s', async (hint, kind, status) => {
    const { client, server } = setup();
    server.on('GET /files/f1', () => json({ data: null, error: { message: 'Nope', ...hint } }, 200, { 'x-request-id': 'rid-200' }));
    const error = await failure(client.files.get('f1'));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toBe('Nope');
    expect(error.requestId).toBe('rid-200');
  });
  it('without a hint it is request-failed with status 200', async () => {
    const { client, server } = setup();
    server.on('GET /files/f1', () => json({ data: null, error: 'Asset not found' }));
    const error = await failure(client.files.get('f1'));
    expect(error.kind).toBe('request-failed');
    expect(error.status).toBe(200);
    expect(error.message).toBe('Asset not found');
  });
  it('keeps Ouro codes in the message', async () => {
    const { client, server } = setup();
    server.on('GET /files/f1', () => json({ data: null, error: { name: 'HttpError', message: 'Asset abc not found', status: 404, code: 'asset_not_found' } }, 404));
    const error = await failure(client.files.get('f1'));
    expect(error.message).toBe('Asset abc not found (asset_not_found)');
  });
  it('a 200 hinting 401 re-exchanges like a real 401', async () => {
    const { client, server } = setup();
    server.queue('GET /user', () => json({ data: null, error: { message: 'JWT expired', statusCode: '401' } }));
    server.on('GET /user', () => json({ data: { id: 'u' } }));
    await expect(client.users.me()).resolves.toMatchObject({ id: 'u' });
    expect(server.exchanges).toBe(2);
  });
});

describe('non-JSON bodies', () => {
  it('an HTML 413 page maps by status and is never shown', async () => {
    const { client, server } = setup();
    server.on('GET /files/f1', () => new Response('<html><body><h1>413 Request Entity Too Large</h1></body></html>', { status: 413, headers: { 'content-type': 'text/html' } }));
    const error = await failure(client.files.get('f1'));
    expect(error.kind).toBe('too-large');
    expect(error.status).toBe(413);
    expect(error.message).toBe('HTTP 413');
  });
  it('an HTML 502 from a proxy is server', async () => {
    const { client, server } = setup({ retry: { maxRetries: 0 } });
    server.on('GET /files/f1', () => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect((await failure(client.files.get('f1'))).kind).toBe('server');
  });
  it('a 200 that is not JSON is invalid-response', async () => {
    const { client, server } = setup();
    server.on('GET /files/f1', () => new Response('<html>login</html>', { status: 200, headers: { 'x-request-id': 'r1' } }));
    const error = await failure(client.files.get('f1'));
    expect(error.kind).toBe('invalid-response');
    expect(error.requestId).toBe('r1');
  });
});

describe('transport failures', () => {
  it('refused / reset / DNS → network', async () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND']) {
      const { client, server } = setup({ retry: { maxRetries: 0 } });
      server.on('GET /files/f1', () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
      });
      const error = await failure(client.files.get('f1'));
      expect(error.kind).toBe('network');
      expect(error.message).toContain(code);
    }
  });
  it('Electron net errors → network', async () => {
    const { client, server } = setup({ retry: { maxRetries: 0 } });
    server.on('GET /files/f1', () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    });
    const error = await failure(client.files.get('f1'));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('net::ERR_INTERNET_DISCONNECTED');
  });
  it('a body cut mid-way → network', async () => {
    const { client, server } = setup({ retry: { maxRetries: 0 } });
    server.on('GET /files/f1', () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data": {"id": '));
          controller.error(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }));
        },
      });
      return new Response(body, { status: 200 });
    });
    expect((await failure(client.files.get('f1'))).kind).toBe('network');
  });
});

describe('ids in API paths', () => {
  it('are encoded, and an id that would change the path is refused', () => {
    expect(pathOf`/files/${'a b/c'}`).toBe('/files/a%20b%2Fc');
    for (const id of ['..', '.', '', '\ud800']) expect(() => pathOf`/files/${id}`, JSON.stringify(id)).toThrow(/Not a valid Ouro id/);
  });
});
