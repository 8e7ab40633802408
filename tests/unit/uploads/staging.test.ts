// The web host's staging endpoint: a dropped file's bytes reach the staging folder only with
// this run's token, the app's Origin and an octet-stream body, within the size limit; the token
// it returns resolves to the staged copy, and the copy is removed once finished.
import http from 'node:http';
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../../../electron/event-hub';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createLogger } from '../../../electron/log';
import { createStaging, safeFileName, type Staging } from '../../../electron/uploads/staging';
import { startWebHost, STAGE_PATH, TOKEN_HEADER, type WebHost } from '../../../electron/web-host/server';
import { testServices } from '../../helpers/services';

const TOKEN = 'stage-token-0123456789abcdef';
let host: WebHost;
let origin: string;
let staging: Staging;

function post(query: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: `${STAGE_PATH}${query}`, method: 'POST', headers: { ...headers, 'Content-Length': String(body.length) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-stage-'));
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  await writeFile(path.join(dir, 'bridge.js'), '');
  const log = createLogger({ write: () => {} });
  const events = createEventHub();
  const services = testServices({ dataDir: dir, log, emit: events.emit });
  staging = createStaging(dir);
  host = await startWebHost({
    rendererDir,
    bridgeScript: path.join(dir, 'bridge.js'),
    dispatch: createDispatcher(services.handlers, log),
    events,
    token: TOKEN,
    log,
    stage: (name, body) => staging.stage(name, body, 1000),
  });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
});

describe('POST /__ouro/stage', () => {
  const good = () => ({ [TOKEN_HEADER]: TOKEN, Origin: origin, 'Content-Type': 'application/octet-stream' });

  it('streams the bytes into the staging folder and returns a token for them', async () => {
    const response = await post('?name=photo%20one.png', Buffer.from('png bytes'), good());
    expect(response.status).toBe(200);
    const result = JSON.parse(response.body) as { ok: true; data: { staged: string; size: number } };
    expect(result).toMatchObject({ ok: true, data: { size: 9 } });
    const file = await staging.resolve(result.data.staged);
    expect(path.basename(file ?? '')).toBe('photo one.png');
    expect(await readFile(file ?? '', 'utf8')).toBe('png bytes');
    expect(staging.owns(file ?? '')).toBe(true);
    await staging.remove(file ?? '');
    expect(await staging.resolve(result.data.staged)).toBeNull();
  });

  it('refuses without the token, without the Origin, from another Origin, or with another content type', async () => {
    const body = Buffer.from('x');
    expect((await post('?name=a', body, { ...good(), [TOKEN_HEADER]: 'wrong' })).status).toBe(401);
    const { Origin: _origin, ...noOrigin } = good();
    void _origin;
    expect((await post('?name=a', body, noOrigin)).status).toBe(403);
    expect((await post('?name=a', body, { ...good(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('?name=a', body, { ...good(), 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('', body, good())).status).toBe(400);
  });

  it('stops at the size limit and keeps nothing', async () => {
    const response = await post('?name=big.bin', Buffer.alloc(5000), good());
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    expect(await readdir(staging.dir)).toEqual([]);
  });

  it('names are one safe path segment', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(safeFileName('C:\\Users\\x\\doc.pdf')).toBe('doc.pdf');
  });

  it('a token that is not a uuid never reaches the file system', async () => {
    expect(await staging.resolve('../../secret')).toBeNull();
  });
});
