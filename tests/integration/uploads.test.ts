// The upload engine and queue against the local stand-in over real loopback HTTP: bytes arrive
// intact (sha256 on the stand-in's disk), transient faults mid-upload are retried with the body
// re-streamed, 413 is final, a refused key pauses the queue until the same account signs in again
// (another account never sends it), a restart resumes without duplicates, cancel works, and a CSV
// becomes a typed dataset.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MainServices, ServiceDeps } from '../../electron/services';
import type { UploadItem, UploadsDelta } from '../../shared/uploads';
import { grantedHandles, memorySecretStore, signedInServices, testServices } from '../helpers/services';
import { startStandIn, type StandIn } from '../stand-in/index';

let standIn: StandIn;
let workDir: string;
const running: MainServices[] = [];

beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-uploads-it-'));
});
afterEach(async () => {
  standIn.faults.clear();
  for (const services of running.splice(0)) await services.dispose();
});
afterAll(async () => {
  await standIn.close();
  await rm(workDir, { recursive: true, force: true });
});

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function file(name: string, bytes: Buffer | string): string {
  const target = path.join(workDir, name);
  writeFileSync(target, bytes);
  return target;
}

const signedIn = (overrides: Partial<ServiceDeps> = {}): Promise<MainServices> => signedInServices(standIn, running, overrides);

function item(services: MainServices, name: string): UploadItem | undefined {
  return services.uploads.list().items.find((i) => i.name === name);
}

async function settle(services: MainServices, name: string, state: UploadItem['state'] = 'done', timeout = 15_000): Promise<UploadItem> {
  await expect.poll(() => item(services, name)?.state, { timeout }).toBe(state);
  return item(services, name) as UploadItem;
}

const dest = { visibility: 'private' as const };
const uploadsNamed = (name: string) => standIn.uploads().filter((u) => u.fileName === name);
const uploadPosts = (since: number) => standIn.log.filter((e) => e.at >= since && e.method === 'POST' && e.path === '/files/upload');

describe('uploads against the stand-in', () => {
  it('uploads several files of awkward sizes; the stored bytes equal the originals and the assets exist', async () => {
    const services = await signedIn();
    const sizes = [0, 1, 2, 3, 4, 786_431, 786_432, 786_433, 3 * 1024 * 1024 + 7];
    const originals = sizes.map((size, i) => ({ name: `awkward-${i}-${size}.bin`, bytes: randomBytes(size) }));
    const result = await services.uploads.add({ granted: await grantedHandles(services, originals.map((o) => file(o.name, o.bytes))), staged: [], destination: dest });
    expect(result).toMatchObject({ added: sizes.length, rejected: [] });
    for (const original of originals) {
      const done = await settle(services, original.name);
      const stored = uploadsNamed(original.name);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.sha256).toBe(sha(original.bytes));
      expect(stored[0]?.size).toBe(original.bytes.length);
      const asset = await services.account.client().files.get(done.assetId ?? '');
      expect(asset).toMatchObject({ id: stored[0]?.id, name: original.name, visibility: 'private' });
      expect(done.assetUrl).toMatch(/^https?:\/\//);
    }
  });

  it('names with quotes, backslashes and non-ASCII characters keep an exact Content-Length', async () => {
    const services = await signedIn();
    const name = 'résumé "final" \\ 数据 ✓.txt';
    const bytes = Buffer.from('hello, Ouro\n'.repeat(1000));
    await services.uploads.add({ granted: await grantedHandles(services, [file(name, bytes)]), staged: [], destination: dest });
    await settle(services, name);
    expect(uploadsNamed(name)[0]?.sha256).toBe(sha(bytes));
  });

  it('retries 429, 503 and a dropped connection during the byte upload, re-streaming the whole body', async () => {
    const services = await signedIn();
    const bytes = randomBytes(2 * 1024 * 1024 + 1);
    const since = Date.now();
    standIn.faults.add({ method: 'POST', path: '/files/upload', status: 429, retryAfter: '0' });
    standIn.faults.add({ method: 'POST', path: '/files/upload', status: 503 });
    standIn.faults.add({ method: 'POST', path: '/files/upload', reset: 'immediately' });
    await services.uploads.add({ granted: await grantedHandles(services, [file('flaky.bin', bytes)]), staged: [], destination: dest });
    await settle(services, 'flaky.bin');
    expect(standIn.faults.pending()).toBe(0);
    const posts = uploadPosts(since);
    expect(posts.map((p) => p.status)).toEqual([429, 503, 0, 200]);
    // The successful attempt carried the whole body again, not a continuation.
    expect(posts.at(-1)?.bodyBytes).toBeGreaterThan(bytes.length * 1.33);
    expect(uploadsNamed('flaky.bin')).toHaveLength(1);
    expect(uploadsNamed('flaky.bin')[0]?.sha256).toBe(sha(bytes));
  });

  it('413 fails the item as too large without retrying', async () => {
    const services = await signedIn();
    const since = Date.now();
    standIn.faults.setBodyLimit(100_000);
    try {
      await services.uploads.add({ granted: await grantedHandles(services, [file('huge.bin', randomBytes(200_000))]), staged: [], destination: dest });
      const failed = await settle(services, 'huge.bin', 'failed');
      expect(failed.error).toMatchObject({ kind: 'too-large', status: 413 });
      expect(uploadPosts(since)).toHaveLength(1);
    } finally {
      standIn.faults.setBodyLimit(null);
    }
  });

  it('a key refused at /users/get-token pauses the queue; signing in again resumes it', async () => {
    const services = await signedIn();
    standIn.faults.add({ method: 'POST', path: '/files/upload', status: 401 });
    standIn.faults.add({ method: 'POST', path: '/users/get-token', status: 401, body: { error: 'Invalid API key' } });
    await services.uploads.add({ granted: await grantedHandles(services, [file('needs-auth.txt', 'secret plans')]), staged: [], destination: dest });
    await expect.poll(() => services.uploads.list().paused).toBe('sign-in');
    expect(item(services, 'needs-auth.txt')?.state).toBe('queued');
    expect(await services.account.state()).toMatchObject({ status: 'signed-out', reason: 'revoked' });
    await services.account.signIn({ apiKey: standIn.apiKey });
    await settle(services, 'needs-auth.txt');
    expect(services.uploads.list().paused).toBeNull();
    expect(uploadsNamed('needs-auth.txt')).toHaveLength(1);
  });

  it('a 401 that survives a fresh key exchange is a server error with its request id; nobody is signed out', async () => {
    const services = await signedIn({ uploads: { timing: { sleep: async (_ms, signal) => signal?.throwIfAborted(), retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } }, progressIntervalMs: 0 } });
    standIn.faults.add({ method: 'POST', path: '/files/upload', status: 401, times: 2 });
    await services.uploads.add({ granted: await grantedHandles(services, [file('odd-401.txt', 'x')]), staged: [], destination: dest });
    const failed = await settle(services, 'odd-401.txt', 'failed');
    expect(failed.error).toMatchObject({ kind: 'server', status: 401, requestId: expect.any(String) });
    expect(await services.account.state()).toMatchObject({ status: 'signed-in' });
    expect(services.uploads.list().paused).toBeNull();
  });

  it("account A's paused queue is not sent when B signs in, and is sent when A returns", async () => {
    const keychain = memorySecretStore({ [standIn.url]: standIn.apiKey });
    const services = await signedIn({ keychain });
    const alice = standIn.seed.users.alice;
    const bob = standIn.seed.users.bob;
    // Alice's key is refused (as if revoked) while her three files are about to go.
    standIn.faults.add({ method: 'POST', path: '/files/upload', status: 401, times: 3 });
    standIn.faults.add({ method: 'POST', path: '/users/get-token', status: 401, times: 3, body: { error: 'Invalid API key' } });
    const names = ['a-1.txt', 'a-2.txt', 'a-3.txt'];
    await services.uploads.add({ granted: await grantedHandles(services, names.map((n) => file(n, `alice's ${n}`))), staged: [], destination: dest });
    await expect.poll(() => services.uploads.list().paused).toBe('sign-in');
    await expect.poll(async () => (await services.account.state()).status).toBe('signed-out');
    standIn.faults.clear();
    const since = Date.now();

    // Bob signs in: Alice's items are neither shown nor sent; a notice says they wait.
    await services.account.signIn({ apiKey: standIn.otherApiKey });
    const list = services.uploads.list();
    expect(list.items).toEqual([]);
    expect(list.paused).toBeNull();
    expect(list.waiting).toEqual([{ account: `${alice.username} at ${new URL(standIn.url).host}`, count: 3 }]);
    // Bob's own upload goes through, and only it: Alice's were ahead of it in the queue.
    await services.uploads.add({ granted: await grantedHandles(services, [file('b-1.txt', "bob's")]), staged: [], destination: dest });
    await settle(services, 'b-1.txt');
    const bobsPosts = uploadPosts(since);
    expect(bobsPosts.map((p) => p.userId)).toEqual([bob.id]);
    for (const name of names) expect(uploadsNamed(name)).toHaveLength(0);
    // Bob cannot touch them either: cancel-all and clear only reach Bob's own items.
    services.uploads.cancelAll();
    await services.uploads.clearFinished();
    expect(services.uploads.list().waiting).toEqual([{ account: expect.stringContaining(alice.username), count: 3 }]);

    // Bob's key is refused in turn; Alice signs in again: her queue resumes, as her.
    standIn.faults.add({ method: 'POST', path: '/users/get-token', status: 401, body: { error: 'Invalid API key' } });
    await services.account.reconnect();
    expect(await services.account.state()).toMatchObject({ status: 'signed-out', reason: 'revoked' });
    await services.account.signIn({ apiKey: standIn.apiKey });
    for (const name of names) await settle(services, name);
    expect(services.uploads.list().items.map((i) => i.name)).toEqual(names);
    expect(services.uploads.list().waiting).toEqual([]);
    const alicesPosts = uploadPosts(since).filter((p) => p.status === 200 && p.userId !== bob.id);
    expect(alicesPosts.map((p) => p.userId)).toEqual([alice.id, alice.id, alice.id]);
    for (const name of names) expect(uploadsNamed(name)).toHaveLength(1);
  });

  it('the native dialog grants what the person picks: its handles upload, nothing else does', async () => {
    const picked = file('picked-in-dialog.txt', 'chosen');
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'ouro-not-granted-'));
    const services = testServices({
      apiBaseUrl: standIn.url,
      fetch: globalThis.fetch,
      keychain: memorySecretStore({ [standIn.url]: standIn.apiKey }),
      uploads: { progressIntervalMs: 0, hooks: { chooseFiles: async () => [picked] } },
    });
    running.push(services);
    await services.start();
    const chosen = await services.handlers['uploads:choose-files'](undefined, { host: 'electron' });
    expect(chosen).toEqual({ supported: true, files: [{ id: expect.any(String), name: 'picked-in-dialog.txt' }] });
    if (!chosen.supported) return;
    const add = (granted: string[]) => services.handlers['uploads:add']({ granted, staged: [], destination: dest }, { host: 'electron' });
    expect(await add([chosen.files[0]?.id ?? ''])).toMatchObject({ added: 1, rejected: [] });
    await settle(services, 'picked-in-dialog.txt');
    // A granted folder with a link in it that leads elsewhere: the link's target was never given.
    writeFileSync(path.join(elsewhere, 'not-picked.txt'), 'x');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ouro-granted-folder-'));
    symlinkSync(path.join(elsewhere, 'not-picked.txt'), path.join(folder, 'link.txt'));
    const refused = await services.uploads.add({ granted: await grantedHandles(services, [folder]), staged: [], destination: dest });
    expect(refused.rejected.map((r) => r.reason)).toEqual(['not-granted']);
    await rm(folder, { recursive: true, force: true });
    expect(await add(['00000000-0000-4000-8000-000000000000'])).toMatchObject({ added: 0, rejected: [{ reason: 'not-granted' }] });
    await rm(elsewhere, { recursive: true, force: true });
  });

  it('another account can drop the waiting uploads, and they are never sent', async () => {
    const services = await signedIn();
    standIn.faults.add({ method: 'POST', path: '/files/upload', status: 401 });
    standIn.faults.add({ method: 'POST', path: '/users/get-token', status: 401, body: { error: 'Invalid API key' } });
    await services.uploads.add({ granted: await grantedHandles(services, [file('dropped-by-bob.txt', 'x')]), staged: [], destination: dest });
    await expect.poll(async () => (await services.account.state()).status).toBe('signed-out');
    standIn.faults.clear();
    await services.account.signIn({ apiKey: standIn.otherApiKey });
    expect(services.uploads.list().waiting).toHaveLength(1);
    expect(await services.uploads.dropWaiting()).toBe(1);
    expect(services.uploads.list().waiting).toEqual([]);
    await services.account.signOut();
    await services.account.signIn({ apiKey: standIn.apiKey });
    expect(services.uploads.list().items).toEqual([]);
    expect(uploadsNamed('dropped-by-bob.txt')).toHaveLength(0);
  });

  it('the queue shows the size actually read, not the size when the file was added', async () => {
    const services = await signedIn({ uploads: { concurrency: 1, progressIntervalMs: 0 } });
    // One at a time, and the first one held by the server: the second file waits its turn.
    standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 30_000 });
    const grower = file('grows.txt', 'small');
    await services.uploads.add({ granted: await grantedHandles(services, [file('first.bin', 'x')]), staged: [], destination: dest });
    const first = await settle(services, 'first.bin', 'uploading');
    await services.uploads.add({ granted: await grantedHandles(services, [grower]), staged: [], destination: dest });
    expect(item(services, 'grows.txt')).toMatchObject({ state: 'queued', size: 5 });
    writeFileSync(grower, 'now considerably larger');
    services.uploads.cancel(first.id);
    const done = await settle(services, 'grows.txt');
    expect(done.size).toBe(23);
    expect(uploadsNamed('grows.txt')[0]?.size).toBe(23);
  });

  it('cancel stops an upload in flight and nothing is stored', async () => {
    const services = await signedIn();
    standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 10_000 });
    await services.uploads.add({ granted: await grantedHandles(services, [file('cancel-me.bin', randomBytes(50_000))]), staged: [], destination: dest });
    const uploading = await settle(services, 'cancel-me.bin', 'uploading');
    services.uploads.cancel(uploading.id);
    await settle(services, 'cancel-me.bin', 'cancelled');
    expect(uploadsNamed('cancel-me.bin')).toHaveLength(0);
    // Retry after cancel starts it again and it completes.
    standIn.faults.clear();
    services.uploads.retry(uploading.id);
    await settle(services, 'cancel-me.bin');
    expect(uploadsNamed('cancel-me.bin')).toHaveLength(1);
  });

  it('resumes after a restart mid-upload and mid-create without uploading or creating anything twice', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-uploads-restart-'));
    const first = await signedIn({ dataDir });
    // One upload stalls in step 1 (the server sits on the body), one in step 3.
    standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 20_000 });
    standIn.faults.add({ method: 'POST', path: '/files/create', latencyMs: 20_000 });
    const a = randomBytes(100_000);
    const b = randomBytes(100_001);
    await first.uploads.add({ granted: await grantedHandles(first, [file('restart-a.bin', a)]), staged: [], destination: dest });
    await settle(first, 'restart-a.bin', 'uploading');
    await first.uploads.add({ granted: await grantedHandles(first, [file('restart-b.bin', b)]), staged: [], destination: dest });
    await expect.poll(() => [item(first, 'restart-a.bin')?.state, item(first, 'restart-b.bin')?.state].sort()).toEqual(['processing', 'uploading']);
    // "Quit" now: nothing may be marked finished, everything is saved for next time.
    await first.dispose();
    running.splice(running.indexOf(first), 1);
    standIn.faults.clear();

    const second = await signedIn({ dataDir });
    await settle(second, 'restart-a.bin');
    await settle(second, 'restart-b.bin');
    expect(uploadsNamed('restart-a.bin')).toHaveLength(1);
    expect(uploadsNamed('restart-b.bin')).toHaveLength(1);
    expect(uploadsNamed('restart-b.bin')[0]?.sha256).toBe(sha(b));
    // Browse newest-first: exactly one asset per name, however many attempts there were.
    const page = await second.account.client().search.assets({ assetType: 'file', scope: 'personal', limit: 50 });
    expect(page.items.filter((h) => h.name === 'restart-a.bin')).toHaveLength(1);
    expect(page.items.filter((h) => h.name === 'restart-b.bin')).toHaveLength(1);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('validates paths: folders expand without hidden or system files, and each rejection has its reason', async () => {
    const services = await signedIn();
    const root = path.join(workDir, 'tree');
    await mkdir(path.join(root, 'sub', 'deeper'), { recursive: true });
    await mkdir(path.join(root, '.git'), { recursive: true });
    writeFileSync(path.join(root, 'a.txt'), 'a');
    writeFileSync(path.join(root, 'sub', 'b.txt'), 'b');
    writeFileSync(path.join(root, 'sub', 'deeper', 'c.txt'), 'c');
    writeFileSync(path.join(root, '.hidden'), 'x');
    writeFileSync(path.join(root, '.git', 'config'), 'x');
    writeFileSync(path.join(root, 'sub', '.DS_Store'), 'x');
    writeFileSync(path.join(root, 'Thumbs.db'), 'x');
    // Granted while it existed (dropped), then gone before the upload was confirmed.
    const vanishing = file('nope.txt', 'soon gone');
    const granted = await grantedHandles(services, [root, vanishing, '/dev/null']);
    await rm(vanishing);
    const result = await services.uploads.add({ granted: [...granted, randomUUID()], staged: [], destination: dest });
    expect(result.added).toBe(3);
    expect(result.skipped).toEqual({ hidden: 2, system: 2 });
    expect(result.rejected.map((r) => [r.name, r.reason])).toEqual([
      ['A file', 'not-granted'],
      ['nope.txt', 'vanished'],
      ['null', 'special'],
    ]);
    for (const name of ['a.txt', 'b.txt', 'c.txt']) await settle(services, name);
  });

  it('uploads a CSV as a dataset with inferred column types, halving a batch on 413', async () => {
    const services = await signedIn();
    const lines = ['Sample ID,score,label,measured at,passed'];
    const rows = 20_000;
    for (let i = 0; i < rows; i++) {
      lines.push(`${i},${(i / 7).toFixed(3)},"name, ${i}",2026-03-0${(i % 9) + 1}T10:00:00Z,${i % 2 ? 'true' : 'false'}`);
    }
    // A proxy in front of Ouro with a lower limit than the 1,000,000-byte batches: each is halved.
    const since = Date.now();
    standIn.faults.setBodyLimit(600_000);
    let done: UploadItem;
    try {
      await services.uploads.add({ granted: await grantedHandles(services, [file('measurements.csv', `${lines.join('\n')}\n`)]), staged: [], destination: { ...dest, asDataset: true } });
      done = await settle(services, 'measurements.csv');
    } finally {
      standIn.faults.setBodyLimit(null);
    }
    const batches = standIn.log.filter((e) => e.at >= since && e.method === 'POST' && /^\/datasets\/[^/]+\/data$/.test(e.path));
    expect(batches.some((b) => b.status === 413)).toBe(true);
    expect(batches.filter((b) => b.status === 200).every((b) => b.bodyBytes <= 600_000)).toBe(true);
    expect(Math.max(...batches.map((b) => b.bodyBytes))).toBeLessThanOrEqual(1_000_000);
    expect(done).toMatchObject({ kind: 'dataset', rowsSent: rows, rowsTotal: rows, rowsInserted: rows });
    expect(done.rowsSkipped).toBeUndefined();
    const client = services.account.client();
    const schema = await client.datasets.schema(done.assetId ?? '');
    expect(schema.map((c) => [c.name, c.type])).toEqual([
      ['sample_id', 'integer'],
      ['score', 'real'],
      ['label', 'text'],
      ['measured_at', 'timestamp with time zone'],
      // BOOLEAN is not in the DDL Ouro is known to take (§5.4): the values stay as written.
      ['passed', 'text'],
    ]);
    expect((await client.datasets.stats(done.assetId ?? '')).count).toBe(rows);
    const page = await client.datasets.rows(done.assetId ?? '', { limit: 2 });
    expect(page.rows[1]).toMatchObject({ sample_id: 1, label: 'name, 1', passed: 'true' });
  });

  it("the file record names the stored object: metadata holds the id, bucket and path /files/upload answered", async () => {
    const services = await signedIn();
    const bytes = Buffer.from('data_Fe\n_cell_length_a 2.49\n');
    await services.uploads.add({ granted: await grantedHandles(services, [file('structure.cif', bytes)]), staged: [], destination: { visibility: 'public' } });
    const done = await settle(services, 'structure.cif');
    const stored = uploadsNamed('structure.cif')[0];
    const asset = await services.account.client().files.get(done.assetId ?? '');
    expect(asset.id).toBe(stored?.id);
    expect(asset.metadata).toEqual({
      id: stored?.id,
      name: stored?.storagePath.split('/').pop(),
      bucket: stored?.bucket,
      path: stored?.storagePath,
      type: 'chemical/x-cif',
      mimeType: 'chemical/x-cif',
      extension: 'cif',
      size: bytes.length,
    });
    expect(stored?.bucket).toBe('public-files');
    // The record points at the bytes: Ouro's content URL serves exactly what was uploaded.
    const url = await services.account.client().files.contentUrl(asset.id);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(bytes);
  });

  it('fills what a partial /files/{id}/metadata left out with the fallbacks: local guess, name, byte count', async () => {
    const services = await signedIn();
    // Ouro extracted nothing for these: type from the name, else octet-stream; extension from the
    // name, else the type, else bin; size from the local file.
    standIn.faults.add({ method: 'GET', path: '/files/*', status: 200, body: { data: { metadata: {}, preview: null }, error: null }, times: 2 });
    await services.uploads.add({ granted: await grantedHandles(services, [file('notes.md', '# hi\n'), file('README', 'plain')]), staged: [], destination: dest });
    const md = await settle(services, 'notes.md');
    const bare = await settle(services, 'README');
    const client = services.account.client();
    expect((await client.files.get(md.assetId ?? '')).metadata).toMatchObject({ type: 'text/markdown', mimeType: 'text/markdown', extension: 'md', size: 5 });
    expect((await client.files.get(bare.assetId ?? '')).metadata).toMatchObject({ type: 'application/octet-stream', extension: 'bin', size: 5 });
    expect(standIn.faults.pending()).toBe(0);
  });

  it('rows Ouro skips are counted, survive a restart, and a batch stored without an answer is neither resent nor lost', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-uploads-skip-'));
    const first = await signedIn({ dataDir });
    const lines = ['sample,value'];
    for (let i = 0; i < 100_000; i++) lines.push(`s-${i},${i}`);
    // Four batches of ≤ 1,000,000 bytes. Ouro's checks drop 3 rows of the first; the second is
    // stored but its answer is cut off, so the upload fails not knowing what happened to it.
    standIn.faults.add({ method: 'POST', path: '/datasets/*/data', skipRows: 3 });
    standIn.faults.add({ method: 'POST', path: '/datasets/*/data', reset: 'mid-body' });
    await first.uploads.add({ granted: await grantedHandles(first, [file('partial.csv', `${lines.join('\n')}\n`)]), staged: [], destination: { ...dest, asDataset: true } });
    const failed = await settle(first, 'partial.csv', 'failed');
    expect(failed.error?.kind).toBe('network');
    expect(failed.rowsSkipped).toBe(3);
    const firstBatch = failed.rowsSent ?? 0;
    expect(firstBatch).toBeGreaterThan(0);
    expect(failed.rowsInserted).toBe(firstBatch - 3);
    await first.dispose();
    running.splice(running.indexOf(first), 1);

    // Next start: the counts come back from disk, and a retry picks up after the stored batch.
    const second = await signedIn({ dataDir });
    const restored = item(second, 'partial.csv');
    expect(restored).toMatchObject({ state: 'failed', rowsSkipped: 3, rowsInserted: firstBatch - 3 });
    const since = Date.now();
    second.uploads.retry(restored?.id ?? '');
    const done = await settle(second, 'partial.csv');
    expect(done).toMatchObject({ rowsTotal: 100_000, rowsSent: 100_000, rowsInserted: 99_997, rowsSkipped: 3 });
    const stats = await second.account.client().datasets.stats(done.assetId ?? '');
    expect(stats.count).toBe(99_997);
    // Only the two batches Ouro never had were sent again.
    expect(standIn.log.filter((e) => e.at >= since && e.method === 'POST' && /\/data$/.test(e.path))).toHaveLength(2);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a batch answer that does not say how many rows went in fails the upload instead of passing as done', async () => {
    const services = await signedIn();
    standIn.faults.add({ method: 'POST', path: '/datasets/*/data', status: 200, body: { data: { ok: true }, error: null } });
    await services.uploads.add({ granted: await grantedHandles(services, [file('unclear.csv', 'a,b\n1,2\n')]), staged: [], destination: { ...dest, asDataset: true } });
    const failed = await settle(services, 'unclear.csv', 'failed');
    expect(failed.error).toMatchObject({ kind: 'invalid-response', message: expect.stringContaining('did not say how many rows were added') });
  });

  it('drives the host: overall progress on the icon, the failed-upload count, one notification while unfocused', async () => {
    const progress: number[] = [];
    const failedCounts: number[] = [];
    const notes: string[] = [];
    const services = await signedIn({
      uploads: {
        timing: { sleep: async (_ms, signal) => signal?.throwIfAborted() },
        progressIntervalMs: 0,
        hooks: {
          setProgress: (f) => progress.push(f),
          setFailedCount: (n) => failedCounts.push(n),
          notify: (title) => notes.push(title),
          isWindowFocused: () => false,
        },
      },
    });
    standIn.faults.add({ method: 'POST', path: '/files/upload', status: 400 });
    await services.uploads.add({ granted: await grantedHandles(services, [file('host-bad.bin', 'x')]), staged: [], destination: dest });
    await settle(services, 'host-bad.bin', 'failed');
    await services.uploads.add({ granted: await grantedHandles(services, [file('host-a.bin', randomBytes(8_000_000)), file('host-b.bin', 'b')]), staged: [], destination: dest });
    await settle(services, 'host-a.bin');
    await settle(services, 'host-b.bin');
    await expect.poll(() => progress.at(-1)).toBe(-1);
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
    expect(progress.every((p) => p === -1 || (p >= 0 && p <= 1))).toBe(true);
    expect(failedCounts).toEqual([0, 1]);
    // Two uploads finishing together make one notification.
    await expect.poll(() => notes).toEqual(['2 uploads finished']);
  });

  it("the closing notification names a dataset's skipped rows", async () => {
    const notes: Array<[string, string]> = [];
    const services = await signedIn({
      uploads: {
        timing: { sleep: async (_ms, signal) => signal?.throwIfAborted() },
        progressIntervalMs: 0,
        hooks: { notify: (title, body) => notes.push([title, body]), isWindowFocused: () => false },
      },
    });
    standIn.faults.add({ method: 'POST', path: '/datasets/*/data', skipRows: 3 });
    const lines = ['sample,value', ...Array.from({ length: 4873 }, (_, i) => `s-${i},${i}`)];
    await services.uploads.add({ granted: await grantedHandles(services, [file('observations.csv', lines.join('\n'))]), staged: [], destination: { ...dest, asDataset: true } });
    await settle(services, 'observations.csv');
    await expect.poll(() => notes).toEqual([['Uploaded observations.csv', '4,870 of 4,873 rows added — 3 skipped.']]);
  });

  it('signing out cancels and forgets the queue: nothing goes to the next account', async () => {
    const services = await signedIn();
    standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 10_000 });
    await services.uploads.add({ granted: await grantedHandles(services, [file('left-behind.bin', randomBytes(10_000))]), staged: [], destination: dest });
    await settle(services, 'left-behind.bin', 'uploading');
    const held = standIn.log.findLast((entry) => entry.method === 'POST' && entry.path === '/files/upload');
    expect(held).toBeDefined();
    await services.account.signOut();
    expect(services.uploads.list().items).toEqual([]);
    // The request in flight was abandoned, not left to finish: the stand-in saw its connection
    // close (finalised, durationMs set) before it had answered (status 0).
    await expect.poll(() => held?.durationMs ?? 0).toBeGreaterThan(0);
    expect(held?.status).toBe(0);
    standIn.faults.clear();
    const signedInAt = standIn.log.length;
    await services.account.signIn({ apiKey: standIn.otherApiKey });
    // The queue itself holds nothing, so nothing can go out under the next account's key.
    expect(services.uploads.list().items).toEqual([]);
    expect(standIn.log.slice(signedInAt).filter((entry) => entry.path.startsWith('/files') || entry.path.startsWith('/__storage'))).toEqual([]);
    expect(uploadsNamed('left-behind.bin')).toHaveLength(0);
  });

  it('deletes a staged copy (web host drop) once its upload is done', async () => {
    const services = await signedIn();
    const staged = await services.uploads.stage('staged.txt', Readable.from([Buffer.from('staged bytes')]));
    const result = await services.uploads.add({ granted: [], staged: [staged.token], destination: dest });
    expect(result.added).toBe(1);
    await settle(services, 'staged.txt');
    expect(uploadsNamed('staged.txt')[0]?.sha256).toBe(sha(Buffer.from('staged bytes')));
    await expect.poll(async () => (await readdir(services.uploads.stagingDir).catch(() => [])).length).toBe(0);
  });

  it('reports progress to the page as deltas of the one item that changed, not the whole queue', async () => {
    const deltas: UploadsDelta[] = [];
    const services = await signedIn({
      emit: (event, payload) => {
        if (event === 'uploads:changed') deltas.push(payload as UploadsDelta);
      },
    });
    const others = ['idle-1.txt', 'idle-2.txt'].map((n) => file(n, 'x'));
    await services.uploads.add({ granted: await grantedHandles(services, [file('progress.bin', randomBytes(8 * 1024 * 1024))]), staged: [], destination: dest });
    await settle(services, 'progress.bin');
    await services.uploads.add({ granted: await grantedHandles(services, others), staged: [], destination: dest });
    for (const name of ['idle-1.txt', 'idle-2.txt']) await settle(services, name);
    const stateAt = (d: UploadsDelta) => d.items.find((i) => i.name === 'progress.bin')?.state;
    await expect.poll(() => deltas.some((d) => d.items.some((i) => i.name === 'idle-2.txt' && i.state === 'done'))).toBe(true);
    const states = deltas.map(stateAt).filter(Boolean);
    expect(states).toContain('uploading');
    expect(states).toContain('processing');
    expect(states).toContain('done');
    const sent = deltas.flatMap((d) => d.items.filter((i) => i.name === 'progress.bin').map((i) => i.bytesSent));
    expect(sent.some((b) => b > 0 && b < 8 * 1024 * 1024)).toBe(true);
    // Once progress.bin is done it is never sent again while the others change.
    const lastOfProgress = deltas.findLastIndex((d) => stateAt(d) !== undefined);
    expect(deltas.slice(lastOfProgress + 1).some((d) => d.items.some((i) => i.name.startsWith('idle-')))).toBe(true);
    // Numbered one by one, so the page can tell when it missed one.
    expect(deltas.map((d) => d.seq)).toEqual(deltas.map((_, i) => (deltas[0]?.seq ?? 0) + i));
  });
});
