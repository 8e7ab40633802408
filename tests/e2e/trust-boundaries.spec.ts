// The page is untrusted: script in it calls window.ouro.invoke with the attacks a security audit
// found (a local path for uploads:add, a forged grant or staging token, another server as "the
// API", an id that rewrites the API path, malformed percent-encoding) and nothing reaches either
// the app's Ouro or the attacker's. And when the web host drops the page's event stream, the
// bridge reconnects and the page re-reads what it missed.
import type { Page } from '@playwright/test';
import { startStandIn, type StandIn } from '../stand-in/index';
import { expect, test } from './fixtures';
import { keychainClear, keychainLookup } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

let attacker: StandIn;
test.beforeAll(async () => {
  attacker = await startStandIn({ quiet: true });
});
test.afterAll(() => attacker.close());

type Invoke = (channel: string, input?: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { kind: string; message: string; issues?: string[] } }>;

test('page script cannot make main read a local path, use another API, or rewrite an API path', async ({ launch, standIn, ouroHost }) => {
  const app = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const { page } = app;
  await signInThroughUi(page, standIn.apiKey);
  await expect(page.getByRole('region', { name: 'Uploads' })).toBeVisible();
  // Electron asks the person, in main's own dialog, before another API is used: here they decline.
  await app.electron?.evaluate(({ dialog }) => {
    Object.assign(dialog, { showMessageBox: async () => ({ response: 0, checkboxChecked: false }) });
  });
  const since = Date.now();
  attacker.clearLog();
  const target = standIn.seed.files.find((f) => f.name === 'lab-notes.txt')?.id ?? '';

  const results = await page.evaluate(async ({ attackerUrl, target, web }) => {
    const invoke = (window.ouro as unknown as { invoke: Invoke }).invoke;
    const destination = { visibility: 'public' };
    return {
      hasGrantFiles: typeof window.ouro.grantFiles,
      paths: await invoke('uploads:add', { paths: ['/etc/passwd', '/root/.ssh/id_rsa', '/etc'], staged: [], destination }),
      // Issue 13's content replacement takes files the same way: handles or staged tokens only.
      replacePaths: await invoke('files:replace-content', { id: target, paths: ['/etc/passwd'] }),
      replaceForged: await invoke('files:replace-content', { id: target, granted: ['00000000-0000-4000-8000-000000000000'] }),
      pathsAsGrants: await invoke('uploads:add', { granted: ['/etc/passwd'], destination }),
      forgedGrant: await invoke('uploads:add', { granted: ['00000000-0000-4000-8000-000000000000'], destination }),
      forgedStaged: await invoke('uploads:add', { staged: ['11111111-1111-4111-8111-111111111111'], destination }),
      traversalStaged: await invoke('uploads:add', { staged: ['../../../../etc/passwd'], destination }),
      attackerApi: await invoke('account:sign-in', { apiKey: 'a-key-typed-into-a-fake-form-1234', apiBaseUrl: attackerUrl }),
      plainHttpApi: await invoke('account:sign-in', { apiKey: 'a-key-typed-into-a-fake-form-1234', apiBaseUrl: 'http://attacker.example' }),
      dotDotId: await invoke('files:get', { id: '..' }),
      slashId: await invoke('datasets:rows', { id: '../../user', offset: 0, limit: 1 }),
      surrogateId: await invoke('files:preview', { id: '\ud800' }),
      // The web host's HTTP IPC (Electron's IPC has no URL to mangle).
      badPercent: web ? (await fetch('/__ouro/ipc/%', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status : 400,
      account: await invoke('account:get'),
      queue: await invoke('uploads:list'),
    };
  }, { attackerUrl: attacker.url, target, web: ouroHost === 'web' });

  // There is no path-taking surface: grantFiles only in Electron's preload (Files, never strings),
  // and uploads:add and files:replace-content refuse paths.
  expect(results.hasGrantFiles).toBe(ouroHost === 'electron' ? 'function' : 'undefined');
  expect(results.replacePaths).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  expect(results.replaceForged).toMatchObject({ ok: false, error: { kind: 'file-unreadable', message: expect.stringContaining('not given') } });
  expect(results.paths).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  expect(results.paths.error?.issues?.join(' ')).toMatch(/paths/);
  expect(results.pathsAsGrants).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  expect(results.traversalStaged).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  // Well-formed handles main never issued are refused one by one, with the reason.
  expect(results.forgedGrant).toMatchObject({ ok: true, data: { added: 0, rejected: [{ reason: 'not-granted' }] } });
  expect(results.forgedStaged).toMatchObject({ ok: true, data: { added: 0, rejected: [{ reason: 'not-staged' }] } });
  // The API address is not the page's to choose.
  expect(results.attackerApi).toMatchObject(
    ouroHost === 'electron'
      ? { ok: false, error: { kind: 'cancelled', message: expect.stringContaining('nothing was sent to it') } }
      : { ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('does not take an API address from the page') } },
  );
  expect(results.plainHttpApi).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  // Ids are Ouro ids: nothing can rewrite the path they go into.
  for (const attempt of [results.dotDotId, results.slashId, results.surrogateId]) expect(attempt).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  expect(results.badPercent).toBe(400);
  // Still alice, on the app's Ouro; nothing queued.
  expect(results.account).toMatchObject({ ok: true, data: { status: 'signed-in', apiBaseUrl: standIn.url } });
  expect(results.queue).toMatchObject({ ok: true, data: { items: [] } });

  // Nothing reached the attacker's server, and nothing but the page's ordinary reads reached ours.
  expect(attacker.log).toEqual([]);
  const ours = standIn.log.filter((entry) => entry.at >= since);
  expect(ours.filter((entry) => entry.method !== 'GET')).toEqual([]);
  expect(ours.filter((entry) => entry.path === '/' || entry.path.includes('..') || entry.path === '/users/get-token')).toEqual([]);
  expect(standIn.uploads()).toEqual([]);
  expect(keychainLookup(attacker.url)).toBeNull();
  await expect(page.getByRole('region', { name: 'Uploads' }).getByTestId('upload-item')).toHaveCount(0);
});

test("another account's uploads are neither shown nor sent: a notice says they wait, and dropping them says so", async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  // Alice queues a file just as Ouro stops accepting her key.
  standIn.faults.add({ method: 'POST', path: '/files/upload', status: 401 });
  standIn.faults.add({ method: 'POST', path: '/users/get-token', status: 401, body: { error: 'Invalid API key' } });
  await uploadFromPage(page, 'alices-report.txt');
  await expect(page.getByRole('heading', { name: 'Sign in to Ouro' })).toBeVisible();

  // Bob signs in on the same app: Alice's upload is not his to see or send. The tray's summary
  // says one waits (the tray also peeks open by itself); pinned here, so it stays open.
  await signInThroughUi(page, standIn.otherApiKey);
  const region = page.getByRole('region', { name: 'Uploads' });
  const host = new URL(standIn.url).host;
  await expect(region.getByTestId('uploads-summary')).toHaveText('No uploads · 1 waiting for another account');
  await region.getByTestId('uploads-summary').click();
  await expect(region).toHaveAttribute('data-state', 'pinned');
  await expect(region.getByRole('status')).toContainText(`1 upload queued by ${standIn.seed.users.alice.username} at ${host} waits for that account to sign in again`);
  await expect(region.getByTestId('upload-item')).toHaveCount(0);
  await region.getByRole('button', { name: 'Drop it' }).click();
  await expect(region.getByRole('status')).toContainText('Dropped 1 upload queued by another account; it was never sent.');
  await expect(region.getByTestId('uploads-summary')).toHaveText('No uploads');
  expect(standIn.uploads()).toEqual([]);
  expect(standIn.log.filter((e) => e.method === 'POST' && e.path === '/files/upload' && e.status === 200)).toEqual([]);
});

async function streamHook(page: Page, action: 'drop-and-hold' | 'release' | 'status'): Promise<number> {
  return page.evaluate(async (body) => {
    const response = await fetch('/__ouro/test/event-streams', { method: 'POST', body });
    return ((await response.json()) as { readers: number }).readers;
  }, action);
}

async function uploadFromPage(page: Page, name: string): Promise<void> {
  const added = await page.evaluate(async (fileName) => {
    const staged = await window.ouro.stageFile!(new File([`bytes of ${fileName}`], fileName), fileName);
    if (!staged.ok) return staged;
    return (window.ouro as unknown as { invoke: Invoke }).invoke('uploads:add', { staged: [staged.data.staged], destination: { visibility: 'private' } });
  }, name);
  expect(added).toMatchObject({ ok: true, data: { added: 1 } });
}

test('a dropped event stream reconnects and the page re-reads what it missed', async ({ launch, standIn, ouroHost }) => {
  test.skip(ouroHost === 'electron', 'Electron delivers events over IPC, which is never dropped; this is the web host’s stream.');
  // The fixtures run every app with OURO_TEST_HOOKS=1, which gives the web host its stream hooks.
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  const row = (name: string) => page.getByRole('region', { name: 'Uploads' }).getByTestId('upload-item').filter({ hasText: name });
  await expect.poll(() => streamHook(page, 'status')).toBe(1);
  await uploadFromPage(page, 'before-the-drop.txt');
  await expect(row('before-the-drop.txt')).toContainText('Uploaded');

  // The host drops the page's stream (as it does for a reader that falls behind) and, for this
  // test, holds the reconnection, so everything that happens meanwhile is missed.
  expect(await streamHook(page, 'drop-and-hold')).toBe(0);
  await uploadFromPage(page, 'while-away.txt');
  await expect
    .poll(() => page.evaluate(async () => ((await window.ouro.invoke('uploads:list')) as { ok: true; data: { items: Array<{ name: string; state: string }> } }).data.items.find((i) => i.name === 'while-away.txt')?.state))
    .toBe('done');
  await expect(row('while-away.txt')).toHaveCount(0);

  await streamHook(page, 'release');
  await expect(row('while-away.txt')).toContainText('Uploaded');
  await expect.poll(() => streamHook(page, 'status')).toBe(1);
});
