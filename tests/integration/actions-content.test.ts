// Replacing a file's content, replying in conversations, the Downloads list and drag out, against
// the stand-in through the handlers the app binds: new bytes land under the same id (also through
// the pre-0.11.4 fallback), a failed send retried with its id is stored exactly once, a bulk
// download never overwrites ("name (2).ext"), and the web host's drag links serve the right
// bytes to anyone holding a fresh token and nothing to anyone else.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadsDelta } from '../../shared/actions';
import { AppError } from '../../shared/app-error';
import type { EventName, EventPayload } from '../../shared/contract';
import type { HandlerContext } from '../../electron/ipc/handlers';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createEventHub } from '../../electron/event-hub';
import { createLogger } from '../../electron/log';
import { createOuroClient, type OuroClient } from '../../electron/ouro/client';
import type { MainServices, ServiceDeps } from '../../electron/services';
import { startWebHost, type WebHost } from '../../electron/web-host/server';
import { grantedHandles, memorySecretStore, signedInServices, testServices } from '../helpers/services';
import { faultPresets } from '../stand-in/fault-presets';
import { startStandIn, type StandIn } from '../stand-in/index';

let standIn: StandIn;
let witness: OuroClient;
let workDir: string;
const running: MainServices[] = [];
const web: HandlerContext = { host: 'web' };
const log = createLogger({ write: () => {} });

beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-content-it-'));
  witness = createOuroClient({ baseUrl: standIn.url, fetch: globalThis.fetch, appVersion: 'witness', getApiKey: () => standIn.apiKey });
});
afterEach(async () => {
  standIn.faults.clear();
  for (const services of running.splice(0)) await services.dispose();
});
afterAll(() => standIn.close());

type Emitted = { event: EventName; payload: unknown }[];

async function signedIn(overrides: Partial<ServiceDeps> = {}): Promise<MainServices & { emitted: Emitted }> {
  const emitted: Emitted = [];
  const services = await signedInServices(standIn, running, {
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void emitted.push({ event, payload }),
    ...overrides,
  });
  return Object.assign(services, { emitted });
}

function localFile(name: string, bytes: Buffer | string): string {
  const folder = path.join(workDir, randomUUID());
  mkdirSync(folder);
  writeFileSync(path.join(folder, name), bytes);
  return path.join(folder, name);
}

async function newFile(services: MainServices, name: string, bytes: Buffer | string): Promise<string> {
  await services.uploads.add({ granted: await grantedHandles(services, [localFile(name, bytes)]), staged: [], destination: { visibility: 'private' } });
  const mine = () => services.uploads.list().items.filter((i) => i.name === name && i.kind === 'file').at(-1);
  await expect.poll(() => mine()?.state, { timeout: 15_000 }).toBe('done');
  return mine()?.assetId ?? '';
}

/** The bytes Ouro serves for an asset, read by the independent client. */
async function bytesOnStandIn(id: string, assetType: 'file' | 'dataset' = 'file'): Promise<Buffer> {
  const target = path.join(workDir, `${randomUUID()}.out`);
  if (assetType === 'file') await witness.files.downloadTo(id, target);
  else await witness.datasets.exportTo(id, target);
  return readFileSync(target);
}

async function failure(promise: unknown): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const seededFile = (name: string) => standIn.seed.files.find((f) => f.name === name) ?? { id: '' };

describe('replacing a file’s content', () => {
  it('streams the new bytes with PUT /files/{id}/content as a replace item; the id and name stay', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'report.txt', 'first draft\n');
    const next = randomBytes(300_001);
    const since = standIn.log.length;
    const { uploadId } = await services.handlers['files:replace-content']({ id, granted: await grantedHandles(services, [localFile('report-v2.bin', next)]), staged: [] }, web);
    const item = () => services.uploads.list().items.find((i) => i.id === uploadId);
    expect(item()).toMatchObject({ kind: 'replace', targetId: id, targetName: 'report.txt', name: 'report-v2.bin' });
    await expect.poll(() => item()?.state, { timeout: 15_000 }).toBe('done');
    expect(item()).toMatchObject({ assetId: id, bytesSent: next.length });
    // Progress reached the Uploads tray through the queue's own events.
    expect(services.emitted.some((e) => e.event === 'uploads:changed' && (e.payload as { items: { id: string; kind: string }[] }).items.some((i) => i.id === uploadId && i.kind === 'replace'))).toBe(true);

    const put = standIn.log.slice(since).find((e) => e.method === 'PUT' && e.path === `/files/${id}/content`);
    expect(put).toMatchObject({ status: 200, upload: { size: next.length, sha256: sha(next) } });
    // The whole body was streamed as base64 JSON, not sent in pieces or as multipart.
    expect(put?.bodyBytes).toBeGreaterThan(next.length * 1.33);
    expect(sha(await bytesOnStandIn(id))).toBe(sha(next));
    expect(await witness.files.get(id)).toMatchObject({ id, name: 'report.txt', metadata: { size: next.length } });
  });

  it('falls back to the pre-0.11.4 way when /content answers 404: same id, new bytes', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'old-backend.txt', 'before\n');
    standIn.faults.add(faultPresets.contentRouteMissing(id));
    const since = standIn.log.length;
    const { uploadId } = await services.handlers['files:replace-content']({ id, granted: await grantedHandles(services, [localFile('old-backend.txt', 'after, via the old route\n')]), staged: [] }, web);
    await expect.poll(() => services.uploads.list().items.find((i) => i.id === uploadId)?.state, { timeout: 15_000 }).toBe('done');
    const calls = standIn.log.slice(since).filter((e) => !e.path.startsWith('/user'));
    expect(calls.map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, ':id')} ${e.status}`)).toEqual([
      'GET /files/:id 200', // the handler confirms the target
      'PUT /files/:id/content 404',
      'GET /files/:id 200',
      'POST /files/upload 200',
      'GET /files/:id/metadata 200',
      'PUT /files/:id 200',
    ]);
    expect((await bytesOnStandIn(id)).toString()).toBe('after, via the old route\n');
    expect((await witness.files.get(id)).id).toBe(id);
  });

  it('takes a staged copy too (the web host’s dropped file), and deletes the copy when done', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'staged-target.txt', 'v1\n');
    const staged = await services.uploads.stage('v2.txt', Readable.from([Buffer.from('v2 from a drop\n')]));
    const { uploadId } = await services.handlers['files:replace-content']({ id, granted: [], staged: [staged.token] }, web);
    await expect.poll(() => services.uploads.list().items.find((i) => i.id === uploadId)?.state, { timeout: 15_000 }).toBe('done');
    expect((await bytesOnStandIn(id)).toString()).toBe('v2 from a drop\n');
    await expect.poll(() => readdirSync(services.uploads.stagingDir).length).toBe(0);
  });

  it('refuses what cannot be a replacement before queueing anything', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'target.txt', 'v1\n');
    const since = standIn.log.length;
    const replace = (granted: string[], staged: string[] = [], target = id) => failure(services.handlers['files:replace-content']({ id: target, granted, staged }, web));
    expect(await replace(await grantedHandles(services, [workDir]))).toMatchObject({ kind: 'file-unreadable' });
    expect(await replace([], [randomUUID()])).toMatchObject({ kind: 'file-unreadable' });
    // A handle main never issued (the page cannot name a path, only hold what main granted).
    expect(await replace([randomUUID()])).toMatchObject({ kind: 'file-unreadable', message: expect.stringContaining('not given') });
    expect(await replace(await grantedHandles(services, [localFile('x.txt', 'x')]), [], randomUUID())).toMatchObject({ kind: 'not-found' });
    expect(services.uploads.list().items.filter((i) => i.kind === 'replace')).toEqual([]);
    const dispatch = createDispatcher(services.handlers, log);
    // Paths are not an input at all: the old field, or a path where a handle goes, is refused.
    expect(await dispatch('files:replace-content', { id, paths: ['/etc/passwd'] }, web)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await dispatch('files:replace-content', { id, granted: ['/etc/passwd'] }, web)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(standIn.log.slice(since).filter((e) => e.method === 'PUT' && e.path.endsWith('/content'))).toEqual([]);
  });
});

describe('downloads', () => {
  it('bulk-downloads into a chosen folder without overwriting: "name (2).ext", datasets as CSV', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ouro-bulk-'));
    writeFileSync(path.join(folder, 'lab-notes.txt'), 'mine, not Ouro’s');
    const services = await signedIn({ actions: { chooseFolder: async () => folder } });
    const dataset = standIn.seed.datasets.find((d) => d.rows <= 10) ?? { id: '', name: '' };
    const items = [
      { id: seededFile('lab-notes.txt').id, assetType: 'file' as const },
      { id: dataset.id, assetType: 'dataset' as const },
    ];
    const first = await services.handlers['downloads:bulk']({ items }, web);
    expect(first).toMatchObject({ started: true, count: 2, folderName: path.basename(folder) });
    const batch = () => services.downloads.list().items.filter((i) => first.started && i.batchId === first.batchId);
    await expect.poll(() => batch().map((i) => i.state), { timeout: 15_000 }).toEqual(['done', 'done']);
    const second = await services.handlers['downloads:bulk']({ items }, web);
    await expect.poll(() => services.downloads.list().items.filter((i) => second.started && i.batchId === second.batchId).map((i) => i.state), { timeout: 15_000 }).toEqual(['done', 'done']);

    expect(readdirSync(folder).sort()).toEqual(['lab-notes (2).txt', 'lab-notes (3).txt', 'lab-notes.txt', `${dataset.name}.csv`, `${dataset.name} (2).csv`].sort());
    expect(readFileSync(path.join(folder, 'lab-notes.txt'), 'utf8')).toBe('mine, not Ouro’s');
    const notes = await bytesOnStandIn(seededFile('lab-notes.txt').id);
    expect(readFileSync(path.join(folder, 'lab-notes (2).txt'))).toEqual(notes);
    expect(readFileSync(path.join(folder, `${dataset.name}.csv`))).toEqual(await bytesOnStandIn(dataset.id, 'dataset'));
    expect(batch().map((i) => i.fileName)).toEqual(['lab-notes (2).txt', `${dataset.name}.csv`]);
  });

  it('tells the page only what changed, coalesced, ending with every item done', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ouro-deltas-'));
    const services = await signedIn({ actions: { chooseFolder: async () => folder } });
    const ids = standIn.seed.files.filter((f) => f.owner === 'alice').slice(0, 6).map((f) => ({ id: f.id, assetType: 'file' as const }));
    await services.handlers['downloads:bulk']({ items: ids }, web);
    await expect.poll(() => services.downloads.list().items.map((i) => i.state), { timeout: 15_000 }).toEqual(ids.map(() => 'done'));
    await expect.poll(() => {
      const latest = new Map<string, string>();
      for (const { event, payload } of services.emitted) {
        if (event === 'downloads:changed') for (const item of (payload as DownloadsDelta).upserted) latest.set(item.id, item.state);
      }
      return [...latest.values()];
    }).toEqual(ids.map(() => 'done'));
    const deltas = services.emitted.filter((e) => e.event === 'downloads:changed').map((e) => e.payload as DownloadsDelta);
    // Each event carries at most one copy of an item, and never more items than exist.
    for (const delta of deltas) {
      expect(new Set(delta.upserted.map((i) => i.id)).size).toBe(delta.upserted.length);
      expect(delta.upserted.length).toBeLessThanOrEqual(ids.length);
    }
    // Three at a time: never more than three downloading in any one event's view.
    const downloading = new Map<string, boolean>();
    let most = 0;
    for (const delta of deltas) {
      for (const item of delta.upserted) downloading.set(item.id, item.state === 'downloading');
      most = Math.max(most, [...downloading.values()].filter(Boolean).length);
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(3);
  });

  it('cancels a download (its reserved name is freed) and marks a refused one failed', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ouro-cancel-'));
    const services = await signedIn({ actions: { chooseFolder: async () => folder } });
    const slow = seededFile('README.md').id;
    const missing = seededFile('fit_spectrum.py').id;
    standIn.faults.add({ method: 'POST', path: `/assets/${slow}/download`, latencyMs: 10_000 });
    standIn.faults.add({ method: 'POST', path: `/assets/${missing}/download`, status: 404 });
    await services.handlers['downloads:bulk']({ items: [{ id: slow, assetType: 'file' }, { id: missing, assetType: 'file' }] }, web);
    const byAsset = (id: string) => services.downloads.list().items.find((i) => i.assetId === id);
    await expect.poll(() => byAsset(slow)?.fileName, { timeout: 10_000 }).toBe('README.md');
    await services.handlers['downloads:cancel']({ id: byAsset(slow)?.id ?? '' }, web);
    await expect.poll(() => byAsset(slow)?.state).toBe('cancelled');
    await expect.poll(() => byAsset(missing)?.state, { timeout: 10_000 }).toBe('failed');
    expect(byAsset(missing)?.error).toMatchObject({ kind: 'not-found' });
    await expect.poll(() => readdirSync(folder)).toEqual([]);
    await services.handlers['downloads:clear-finished'](undefined, web);
    expect(services.downloads.list().items).toEqual([]);
    expect(services.emitted.filter((e) => e.event === 'downloads:changed').at(-1)?.payload).toMatchObject({ removed: expect.arrayContaining([expect.any(String)]) });
  });

  it('single downloads go through the list; "Show in folder" reveals only a finished one, where the host can', async () => {
    const shown: string[] = [];
    const save = path.join(mkdtempSync(path.join(os.tmpdir(), 'ouro-single-')), 'notes.txt');
    const services = await signedIn({ chooseSavePath: async () => save, actions: { showItemInFolder: (file) => void shown.push(file) } });
    const result = await services.handlers['files:download']({ id: seededFile('lab-notes.txt').id }, web);
    expect(result).toMatchObject({ saved: true, path: save });
    const listed = await services.handlers['downloads:list'](undefined, web);
    expect(listed).toMatchObject({ canShowInFolder: true, items: [{ assetId: seededFile('lab-notes.txt').id, fileName: 'notes.txt', state: 'done' }] });
    expect(await services.handlers['downloads:show-in-folder']({ id: listed.items[0]?.id ?? '' }, web)).toEqual({ shown: true });
    expect(shown).toEqual([save]);
    expect(await services.handlers['downloads:show-in-folder']({ id: randomUUID() }, web)).toEqual({ shown: false });
    // The details pane's own progress event still arrives for the asset.
    expect(services.emitted.filter((e) => e.event === 'downloads:progress').at(-1)?.payload).toMatchObject({ id: seededFile('lab-notes.txt').id, done: true });

    const without = await signedIn();
    expect(await without.handlers['downloads:list'](undefined, web)).toMatchObject({ canShowInFolder: false });
  });

  it('signing out cancels what the account started, and its list is nobody’s to see', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ouro-signout-'));
    const services = await signedIn({ actions: { chooseFolder: async () => folder } });
    const slow = seededFile('diffraction-pattern.png').id;
    standIn.faults.add({ method: 'POST', path: `/assets/${slow}/download`, latencyMs: 10_000 });
    await services.handlers['downloads:bulk']({ items: [{ id: slow, assetType: 'file' }] }, web);
    await expect.poll(() => services.downloads.list().items[0]?.state).toBe('downloading');
    await expect.poll(() => readdirSync(folder)).toEqual(['diffraction-pattern.png']);
    await services.account.signOut();
    expect(services.downloads.list().items).toEqual([]);
    // Cancelled: its reserved name is freed.
    await expect.poll(() => readdirSync(folder)).toEqual([]);
  });

  it('another account signing in never sees, or acts on, the downloads of the one before', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ouro-switch-'));
    const services = await signedIn({ actions: { chooseFolder: async () => folder } });
    const slow = seededFile('README.md').id;
    standIn.faults.add({ method: 'POST', path: `/assets/${slow}/download`, latencyMs: 10_000 });
    await services.handlers['downloads:bulk']({ items: [{ id: slow, assetType: 'file' }] }, web);
    await expect.poll(() => services.downloads.list().items[0]?.state).toBe('downloading');
    const alices = services.downloads.list().items[0]?.id ?? '';
    await services.account.signIn({ apiKey: standIn.otherApiKey });
    expect(await services.handlers['downloads:list'](undefined, web)).toMatchObject({ items: [] });
    expect(await services.handlers['downloads:show-in-folder']({ id: alices }, web)).toEqual({ shown: false });
    // The page is told the list is now this account's: Alice's item goes from it.
    expect(services.emitted.filter((e) => e.event === 'downloads:changed').at(-1)?.payload).toMatchObject({ upserted: [], removed: [alices] });
    // And Alice's download stopped rather than finish under Bob's session.
    await expect.poll(() => readdirSync(folder)).toEqual([]);
  });
});

describe('drag out', () => {
  let host: WebHost;
  let now = Date.now();
  let services: MainServices;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-drag-host-'));
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    writeFileSync(path.join(dir, 'bridge.js'), '');
    services = testServices({
      apiBaseUrl: standIn.url,
      fetch: globalThis.fetch,
      keychain: memorySecretStore({ [standIn.url]: standIn.apiKey }),
      dataDir: dir,
      actions: { dragLinks: { ttlMs: 60_000, now: () => now } },
    });
    await services.start();
    const events = createEventHub();
    host = await startWebHost({
      rendererDir: path.join(dir, 'renderer'),
      bridgeScript: path.join(dir, 'bridge.js'),
      dispatch: createDispatcher(services.handlers, log),
      events,
      token: 'drag-test-token-0123456789',
      openDragLink: (token) => services.openDragLink(token),
      log,
    });
  });
  afterAll(async () => {
    await host.close();
    await services.dispose();
  });

  /** A plain GET, as Chromium makes when a `DownloadURL` is dropped: no cookie, no token header. */
  function get(pathname: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: host.port, path: pathname }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
  }

  it('web host: a prepared file’s link serves its bytes with its name; wrong and expired tokens get nothing', async () => {
    const file = seededFile('Résumé – growth notes.md');
    const prepared = await services.handlers['drag:prepare']({ items: [{ id: file.id, assetType: 'file' }] }, web);
    if (prepared.mode !== 'download-url') throw new Error('expected links');
    const [link] = prepared.items;
    expect(link).toMatchObject({ id: file.id, fileName: 'Résumé – growth notes.md', mimeType: 'text/markdown', url: expect.stringMatching(/^\/__ouro\/drag\/[0-9a-f-]{36}$/) });
    const served = await get(link?.url ?? '');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(await bytesOnStandIn(file.id));
    expect(served.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Résumé – growth notes.md')}`);
    expect(served.headers['content-type']).toBe('text/markdown');

    expect((await get(`/__ouro/drag/${randomUUID()}`)).status).toBe(404);
    expect((await get('/__ouro/drag/not-a-token')).status).toBe(404);
    expect((await get(`${link?.url ?? ''}/../../index.html`)).status).not.toBe(200);
    now += 60_001;
    const expired = await get(link?.url ?? '');
    expect(expired.status).toBe(404);
    expect(expired.body.toString()).toMatch(/expired/);
  });

  it('web host: a dataset drags out as CSV', async () => {
    const dataset = standIn.seed.datasets.find((d) => d.rows <= 10) ?? { id: '', name: '' };
    const prepared = await services.handlers['drag:prepare']({ items: [{ id: dataset.id, assetType: 'dataset' }] }, web);
    if (prepared.mode !== 'download-url') throw new Error('expected links');
    expect(prepared.items[0]).toMatchObject({ fileName: `${dataset.name}.csv`, mimeType: 'text/csv' });
    const served = await get(prepared.items[0]?.url ?? '');
    expect(served.body).toEqual(await bytesOnStandIn(dataset.id, 'dataset'));
  });

  it('Electron: prepare caches the bytes, so pathsForDrag answers at once with real files', async () => {
    const file = seededFile('experiment-config.json');
    const item = { id: file.id, assetType: 'file' as const };
    // Never prepared: nothing to drag yet (and it is prepared for next time).
    expect(services.dragCache.pathsForDrag([item])).toEqual([]);
    expect(await services.handlers['drag:prepare']({ items: [item] }, { host: 'electron' })).toEqual({ mode: 'native' });
    const expected = await bytesOnStandIn(file.id);
    await expect.poll(() => {
      const [dragged] = services.dragCache.pathsForDrag([item]);
      return dragged && existsSync(dragged) ? readFileSync(dragged) : null;
    }, { timeout: 10_000 }).toEqual(expected);
    const [dragged] = services.dragCache.pathsForDrag([item]);
    expect(path.basename(dragged ?? '')).toBe('experiment-config.json');
    // Per account: another account signing in never drags this one's copy…
    await services.account.signIn({ apiKey: standIn.otherApiKey });
    expect(services.dragCache.pathsForDrag([item])).toEqual([]);
    // …and it is the same account's again when that account returns.
    await services.account.signIn({ apiKey: standIn.apiKey });
    expect(services.dragCache.pathsForDrag([item])).toEqual([dragged]);
    // Signing out deletes the copies.
    await services.account.signOut();
    await expect.poll(() => existsSync(dragged ?? '')).toBe(false);
  });
});
