// Sync folders against the stand-in over loopback, with the real watcher: a new file is uploaded
// (right bytes), a change replaces the content in place (same id), a touch sends nothing, a
// rename renames the asset (no upload), a delete keeps the asset, the catch-up scan finds what
// changed while the app was closed (once each), a vanished folder pauses instead of deleting,
// Mirror deletions waits out its grace period, offline and a refused key pause and catch up, and
// one account's folder never uploads as another.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MainServices, ServiceDeps } from '../../electron/services';
import { memorySecretStore, testServices } from '../helpers/services';
import { addSyncFolder, fileWrites, folderView, standInFile, waitForFolder } from '../helpers/sync';
import { startStandIn, type StandIn } from '../stand-in/index';

let standIn: StandIn;
let workDir: string;
const running: MainServices[] = [];

beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-sync-it-'));
});
afterEach(async () => {
  standIn.faults.clear();
  for (const services of running.splice(0)) await services.dispose();
});
afterAll(async () => {
  await standIn.close();
  await rm(workDir, { recursive: true, force: true });
});

const sha = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
const upToDate = (v: { status: { state: string } }) => v.status.state === 'up-to-date';

async function syncing(folder: string, overrides: Partial<ServiceDeps> = {}): Promise<MainServices> {
  const services = testServices({
    apiBaseUrl: standIn.url,
    fetch: globalThis.fetch,
    keychain: memorySecretStore({ [standIn.url]: standIn.apiKey }),
    uploads: { progressIntervalMs: 0 },
    // A shorter quiet period than the app's 2 s keeps the suite quick; stability has its own test.
    sync: { chooseFolder: async () => folder, timing: { quietMs: 300, pollMs: 50 } },
    ...overrides,
  });
  running.push(services);
  await services.start();
  await services.sync.settled();
  return services;
}

async function newFolder(name: string): Promise<string> {
  const dir = path.join(workDir, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

describe('a sync folder', () => {
  it('uploads a new file, replaces a changed one in place, sends nothing for a touch, and renames on a rename', async () => {
    const dir = await newFolder('lab');
    const services = await syncing(dir);
    const added = await addSyncFolder(services);
    expect(added.status.state).not.toBe('paused');
    await waitForFolder(services, upToDate);
    standIn.clearLog();

    writeFileSync(path.join(dir, 'run-1.csv'), 'a,b\n1,2\n');
    const first = await waitForFolder(services, (v) => upToDate(v) && v.activity.uploaded === 1);
    expect(first.synced).toBe(1);
    const uploaded = standIn.uploads().find((u) => u.fileName === 'run-1.csv');
    expect(uploaded?.sha256).toBe(sha('a,b\n1,2\n'));
    const assetId = services.uploads.list().items.find((i) => i.name === 'run-1.csv')?.assetId;
    expect(assetId).toBeTruthy();
    expect(fileWrites(standIn)).toEqual(['POST /files/upload', 'POST /files/create']);

    // A touch: mtime moves, the bytes do not. Nothing is sent.
    standIn.clearLog();
    const later = new Date(Date.now() + 5000);
    await utimes(path.join(dir, 'run-1.csv'), later, later);
    await waitForFolder(services, (v) => upToDate(v) && v.activity.unchanged === 1);
    expect(fileWrites(standIn)).toEqual([]);

    // A change: the same asset gets the new bytes.
    writeFileSync(path.join(dir, 'run-1.csv'), 'a,b\n1,2\n3,4\n');
    await waitForFolder(services, (v) => upToDate(v) && v.activity.replaced === 1);
    expect(fileWrites(standIn)).toEqual(['PUT /files/:id/content']);
    expect((await standInFile(standIn, assetId!)).bytes.toString()).toBe('a,b\n1,2\n3,4\n');

    // A rename: the asset is renamed, nothing uploaded again.
    standIn.clearLog();
    await rename(path.join(dir, 'run-1.csv'), path.join(dir, 'run-1-final.csv'));
    await waitForFolder(services, (v) => upToDate(v) && v.activity.renamed === 1);
    expect(fileWrites(standIn)).toEqual(['PUT /files/:id']);
    expect((await standInFile(standIn, assetId!)).name).toBe('run-1-final.csv');

    // A delete (Mirror deletions off): kept on Ouro.
    standIn.clearLog();
    await rm(path.join(dir, 'run-1-final.csv'));
    await waitForFolder(services, (v) => upToDate(v) && v.activity.keptOnOuro === 1);
    expect(fileWrites(standIn)).toEqual([]);
    expect((await standInFile(standIn, assetId!)).name).toBe('run-1-final.csv');
  });

  it('never uploads dotfiles, OS litter, partial files or the folder’s own ignore patterns', async () => {
    const dir = await newFolder('ignored');
    const services = await syncing(dir);
    const added = await addSyncFolder(services);
    await services.handlers['sync:update']({ id: added.id, ignore: ['*.log', 'scratch/**'] }, { host: 'web' });
    await waitForFolder(services, upToDate);
    await mkdir(path.join(dir, 'scratch'));
    await mkdir(path.join(dir, '.git'));
    for (const name of ['.DS_Store', 'Thumbs.db', 'desktop.ini', '~$report.docx', 'notes.txt.swp', 'x.tmp', 'movie.mp4.crdownload', 'big.iso.part', 'run.log', 'scratch/a.txt', '.git/HEAD', '.hidden']) {
      writeFileSync(path.join(dir, name), name);
    }
    writeFileSync(path.join(dir, 'kept.txt'), 'kept');
    await waitForFolder(services, (v) => upToDate(v) && v.activity.uploaded === 1);
    expect(standIn.uploads().filter((u) => u.createdAt && ['kept.txt'].includes(u.fileName)).length).toBe(1);
    const names = services.uploads.list().items.map((i) => i.name);
    expect(names).toEqual(['kept.txt']);
  });

  it('catches up on start: files added and changed while the app was closed, each once', async () => {
    const dir = await newFolder('catch-up');
    writeFileSync(path.join(dir, 'before.txt'), 'v1');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-sync-data-'));
    let services = await syncing(dir, { dataDir });
    await addSyncFolder(services);
    await waitForFolder(services, (v) => upToDate(v) && v.activity.uploaded === 1);
    await services.dispose();
    running.splice(running.indexOf(services), 1);

    writeFileSync(path.join(dir, 'new-1.txt'), 'one');
    writeFileSync(path.join(dir, 'new-2.txt'), 'two');
    writeFileSync(path.join(dir, 'before.txt'), 'v2 longer');
    standIn.clearLog();
    services = await syncing(dir, { dataDir });
    await waitForFolder(services, (v) => upToDate(v) && v.activity.uploaded === 2 && v.activity.replaced === 1);
    expect(fileWrites(standIn).sort()).toEqual(['POST /files/create', 'POST /files/create', 'POST /files/upload', 'POST /files/upload', 'PUT /files/:id/content']);
    // And a second restart with nothing changed sends nothing.
    await services.dispose();
    running.splice(running.indexOf(services), 1);
    standIn.clearLog();
    services = await syncing(dir, { dataDir });
    await waitForFolder(services, (v) => upToDate(v) && v.synced === 3);
    expect(fileWrites(standIn)).toEqual([]);
  });

  it('"only new files" leaves what was already there alone', async () => {
    const dir = await newFolder('only-new');
    writeFileSync(path.join(dir, 'old.txt'), 'old');
    const services = await syncing(dir);
    await addSyncFolder(services, 'skip');
    await waitForFolder(services, upToDate);
    writeFileSync(path.join(dir, 'fresh.txt'), 'fresh');
    await waitForFolder(services, (v) => upToDate(v) && v.activity.uploaded === 1);
    expect(services.uploads.list().items.map((i) => i.name)).toEqual(['fresh.txt']);
  });

  it('pauses when the folder disappears, deleting nothing, and resumes when it is back', async () => {
    const dir = await newFolder('disk');
    writeFileSync(path.join(dir, 'a.txt'), 'a');
    const services = await syncing(dir);
    await addSyncFolder(services);
    await waitForFolder(services, (v) => upToDate(v) && v.synced === 1);
    standIn.clearLog();
    await rename(dir, `${dir}-unmounted`);
    const paused = await waitForFolder(services, (v) => v.status.state === 'paused');
    expect(paused.status).toMatchObject({ state: 'paused', reason: 'folder-missing' });
    expect(paused.activity.keptOnOuro).toBe(0);
    await rename(`${dir}-unmounted`, dir);
    const back = await waitForFolder(services, (v) => upToDate(v) && v.synced === 1);
    expect(back.activity.keptOnOuro).toBe(0);
    expect(fileWrites(standIn)).toEqual([]);
  });

  it('Mirror deletions: deletes on Ouro only after the grace period, and not a file that came back', async () => {
    const dir = await newFolder('mirror');
    writeFileSync(path.join(dir, 'gone.txt'), 'gone');
    writeFileSync(path.join(dir, 'back.txt'), 'back');
    const services = await syncing(dir, { sync: { chooseFolder: async () => dir, timing: { quietMs: 300, pollMs: 50, graceMs: 1500 } } });
    const added = await addSyncFolder(services);
    await waitForFolder(services, (v) => upToDate(v) && v.synced === 2);
    await services.handlers['sync:update']({ id: added.id, mirrorDeletions: true }, { host: 'web' });
    standIn.clearLog();
    await rm(path.join(dir, 'gone.txt'));
    await rm(path.join(dir, 'back.txt'));
    const waiting = await waitForFolder(services, (v) => v.pendingDeletes?.count === 2);
    expect(fileWrites(standIn)).toEqual([]);
    expect(waiting.pendingDeletes!.dueAt).toBeGreaterThan(Date.now());
    writeFileSync(path.join(dir, 'back.txt'), 'back');
    const done = await waitForFolder(services, (v) => upToDate(v) && v.activity.deletedOnOuro === 1 && v.pendingDeletes === null);
    expect(done.synced).toBe(1);
    expect(standIn.log.filter((e) => e.method === 'DELETE' && e.status < 400)).toHaveLength(1);
    expect(fileWrites(standIn)).toEqual(['DELETE /files/:id']);
  });

  it('pauses offline and when Ouro refuses the key, and catches up when it is back', async () => {
    const dir = await newFolder('offline');
    const services = await syncing(dir, { retryDelaysMs: [60_000] });
    await addSyncFolder(services);
    await waitForFolder(services, upToDate);

    services.account.noteReachability(false);
    await waitForFolder(services, (v) => v.status.state === 'paused' && v.status.reason === 'offline');
    writeFileSync(path.join(dir, 'on-the-train.txt'), 'offline');
    await services.account.reconnect();
    await waitForFolder(services, (v) => upToDate(v) && v.activity.uploaded === 1);

    standIn.faults.add({ method: 'POST', path: '/users/get-token', status: 401, body: { error: 'Invalid API key' } });
    await services.account.reconnect();
    await waitForFolder(services, (v) => v.status.state === 'paused' && v.status.reason === 'sign-in');
    writeFileSync(path.join(dir, 'while-refused.txt'), 'refused');
    standIn.faults.clear();
    await services.account.signIn({ apiKey: standIn.apiKey });
    await waitForFolder(services, (v) => upToDate(v) && v.activity.uploaded === 2);
    expect(standIn.uploads().filter((u) => ['on-the-train.txt', 'while-refused.txt'].includes(u.fileName))).toHaveLength(2);
  });

  it('belongs to the account that added it: another account neither sees nor uploads it', async () => {
    const dir = await newFolder('alice-only');
    const services = await syncing(dir);
    await addSyncFolder(services);
    await waitForFolder(services, upToDate);

    await services.handlers['account:sign-in']({ apiKey: standIn.otherApiKey }, { host: 'web' });
    await services.sync.settled();
    expect(services.sync.list().folders).toEqual([]);
    writeFileSync(path.join(dir, 'while-bob.txt'), 'not for bob');
    // Bob's session has no folders, so nothing can be queued under his account.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(standIn.uploads().some((u) => u.fileName === 'while-bob.txt')).toBe(false);
    expect(services.uploads.list().items).toEqual([]);

    await services.handlers['account:sign-in']({ apiKey: standIn.apiKey }, { host: 'web' });
    await services.sync.settled();
    await waitForFolder(services, (v) => upToDate(v) && v.activity.uploaded === 1);
    const stored = standIn.log.filter((e) => e.path === '/files/create' && e.status < 400);
    expect(stored.at(-1)?.userId).toBe(standIn.seed.users.alice.id);
    expect(folderView(services)?.path).toBe(dir);
  });
});
