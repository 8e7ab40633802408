// The web host's staging endpoint: a dropped file's bytes reach the staging folder only with
// this run's token, the app's Origin and an octet-stream body, within the size limit; the token
// it returns can be claimed once, by the account that staged it; the copy sits under a name main
// generates (so any name stages), and a copy nobody queued is deleted after an hour.
import http from 'node:http';
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../../../electron/event-hub';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createLogger } from '../../../electron/log';
import { ABANDONED_AFTER_MS, createStaging, type Staging } from '../../../electron/uploads/staging';
import { startWebHost, STAGE_PATH, TOKEN_HEADER, type WebHost } from '../../../electron/web-host/server';
import { testServices } from '../../helpers/services';

const TOKEN = 'stage-token-0123456789abcdef';
let host: WebHost;
let origin: string;
let staging: Staging;
let now = 1_000_000;
const ACCOUNT = 'http://127.0.0.1:1#alice';

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
  staging = createStaging(dir, () => now);
  host = await startWebHost({
    rendererDir,
    bridgeScript: path.join(dir, 'bridge.js'),
    dispatch: createDispatcher(services.handlers, log),
    events,
    token: TOKEN,
    log,
    stage: (name, body) => staging.stage(name, body, 1000, ACCOUNT),
  });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
});

describe('POST /__ouro/stage', () => {
  const good = () => ({ [TOKEN_HEADER]: TOKEN, Origin: origin, 'Content-Type': 'application/octet-stream' });

  const stageOk = async (name: string, bytes = Buffer.from('bytes')) => {
    const response = await post(`?name=${encodeURIComponent(name)}`, bytes, good());
    expect(response.status).toBe(200);
    return (JSON.parse(response.body) as { ok: true; data: { staged: string; size: number } }).data;
  };

  it('streams the bytes into the staging folder under a generated name and returns a token for them', async () => {
    const result = await stageOk('photo one.png', Buffer.from('png bytes'));
    expect(result.size).toBe(9);
    const staged = await staging.claim(result.staged, ACCOUNT);
    expect(staged).toMatchObject({ name: 'photo one.png', size: 9, account: ACCOUNT });
    expect(path.relative(staging.dir, staged?.path ?? '')).toBe(path.join(result.staged, 'upload'));
    expect(await readFile(staged?.path ?? '', 'utf8')).toBe('png bytes');
    expect(staging.owns(staged?.path ?? '')).toBe(true);
    // Once only: a token cannot be queued twice.
    expect(await staging.claim(result.staged, ACCOUNT)).toBeNull();
    await staging.remove(staged?.path ?? '');
    expect(await readdir(staging.dir)).toEqual([]);
  });

  it('a token is only good for the account that staged it', async () => {
    const result = await stageOk('mine.txt');
    expect(await staging.claim(result.staged, 'http://127.0.0.1:1#bob')).toBeNull();
    expect(await staging.claim(result.staged, ACCOUNT)).not.toBeNull();
    await staging.dropPending();
  });

  it('any name stages: 300 UTF-8 bytes, 250 ASCII characters, bidi overrides — normalised, extension kept', async () => {
    const long = 'é'.repeat(150) + '.csv'; // 304 bytes
    const ascii = 'a'.repeat(250) + '.parquet';
    const bidi = 'invoice\u202Efdp.exe';
    for (const [name, expected] of [
      [long, 'é'.repeat(125) + '.csv'],
      [ascii, 'a'.repeat(247) + '.parquet'],
      [bidi, 'invoicefdp.exe'],
      ['../../etc/passwd', 'passwd'],
      ['e\u0301te\u0301.txt', '\u00e9t\u00e9.txt'],
    ] as const) {
      const result = await stageOk(name);
      const staged = await staging.claim(result.staged, ACCOUNT);
      expect(staged?.name).toBe(expected);
      expect(Buffer.byteLength(staged?.name ?? '')).toBeLessThanOrEqual(255);
    }
    await staging.sweep(new Set());
    expect(await readdir(staging.dir)).toEqual([]);
  });

  it('a copy staged and never queued is deleted after an hour, not before', async () => {
    const old = await stageOk('abandoned.txt');
    now += ABANDONED_AFTER_MS - 1;
    const fresh = await stageOk('fresh.txt');
    expect(await staging.sweepAbandoned()).toBe(0);
    now += 2;
    expect(await staging.sweepAbandoned()).toBe(1);
    expect(await readdir(staging.dir)).toEqual([fresh.staged]);
    expect(await staging.claim(old.staged, ACCOUNT)).toBeNull();
    expect(await staging.claim(fresh.staged, ACCOUNT)).not.toBeNull();
    await staging.sweep(new Set());
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

  it('a token that is not a uuid never reaches the file system', async () => {
    expect(await staging.claim('../../secret', ACCOUNT)).toBeNull();
  });
});
