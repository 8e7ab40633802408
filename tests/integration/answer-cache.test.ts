// The answer cache against the stand-in: every cacheable answer kept and handed back by cache:get,
// a restart with Ouro gone answering from it (marked offline) instead of failing, sign-out leaving
// nothing, the LRU budget, accounts never seeing each other's answers, and no credential on disk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CachedAnswer } from '../../shared/cache';
import { startStandIn, type StandIn } from '../stand-in/index';
import { desktopServices } from '../helpers/desktop';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ quiet: true, seedFiles: 300 });
});
afterAll(() => standIn.close());

const filesPage = { section: 'files', scope: 'personal', sort: 'recent', offset: 0, limit: 50 } as const;

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(dir, entry))
    .filter((file) => statSync(file).isFile());
}

async function signedIn(standInUrl: string, apiKey: string, overrides: Parameters<typeof desktopServices>[1] = {}) {
  const desk = desktopServices(standInUrl, overrides);
  await desk.services.start();
  await desk.services.account.signIn({ apiKey });
  return desk;
}

/** Waits for main's (fire-and-forget) cache write of this answer. */
const kept = (desk: ReturnType<typeof desktopServices>, channel: string, input: unknown) =>
  vi.waitFor(async () => {
    const hit = await desk.ok<CachedAnswer | null>('cache:get', { channel, input });
    if (!hit) throw new Error(`${channel} not kept yet`);
    return hit;
  });

describe('answer cache', () => {
  it('keeps lists, details, previews and the newest messages, and answers from them offline after a restart', async () => {
    // A stand-in of its own: this test stops it.
    const ouro = await startStandIn({ quiet: true });
    const file = ouro.seed.files.find((f) => f.name === 'lab-notes.txt')!;
    const conversation = ouro.seed.conversations[0]!;
    const first = await signedIn(ouro.url, ouro.apiKey);
    const inputs: [string, unknown][] = [
      ['assets:search', filesPage],
      ['files:get', { id: file.id }],
      ['files:preview', { id: file.id }],
      ['conversations:list', { offset: 0, limit: 20 }],
      ['conversations:get', { id: conversation.id }],
      ['conversations:messages', { id: conversation.id, limit: 50 }],
    ];
    const live = new Map<string, unknown>();
    const before = Date.now();
    for (const [channel, input] of inputs) live.set(channel, await first.ok(channel as never, input));
    for (const [channel, input] of inputs) {
      const hit = await kept(first, channel, input);
      expect(hit.data).toEqual(live.get(channel));
      expect(hit.savedAt).toBeGreaterThanOrEqual(before);
    }
    // What is not kept: a later page, a typed search, older messages.
    await first.ok('assets:search', { ...filesPage, offset: 50 });
    await first.ok('assets:search', { ...filesPage, query: 'lab' });
    expect(await first.ok('cache:get', { channel: 'assets:search', input: { ...filesPage, offset: 50 } })).toBeNull();
    expect(await first.ok('cache:get', { channel: 'assets:search', input: { ...filesPage, query: 'lab' } })).toBeNull();
    // cache:get validates the input against the named channel's own schema.
    expect(await first.call('cache:get', { channel: 'files:get', input: { id: '' } })).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'Invalid input for files:get' } });
    expect(await first.call('cache:get', { channel: 'account:get' as never, input: undefined })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    await first.services.dispose();
    await ouro.close();

    // A second start with the same data folder, Ouro unreachable.
    const second = desktopServices(ouro.url, { dataDir: first.dataDir, keychain: first.keychain });
    await second.services.start();
    for (const [channel, input] of inputs) {
      expect((await second.ok<CachedAnswer>('cache:get', { channel, input })).data).toEqual(live.get(channel));
    }
    // The live channels answer from the cache, marked offline, instead of failing.
    const details = await second.call('files:get', { id: file.id });
    expect(details).toMatchObject({ ok: true, data: live.get('files:get'), cached: { offline: true, savedAt: expect.any(Number) } });
    await vi.waitFor(async () => expect(await second.services.account.state()).toMatchObject({ connection: 'offline' }));
    const messages = await second.call('conversations:messages', { id: conversation.id, limit: 50 });
    expect(messages).toMatchObject({ ok: true, data: live.get('conversations:messages'), cached: { offline: true } });
    // Where nothing was kept, the failure is still the network's.
    const other = ouro.seed.files.find((f) => f.name === 'README.md')!;
    expect(await second.call('files:get', { id: other.id })).toMatchObject({ ok: false, error: { kind: 'network' } });
    await second.services.dispose();
  });

  it('keeps no key or token anywhere on disk', async () => {
    const desk = await signedIn(standIn.url, standIn.apiKey);
    const file = standIn.seed.files.find((f) => f.name === 'lab-notes.txt')!;
    await desk.ok('assets:search', filesPage);
    await desk.ok('files:get', { id: file.id });
    await kept(desk, 'files:get', { id: file.id });
    const secrets = desk.services.account.client().auth.secrets();
    expect(secrets).toContain(standIn.apiKey);
    expect(secrets.some((s) => s.startsWith('eyJ'))).toBe(true);
    await desk.services.dispose(); // flushes LevelDB's files
    const files = filesUnder(path.join(desk.dataDir, 'accounts'));
    const all = files.map((f) => readFileSync(f).toString('latin1')).join('\n');
    // The scan sees cached content (so it would see a credential too)…
    expect(all).toContain('lab-notes.txt');
    // …and finds none.
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('is empty after sign-out: the account’s folder is gone, and signing in again starts afresh', async () => {
    const desk = await signedIn(standIn.url, standIn.apiKey);
    const file = standIn.seed.files.find((f) => f.name === 'lab-notes.txt')!;
    await desk.ok('files:get', { id: file.id });
    await kept(desk, 'files:get', { id: file.id });
    expect(filesUnder(path.join(desk.dataDir, 'accounts')).length).toBeGreaterThan(0);
    await desk.ok('account:sign-out');
    expect(filesUnder(path.join(desk.dataDir, 'accounts'))).toEqual([]);
    expect(await desk.ok('cache:get', { channel: 'files:get', input: { id: file.id } })).toBeNull();
    await desk.services.account.signIn({ apiKey: standIn.apiKey });
    expect(await desk.ok('cache:get', { channel: 'files:get', input: { id: file.id } })).toBeNull();
    await desk.services.dispose();
  });

  it('stays within its budget, least recently used out first', async () => {
    const budget = 48 * 1024;
    const desk = await signedIn(standIn.url, standIn.apiKey, { cacheBudgetBytes: budget });
    const page = await desk.ok<{ items: { id: string }[] }>('assets:search', { section: 'files', scope: 'personal', sort: 'recent', offset: 0, limit: 150 });
    const ids = page.items.map((item) => item.id);
    expect(ids.length).toBe(150);
    await desk.ok('files:get', { id: ids[0] });
    await kept(desk, 'files:get', { id: ids[0] });
    for (const [i, id] of ids.slice(1).entries()) {
      await desk.ok('files:get', { id });
      // The first one stays in use, so it is never the least recently used.
      if (i % 10 === 0) await kept(desk, 'files:get', { id: ids[0] });
    }
    await kept(desk, 'files:get', { id: ids.at(-1) });
    expect(await desk.ok('cache:get', { channel: 'files:get', input: { id: ids[0] } })).not.toBeNull();
    expect(await desk.ok('cache:get', { channel: 'files:get', input: { id: ids[1] } })).toBeNull();
    await desk.services.dispose();
    const onDisk = filesUnder(path.join(desk.dataDir, 'accounts')).reduce((sum, f) => sum + statSync(f).size, 0);
    expect(onDisk).toBeLessThan(budget * 4);
  });

  it('keeps each account’s answers apart: B never sees A’s, and A’s are still there when A returns', async () => {
    const desk = await signedIn(standIn.url, standIn.apiKey);
    const aliceFile = standIn.seed.files.find((f) => f.name === 'lab-notes.txt')!;
    const bobFile = standIn.seed.files.find((f) => f.name === 'bob-public-measurements.csv')!;
    await desk.ok('files:get', { id: aliceFile.id });
    await desk.ok('assets:search', filesPage);
    await kept(desk, 'files:get', { id: aliceFile.id });

    await desk.services.account.signIn({ apiKey: standIn.otherApiKey });
    expect(await desk.ok('cache:get', { channel: 'files:get', input: { id: aliceFile.id } })).toBeNull();
    expect(await desk.ok('cache:get', { channel: 'assets:search', input: filesPage })).toBeNull();
    const bobsPage = await desk.ok('assets:search', filesPage);
    await desk.ok('files:get', { id: bobFile.id });
    expect((await kept(desk, 'assets:search', filesPage)).data).toEqual(bobsPage);
    expect(readdirSync(path.join(desk.dataDir, 'accounts'))).toHaveLength(2);

    await desk.services.account.signIn({ apiKey: standIn.apiKey });
    expect(await desk.ok('cache:get', { channel: 'files:get', input: { id: aliceFile.id } })).not.toBeNull();
    expect(await desk.ok('cache:get', { channel: 'files:get', input: { id: bobFile.id } })).toBeNull();
    const alicesPage = (await desk.ok<CachedAnswer>('cache:get', { channel: 'assets:search', input: filesPage })).data;
    expect(alicesPage).not.toEqual(bobsPage);
    // Sign-out forgets everything kept here: Alice's answers, and Bob's that waited for him.
    await desk.services.account.signOut();
    expect(existsSync(path.join(desk.dataDir, 'accounts'))).toBe(false);
    await desk.services.dispose();
  });
});
