import http from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../../electron/event-hub';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createLogger } from '../../electron/log';
import { testServices } from '../helpers/services';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../electron/web-host/server';

const TOKEN = 'test-token-0123456789abcdef';
let host: WebHost;
let origin: string;
const logLines: string[] = [];

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch, because the tests need to forge Host and Origin headers. */
function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const authed = () => ({ [TOKEN_HEADER]: TOKEN });
const ipcHeaders = () => ({ ...authed(), Origin: origin, 'Content-Type': 'application/json' });

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-web-host-'));
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Ouro</title></head><body></body></html>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'outside');
  await writeFile(path.join(dir, 'bridge.js'), '/* bridge */');
  const log = createLogger({ write: (_level, line) => logLines.push(line) });
  const events = createEventHub();
  const services = testServices({ appVersion: '1.0.0', apiBaseUrl: 'http://127.0.0.1:9', dataDir: dir, log, emit: events.emit });
  host = await startWebHost({ rendererDir, bridgeScript: path.join(dir, 'bridge.js'), dispatch: createDispatcher(services.handlers, log), events, token: TOKEN, log });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
});

describe('web host', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('refuses requests without the token', async () => {
    expect((await request('/')).status).toBe(401);
    expect((await request('/assets/app.js')).status).toBe(401);
    const ipc = await request('/__ouro/ipc/app:info', { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}' });
    expect(ipc.status).toBe(401);
    expect(ipc.body).not.toContain('"ok"');
  });

  it('refuses a wrong token', async () => {
    expect((await request('/?token=nope')).status).toBe(401);
    expect((await request('/', { headers: { [TOKEN_HEADER]: 'nope' } })).status).toBe(401);
    expect((await request('/', { headers: { Cookie: `ouro_web_${host.port}=nope` } })).status).toBe(401);
  });

  it('moves the URL token into an HttpOnly cookie and cleans the URL', async () => {
    const res = await request(`/?token=${TOKEN}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await request('/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/__ouro/bridge.js"></script>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    const res = await request('/', { headers: { ...authed(), Host: `evil.example:${host.port}` } });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await request('/__ouro/ipc/app:info', { method: 'POST', headers: { ...ipcHeaders(), Origin: 'http://evil.example' }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('refuses IPC without an Origin or without JSON', async () => {
    const noOrigin = await request('/__ouro/ipc/app:info', { method: 'POST', headers: { ...authed(), 'Content-Type': 'application/json' }, body: '{}' });
    expect(noOrigin.status).toBe(403);
    const form = await request('/__ouro/ipc/app:info', { method: 'POST', headers: { ...ipcHeaders(), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
  });

  it('carries IPC calls to the same dispatcher main uses', async () => {
    const res = await request('/__ouro/ipc/app:info', { method: 'POST', headers: ipcHeaders(), body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      data: { name: 'Ouro', version: '1.0.0', platform: 'linux', apiBaseUrl: 'http://127.0.0.1:9', host: 'web' },
    });
    const invalid = await request('/__ouro/ipc/app:info', { method: 'POST', headers: ipcHeaders(), body: '{"input":{"x":1}}' });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('answers malformed percent-encoding in the channel with 400, logging nothing', async () => {
    logLines.length = 0;
    for (const bad of ['%', '%E0%A4%A', 'app%3info%']) {
      const res = await request(`/__ouro/ipc/${bad}`, { method: 'POST', headers: ipcHeaders(), body: '{}' });
      expect(res.status, bad).toBe(400);
      expect(res.body).toBe('Bad channel name');
    }
    expect(logLines).toEqual([]);
  });

  it('refuses the old attacks at the contract: a path for uploads:add, an id that is not an Ouro id', async () => {
    const call = async (channel: string, input: unknown) =>
      JSON.parse((await request(`/__ouro/ipc/${channel}`, { method: 'POST', headers: ipcHeaders(), body: JSON.stringify({ input }) })).body) as {
        ok: boolean;
        error?: { kind: string; issues?: string[] };
      };
    const paths = await call('uploads:add', { paths: ['/etc/passwd'], staged: [], destination: { visibility: 'public' } });
    expect(paths).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(paths.error?.issues?.join(' ')).toMatch(/paths/);
    for (const id of ['..', '.', 'a/b', '\ud800', '../../user', '']) {
      expect(await call('files:get', { id }), JSON.stringify(id)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
  });

  it('serves assets but nothing outside the renderer folder', async () => {
    expect((await request('/assets/app.js', { headers: authed() })).status).toBe(200);
    expect((await request('/../secret.txt', { headers: authed() })).status).toBe(404);
    expect((await request('/%2e%2e/secret.txt', { headers: authed() })).status).toBe(404);
  });

  it('drag links are the only path served without the page token, and still check Host', async () => {
    // This host has no drag links wired: every token is unknown, and nothing else opens up.
    const unknown = await request('/__ouro/drag/0b9d3c4e-2f5a-4c1b-9e8d-7a6b5c4d3e2f');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatch(/expired/);
    expect((await request('/__ouro/drag/../index.html')).status).toBe(401);
    expect((await request('/__ouro/drag/0b9d3c4e-2f5a-4c1b-9e8d-7a6b5c4d3e2f', { method: 'POST' })).status).toBe(405);
    expect((await request('/__ouro/drag/0b9d3c4e-2f5a-4c1b-9e8d-7a6b5c4d3e2f', { headers: { Host: `evil.example:${host.port}` } })).status).toBe(403);
  });
});
