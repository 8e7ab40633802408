import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Channel, ChannelInput } from '../../shared/contract';
import { channelNames, eventNames } from '../../shared/contract-names';
import { expect, test } from './fixtures';
import { keychainClear, keychainLookup } from './keychain';
import { openAccountMenu, signInThroughUi, signOutThroughUi } from './sign-in-helpers';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

test.afterEach(({ standIn }) => keychainClear(standIn.url));

test('sign in keeps the key in the OS keychain only; restart signs in silently; sign out removes it', async ({ launch, standIn }) => {
  const env = { OURO_BACKEND_URL: standIn.url };
  const app = await launch({ env });
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Sign in to Ouro' })).toBeVisible();
  await signInThroughUi(page, standIn.apiKey);

  const alice = standIn.seed.users.alice;
  await expect(page.getByTestId('account-username')).toContainText(alice.username);
  await openAccountMenu(page);
  await expect(page.getByTestId('account-key-hint')).toHaveText(`•••• ${standIn.apiKey.slice(-4)} · laptop-key`);
  expect(keychainLookup(standIn.url)).toBe(standIn.apiKey);
  for (const file of await filesUnder(app.dataDir)) {
    // A cache's temporary file may be renamed between the listing and the read (its content is then
    // in the file it became, read in its turn or by the next run of this check).
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '' : Promise.reject(error)));
    expect(text, file).not.toContain(standIn.apiKey);
  }

  await app.close();
  const again = await launch({ env, dataDir: app.dataDir });
  await expect(again.page.getByTestId('account-username')).toContainText(alice.username);
  await expect(again.page.getByLabel('API key')).toHaveCount(0);

  await signOutThroughUi(again.page);
  await expect(again.page.getByRole('heading', { name: 'Sign in to Ouro' })).toBeVisible();
  expect(keychainLookup(standIn.url)).toBeNull();
  expect(await filesUnder(again.dataDir)).not.toContain(path.join(again.dataDir, 'account-cache.json'));
});

test('the web host uses the API it was started with and takes no address from the page', async ({ launch, standIn, ouroHost }) => {
  test.skip(ouroHost === 'electron', 'The desktop app asks in a native dialog instead (next test).');
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await expect(page.getByTestId('app-api-base')).toHaveText(standIn.url);
  await page.getByText('Advanced').click();
  const field = page.getByLabel('API URL');
  await expect(field).toHaveValue(standIn.url);
  await expect(field).not.toBeEditable();
  await expect(page.getByText('This web host uses the API it was started with')).toBeVisible();
  await signInThroughUi(page, standIn.apiKey);
  expect(keychainLookup(standIn.url)).toBe(standIn.apiKey);
});

test('in the desktop app another API URL is used only after the native dialog naming its host', async ({ launch, standIn, ouroHost }) => {
  test.skip(ouroHost === 'web', 'Only the desktop app has a native dialog; the web host takes no address from the page (previous test).');
  const app = await launch();
  const { page, electron } = app;
  // A test cannot click a native dialog: answer it, recording what it showed.
  const answerDialog = (response: number) =>
    electron?.evaluate(({ dialog }, answer) => {
      const asked: string[] = [];
      (globalThis as unknown as { __asked: string[] }).__asked = asked;
      Object.assign(dialog, {
        showMessageBox: async (...args: unknown[]) => {
          const options = args.find((a): a is { message: string } => typeof a === 'object' && a !== null && 'message' in a);
          asked.push(options?.message ?? '');
          return { response: answer, checkboxChecked: false };
        },
      });
    }, response);
  const asked = () => electron?.evaluate(() => (globalThis as unknown as { __asked: string[] }).__asked);
  await expect(page.getByTestId('app-api-base')).toHaveText('https://api.ouro.foundation');
  await page.getByText('Advanced').click();
  await page.getByLabel('API URL').fill(standIn.url);

  await answerDialog(0);
  await page.getByLabel('API key').fill(standIn.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The API address was not confirmed');
  expect(await asked()).toEqual([`Sign in to the Ouro API at ${new URL(standIn.url).host}?`]);
  expect(keychainLookup(standIn.url)).toBeNull();

  await answerDialog(1);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
  await expect(page.getByTestId('app-api-base')).toHaveText(standIn.url);
  expect(keychainLookup(standIn.url)).toBe(standIn.apiKey);
  expect(keychainLookup('https://api.ouro.foundation')).toBeNull();

  await app.close();
  const again = await launch({ dataDir: app.dataDir });
  await expect(again.page.getByTestId('account-username')).toContainText(standIn.seed.users.alice.username);
  await expect(again.page.getByTestId('app-api-base')).toHaveText(standIn.url);
});

test('a wrong key shows the wrong-key message, keeps what was typed and stores nothing; editing clears it', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await page.getByLabel('API key').fill('not-a-real-key-1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('That API key was not accepted');
  await expect(page.getByLabel('API key')).toHaveValue('not-a-real-key-1234');
  expect(keychainLookup(standIn.url)).toBeNull();
  // The old error does not stay while a new key is typed.
  await page.getByLabel('API key').fill('not-a-real-key-123');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('server trouble during sign-in has its own message', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  standIn.faults.add({ method: 'POST', path: '/users/get-token', status: 500, times: 10 });
  await page.getByLabel('API key').fill(standIn.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Ouro is having trouble');
  await expect(page.getByRole('alert')).toContainText('HTTP 500');
  expect(keychainLookup(standIn.url)).toBeNull();
});

test('a network failure during sign-in has its own message', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  standIn.faults.add({ path: '/users/get-token', reset: 'immediately', times: 50 });
  await page.getByLabel('API key').fill(standIn.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("Can't reach Ouro", { timeout: 30_000 });
  expect(keychainLookup(standIn.url)).toBeNull();
});

test('a key Ouro stops accepting returns to sign-in with the revoked message', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  standIn.revokeKey(standIn.apiKey);
  await page.evaluate(() => window.ouro.invoke('account:reconnect'));
  await expect(page.getByRole('alert')).toContainText('Your API key was revoked or has expired');
  await expect(page.getByLabel('API key')).toBeVisible();
  expect(keychainLookup(standIn.url)).toBeNull();
});

test('offline at start-up stays signed in, shows it, and recovers on Retry', async ({ launch, standIn }) => {
  const env = { OURO_BACKEND_URL: standIn.url };
  const first = await launch({ env });
  await signInThroughUi(first.page, standIn.apiKey);
  await first.close();

  standIn.faults.add({ path: '/users/get-token', reset: 'immediately', times: 1000 });
  // The app's own next try is ten minutes away, so only Retry can bring it back within the test
  // (with the usual 2 s, 5 s… the app could reconnect by itself just before the click).
  const { page } = await launch({ env: { ...env, OURO_RECONNECT_DELAYS_MS: '600000' }, dataDir: first.dataDir });
  await expect(page.getByTestId('account-username')).toContainText(standIn.seed.users.alice.username);
  // The banner (the list may also say it could not load, which is right too).
  const banner = page.getByRole('alert').filter({ hasText: 'will keep trying to reach Ouro' });
  await expect(banner).toContainText("You're offline", { timeout: 30_000 });
  standIn.faults.clear();
  const exchanges = standIn.log.filter((e) => e.path === '/users/get-token').length;
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toHaveCount(0);
  // Retry asked Ouro again (the exchange that succeeded came from the click).
  expect(standIn.log.filter((e) => e.path === '/users/get-token').length).toBeGreaterThan(exchanges);
});

test('OURO_API_KEY signs in for the session without touching the keychain', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url, OURO_API_KEY: standIn.apiKey } });
  await expect(page.getByTestId('account-username')).toContainText(standIn.seed.users.alice.username);
  expect(keychainLookup(standIn.url)).toBeNull();
});

test('without a Secret Service the app says so and signs in for this session only', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ouro-test-bus' } });
  await expect(page.getByRole('alert')).toContainText('The system keychain is unavailable');
  await expect(page.getByRole('alert')).toContainText('GNOME Keyring');
  await page.getByLabel('API key').fill(standIn.apiKey);
  // Only a session sign-in can succeed, so it is the primary button, and the only one.
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Use for this session only' }).click();
  await expect(page.getByTestId('account-username')).toContainText(standIn.seed.users.alice.username);
  // A visible badge says the key is not in the keychain.
  await expect(page.getByText('Session only', { exact: true })).toBeVisible();
  await openAccountMenu(page);
  await expect(page.getByTestId('account-key-hint')).toHaveAttribute('title', /this session only/);
  expect(keychainLookup(standIn.url)).toBeNull();
});

test('no IPC response or event ever carries the key, across every channel', async ({ launch, standIn, ouroHost }) => {
  test.skip(ouroHost === 'electron', 'IPC traffic is read from the web host’s loopback HTTP; the Electron run shares the same dispatcher.');
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const bodies: string[] = [];
  const channelsSeen = new Set<string>();
  page.on('response', async (response) => {
    const match = /\/__ouro\/ipc\/([^?]+)/.exec(response.url());
    if (!match?.[1]) return;
    channelsSeen.add(decodeURIComponent(match[1]));
    bodies.push(await response.text());
  });
  await page.evaluate((names) => {
    const log: string[] = [];
    (window as unknown as { __events: string[] }).__events = log;
    for (const name of names) window.ouro.on(name as 'account:changed', (payload) => log.push(JSON.stringify(payload)));
  }, [...eventNames]);

  // A full run through the UI: sign in, browse each section, open details.
  await signInThroughUi(page, standIn.apiKey);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await page.getByRole('listbox', { name: 'Files' }).getByRole('option', { name: /lab-notes\.txt/ }).click();
  await expect(page.getByLabel('Contents of lab-notes.txt')).toBeVisible();
  await sections.getByRole('button', { name: 'Datasets' }).click();
  await page.getByRole('listbox', { name: 'Datasets' }).getByRole('option').first().click();
  await page.getByRole('button', { name: 'Open rows' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await sections.getByRole('button', { name: 'Conversations' }).click();
  await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click();

  // Then every channel, with inputs typed against the contract: a new channel without a sample
  // here is a compile error, so this test always covers the whole surface.
  const file = standIn.seed.files.find((f) => f.name === 'lab-notes.txt')!;
  const dataset = standIn.seed.datasets[0]!;
  const conversation = standIn.seed.conversations[0]!;
  const someId = '00000000-0000-4000-8000-000000000000';
  const samples: { [C in Channel]: ChannelInput<C> } = {
    'app:info': undefined,
    'app:open-external': { url: 'https://ouro.foundation/settings/api-keys' },
    'app:update-state': undefined,
    'app:restart-to-update': undefined,
    'account:get': undefined,
    'account:sign-in': { apiKey: standIn.apiKey },
    'account:reconnect': undefined,
    'assets:search': { section: 'files', scope: 'personal', sort: 'recent', offset: 0, limit: 5 },
    'files:get': { id: file.id },
    'files:preview': { id: file.id },
    'files:thumbnail': { id: file.id },
    'files:download': { id: file.id },
    'datasets:get': { id: dataset.id },
    'datasets:stats': { id: dataset.id },
    'datasets:rows': { id: dataset.id, offset: 0, limit: 10 },
    'datasets:export': { id: dataset.id },
    'conversations:list': { offset: 0, limit: 5 },
    'conversations:get': { id: conversation.id },
    'conversations:messages': { id: conversation.id, limit: 5 },
    'uploads:list': undefined,
    'uploads:add': { granted: [], staged: [], destination: { visibility: 'private' } },
    'uploads:cancel': { id: someId },
    'uploads:cancel-all': undefined,
    'uploads:retry': { id: someId },
    'uploads:clear-finished': undefined,
    'uploads:drop-waiting': undefined,
    'uploads:choose-files': undefined,
    'uploads:destinations': undefined,
    // Electron-only in practice; over the web host's JSON the bytes are refused as invalid input.
    'uploads:stage-bytes': { name: 'pasted.png', bytes: new Uint8Array([1, 2, 3]) },
    // Acting on content: harmless samples (an unknown id, a dry run, a token never issued).
    'assets:update': { id: someId, assetType: 'file', changes: { name: 'never applied' } },
    'assets:delete-preview': { items: [{ id: file.id, assetType: 'file' }] },
    'assets:delete': { token: someId, ids: [file.id] },
    'files:replace-content': { id: someId, staged: [someId] },
    'downloads:list': undefined,
    'downloads:cancel': { id: someId },
    'downloads:show-in-folder': { id: someId },
    'downloads:clear-finished': undefined,
    'downloads:bulk': { items: [{ id: someId, assetType: 'file' }] },
    'menu:context': { actions: ['rename', 'delete'] },
    'menu:selection-changed': { count: 1, files: 1, datasets: 0, textFocused: false },
    'drag:prepare': { items: [{ id: file.id, assetType: 'file' }] },
    'cache:get': { channel: 'files:get', input: { id: file.id } },
    'palette:search': { query: 'lab notes' },
    'palette:recent': undefined,
    'palette:resolve': { text: file.id },
    'notifications:list': { offset: 0, limit: 5 },
    'notifications:unreads': undefined,
    'notifications:open': { id: standIn.seed.notifications.find((n) => n.to === 'alice')!.id },
    'links:take': undefined,
    'links:desktop-link': { type: 'file', id: file.id },
    'outbox:send': { conversationId: conversation.id, text: 'Sent by the contract-surface test' },
    'outbox:list': undefined,
    'outbox:retry': { clientId: someId },
    'outbox:discard': { clientId: someId },
    // Sync folders: listing, the chooser (no folder configured here), and refused ids and handles.
    'sync:list': undefined,
    'sync:choose-folder': undefined,
    'sync:add': { handle: someId, destination: { visibility: 'private' }, existing: 'skip' },
    'sync:update': { id: someId, paused: true },
    'sync:remove': { id: someId },
    'account:sign-out': undefined,
  };
  await page.evaluate(async (entries) => {
    const bridge = window.ouro as unknown as { invoke(channel: string, input?: unknown): Promise<unknown> };
    for (const [channel, input] of entries) await bridge.invoke(channel, input);
  }, Object.entries(samples));
  await expect(page.getByRole('heading', { name: 'Sign in to Ouro' })).toBeVisible();

  const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
  expect(events.length).toBeGreaterThan(0);
  await expect.poll(() => channelsSeen.size).toBe(channelNames.length);
  expect([...channelsSeen].sort()).toEqual([...channelNames].sort());
  for (const text of [...bodies, ...events]) {
    expect(text).not.toContain(standIn.apiKey);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  }
});
