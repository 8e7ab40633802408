// The palette's back end and ouro:// links against the stand-in: one search across files,
// datasets and conversations with a newer query cancelling the older, recent items per account,
// pasted links and ids resolved, and links handed to the web host's entry point opening the item
// (or refused) the way a second launch's argv would.
import http from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenRequest } from '../../shared/links';
import type { PaletteResults, RecentItem, ResolvedItem } from '../../shared/palette';
import { createEventHub } from '../../electron/event-hub';
import { createLogger } from '../../electron/log';
import { OPEN_LINK_PATH, startWebHost, TOKEN_HEADER, type WebHost } from '../../electron/web-host/server';
import { startStandIn, type StandIn } from '../stand-in/index';
import { desktopServices } from '../helpers/desktop';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
});
afterAll(() => standIn.close());

const labNotes = () => standIn.seed.files.find((f) => f.name === 'lab-notes.txt')!;

async function signedIn(overrides: Parameters<typeof desktopServices>[1] = {}) {
  const desk = desktopServices(standIn.url, overrides);
  await desk.services.start();
  await desk.services.account.signIn({ apiKey: standIn.apiKey });
  return desk;
}

describe('palette', () => {
  it('finds files, datasets and conversations in one search', async () => {
    const desk = await signedIn();
    const notes = await desk.ok<PaletteResults>('palette:search', { query: 'lab notes' });
    expect(notes.items[0]).toMatchObject({ type: 'file', id: labNotes().id, name: 'lab-notes.txt', detail: expect.stringContaining('alice') });
    const mnbi = await desk.ok<PaletteResults>('palette:search', { query: 'MnBi' });
    expect(new Set(mnbi.items.map((item) => item.type))).toEqual(new Set(['file', 'conversation']));
    expect(mnbi.items).toContainEqual(expect.objectContaining({ type: 'conversation', name: 'MnBi-7 growth run planning' }));
    const furnace = await desk.ok<PaletteResults>('palette:search', { query: 'furnace' });
    expect(furnace.items).toContainEqual(expect.objectContaining({ type: 'dataset', name: 'furnace-runs-1k' }));
    const search = standIn.log.filter((e) => e.path === '/search/assets').at(-1)!;
    expect(JSON.parse(search.query.filters ?? '{}')).toEqual({ asset_type: ['file', 'dataset', 'conversation'] });
    expect(await desk.call('palette:search', { query: '   ' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    await desk.services.dispose();
  });

  it('a newer search from the same page cancels the older one still in flight; another page’s is left alone', async () => {
    const desk = await signedIn();
    standIn.faults.add({ method: 'GET', path: '/search/assets', latencyMs: 2_000, times: 2 });
    const older = desk.dispatch('palette:search', { query: 'lab' }, { host: 'web', sender: 'page-1' });
    const otherPage = desk.dispatch('palette:search', { query: 'lab' }, { host: 'web', sender: 'page-2' });
    await vi.waitFor(() => expect(standIn.faults.pending()).toBe(0));
    const newer = desk.dispatch('palette:search', { query: 'lab notes' }, { host: 'web', sender: 'page-1' });
    // Cancelled, not answered late: its request was aborted while Ouro was still thinking.
    expect(await older).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(await newer).toMatchObject({ ok: true, data: { query: 'lab notes' } });
    expect(await otherPage).toMatchObject({ ok: true, data: { query: 'lab' } });
    await desk.services.dispose();
  });

  it('keeps recent items per account, newest first, and forgets them at sign-out', async () => {
    const desk = await signedIn();
    const conversation = standIn.seed.conversations[0]!;
    const dataset = standIn.seed.datasets[0]!;
    expect(await desk.ok('palette:recent')).toEqual([]);
    await desk.ok('files:get', { id: labNotes().id });
    await desk.ok('datasets:get', { id: dataset.id });
    await desk.ok('conversations:get', { id: conversation.id });
    await desk.ok('files:get', { id: labNotes().id });
    await vi.waitFor(async () => expect((await desk.ok<RecentItem[]>('palette:recent')).map((r) => r.id)).toEqual([labNotes().id, conversation.id, dataset.id]));
    const recent = await desk.ok<RecentItem[]>('palette:recent');
    expect(recent[1]).toMatchObject({ type: 'conversation', name: 'MnBi-7 growth run planning' });
    expect(recent[2]).toMatchObject({ type: 'dataset', name: dataset.name });

    // Another account has its own list.
    await desk.services.account.signIn({ apiKey: standIn.otherApiKey });
    expect(await desk.ok('palette:recent')).toEqual([]);
    await desk.services.account.signIn({ apiKey: standIn.apiKey });
    expect(await desk.ok<RecentItem[]>('palette:recent')).toHaveLength(3);
    await desk.ok('account:sign-out');
    await desk.services.account.signIn({ apiKey: standIn.apiKey });
    expect(await desk.ok('palette:recent')).toEqual([]);
    await desk.services.dispose();
  });

  it('resolves a pasted id, ouro:// link or Ouro web link to the item, and says why when it cannot', async () => {
    const desk = await signedIn();
    const file = labNotes();
    const dataset = standIn.seed.datasets[0]!;
    const conversation = standIn.seed.conversations[0]!;
    const resolve = (text: string) => desk.ok<ResolvedItem>('palette:resolve', { text });
    expect(await resolve(file.id)).toEqual({ found: true, item: { type: 'file', id: file.id, name: 'lab-notes.txt', detail: expect.any(String) } });
    expect(await resolve(`https://ouro.foundation/datasets/alice/${dataset.id}?intent=share`)).toMatchObject({ found: true, item: { type: 'dataset', id: dataset.id, name: dataset.name } });
    expect(await resolve(`ouro://conversation/${conversation.id}`)).toMatchObject({ found: true, item: { type: 'conversation', name: 'MnBi-7 growth run planning' } });
    expect(await resolve(`https://ouro.foundation/conversations/${conversation.id}`)).toMatchObject({ found: true, item: { id: conversation.id } });
    // By owner and name, the form Ouro's website links use: found by its own web path.
    expect(await resolve('https://ouro.foundation/files/alice/lab-notes-txt')).toMatchObject({ found: true, item: { id: file.id } });
    expect(await resolve('https://ouro.foundation/files/alice/no-such-file')).toMatchObject({ found: false, message: expect.stringContaining('No file at this link') });
    const bobsPrivate = standIn.seed.files.find((f) => f.name === 'bob-private-diary.txt')!;
    expect(await resolve(bobsPrivate.id)).toEqual({ found: false, message: 'No item with this id, or it has not been shared with you.' });
    expect(await resolve('https://evil.example/files/alice/x')).toEqual({ found: false, message: 'That link is not to ouro.foundation.' });
    expect(standIn.log.some((e) => e.path === `/assets/${file.id}/type`)).toBe(true);
    await desk.services.dispose();
  });
});

describe('ouro:// links through the web host entry point', () => {
  let host: WebHost;
  let desk: Awaited<ReturnType<typeof signedIn>>;
  const TOKEN = 'link-test-token-0123456789';
  const hub = createEventHub();
  const pushed: string[] = [];

  beforeAll(async () => {
    desk = await signedIn({ emit: (event) => void pushed.push(event) });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-links-host-'));
    await mkdir(path.join(dir, 'renderer'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    host = await startWebHost({
      rendererDir: path.join(dir, 'renderer'),
      bridgeScript: path.join(dir, 'bridge.js'),
      dispatch: desk.dispatch,
      events: hub,
      token: TOKEN,
      openLink: (link) => ('url' in link ? desk.services.links.receive(link.url) : desk.services.links.receiveArgv(link.argv)),
      log: createLogger({ write: () => {} }),
    });
  });
  afterAll(async () => {
    await host.close();
    await desk.services.dispose();
  });

  function post(pathname: string, body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN }): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  }

  /** What the page would get from links:take, over the web host's IPC. */
  async function take(): Promise<OpenRequest[]> {
    const res = await post('/__ouro/ipc/links:take', {}, { [TOKEN_HEADER]: TOKEN, Origin: `http://127.0.0.1:${host.port}` });
    const result = JSON.parse(res.body) as { ok: true; data: OpenRequest[] };
    return result.data;
  }

  it('opens ouro://asset/<id> as the item it is (a file here), telling the page there is something to open', async () => {
    const before = pushed.filter((e) => e === 'links:requested').length;
    expect(await post(OPEN_LINK_PATH, { url: `ouro://asset/${labNotes().id}` })).toMatchObject({ status: 200 });
    expect(pushed.filter((e) => e === 'links:requested').length).toBe(before + 1);
    expect(await take()).toEqual([{ seq: expect.any(Number), outcome: 'open', target: { type: 'file', id: labNotes().id }, source: 'link' }]);
    expect(await take()).toEqual([]);
  });

  it('opens datasets and conversations, in the order the links came, from a second launch’s argv too', async () => {
    const dataset = standIn.seed.datasets[1]!;
    const conversation = standIn.seed.conversations[1]!;
    await post(OPEN_LINK_PATH, { argv: ['/opt/Ouro/ouro-desktop', '--', `ouro://asset/${dataset.id}`] });
    await post(OPEN_LINK_PATH, { url: `ouro://conversation/${conversation.id}` });
    expect((await take()).map((r) => (r.outcome === 'open' ? r.target : r))).toEqual([
      { type: 'dataset', id: dataset.id },
      { type: 'conversation', id: conversation.id },
    ]);
  });

  it('refuses a malformed link, an unknown kind and an item one cannot see, with a notice and nothing else', async () => {
    standIn.clearLog();
    await post(OPEN_LINK_PATH, { url: 'ouro://asset/not-a-uuid' });
    await post(OPEN_LINK_PATH, { url: `ouro://upload/${labNotes().id}?path=/etc/passwd` });
    await post(OPEN_LINK_PATH, { url: `https://ouro.foundation/files/alice/${labNotes().id}` });
    const malformedRequests = standIn.log.length;
    await post(OPEN_LINK_PATH, { url: `ouro://asset/${standIn.seed.files.find((f) => f.name === 'bob-private-diary.txt')!.id}` });
    const taken = await take();
    expect(taken.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect(taken.map((r) => (r.outcome === 'refused' ? r.message : ''))).toEqual([
      'This ouro://asset link does not name a valid asset id.',
      'This ouro:// link has extra parts (a query or fragment) Ouro links never have.',
      'Only ouro:// links open in Ouro.',
      'No item with this id, or it has not been shared with you.',
    ]);
    // Refused links cost nothing on Ouro; looking an id up is the only request a link ever makes.
    expect(malformedRequests).toBe(0);
    expect(standIn.log.map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/, '{id}')}`)).toEqual(['GET /assets/{id}/type']);
  });

  it('takes links only with the token in the header: never from the page’s cookie, never without it', async () => {
    expect((await post(OPEN_LINK_PATH, { url: `ouro://asset/${labNotes().id}` }, {})).status).toBe(401);
    expect((await post(OPEN_LINK_PATH, { url: `ouro://asset/${labNotes().id}` }, { Cookie: `ouro_web_${host.port}=${TOKEN}` })).status).toBe(403);
    expect((await post(OPEN_LINK_PATH, { nothing: true })).status).toBe(400);
    expect(await take()).toEqual([]);
  });

  it('an item a link asked to open for one account is never handed to the next one', async () => {
    expect(await post(OPEN_LINK_PATH, { url: `ouro://asset/${labNotes().id}` })).toMatchObject({ status: 200 });
    await desk.services.account.signIn({ apiKey: standIn.otherApiKey });
    expect(await take()).toEqual([]);
    await desk.services.account.signIn({ apiKey: standIn.apiKey });
  });

  it('builds the desktop link for an item (the page copies it in the web host)', async () => {
    expect(await desk.ok('links:desktop-link', { type: 'dataset', id: standIn.seed.datasets[0]!.id })).toEqual({ url: `ouro://asset/${standIn.seed.datasets[0]!.id}`, copied: false });
    expect(await desk.ok('links:desktop-link', { type: 'conversation', id: standIn.seed.conversations[0]!.id })).toEqual({ url: `ouro://conversation/${standIn.seed.conversations[0]!.id}`, copied: false });
    expect(await desk.call('links:desktop-link', { type: 'file', id: 'lab-notes.txt' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('copies it to the clipboard where the host has one (Electron)', async () => {
    const copied: string[] = [];
    const electronLike = await signedIn({ desktop: { copyText: (text) => void copied.push(text) } });
    expect(await electronLike.ok('links:desktop-link', { type: 'file', id: labNotes().id })).toEqual({ url: `ouro://asset/${labNotes().id}`, copied: true });
    expect(copied).toEqual([`ouro://asset/${labNotes().id}`]);
    await electronLike.services.dispose();
  });
});
