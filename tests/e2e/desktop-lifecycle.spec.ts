// The app's life as a person runs it: starting while the keychain is locked (the window is there
// at once, saying "Starting…"), a notification click that brings the window back, and quitting
// mid-upload, which saves the queue before exiting so the next start finishes the upload cleanly.
// The keychain lock is the app's e2e hook (OURO_TEST_KEYCHAIN_GATE, electron/app/test-hooks.ts):
// reads wait until the gate file appears, and `<gate>.waiting` marks a read being held.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createQueueStore } from '../../electron/uploads/queue-store';
import { expect, test, type OuroApp } from './fixtures';
import { keychainClear, keychainLookup } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

interface PickedFile {
  name: string;
  bytes: Buffer;
}

/** "Upload files…" as each host offers it: Electron's native open dialog, the browser's picker. */
async function uploadThroughPicker(app: OuroApp, files: PickedFile[]): Promise<void> {
  const { page } = app;
  const button = page.getByRole('region', { name: 'Uploads' }).getByRole('button', { name: 'Upload files…' });
  if (app.electron) {
    // A test cannot click a native dialog: answer it with real files, as a person choosing them would.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-picked-'));
    const paths: string[] = [];
    for (const file of files) {
      const target = path.join(dir, file.name);
      await writeFile(target, file.bytes);
      paths.push(target);
    }
    await app.electron.evaluate(({ dialog }, filePaths) => {
      Object.assign(dialog, { showOpenDialog: async () => ({ canceled: false, filePaths }) });
    }, paths);
    await button.click();
  } else {
    const chooser = page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.bytes })));
  }
  const sheet = page.getByRole('dialog');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(sheet).toHaveCount(0);
}

function uploadItem(page: Page, name: string) {
  return page.getByRole('region', { name: 'Uploads' }).getByTestId('upload-item').filter({ hasText: name });
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

test('starting with a locked keychain shows the window at once, "Starting…" until the keychain answers', async ({ launch, standIn }) => {
  // A first run stores the key, as a person signing in once would.
  const first = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(first.page, standIn.apiKey);
  expect(keychainLookup(standIn.url)).toBe(standIn.apiKey);
  await first.close();

  const gate = path.join(await mkdtemp(path.join(os.tmpdir(), 'ouro-keychain-gate-')), 'unlocked');
  const app = await launch({ env: { OURO_BACKEND_URL: standIn.url, OURO_TEST_KEYCHAIN_GATE: gate }, dataDir: first.dataDir });
  const { page } = app;
  // The keychain read has begun and is being held, like a locked GNOME keyring or a Keychain prompt…
  await expect.poll(() => existsSync(`${gate}.waiting`)).toBe(true);
  // …and the window is already there, saying it is starting — not offering to sign in.
  await expect(page.getByRole('heading', { level: 1, name: 'Ouro' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Starting…' })).toBeVisible();
  await expect(page.getByLabel('API key')).toHaveCount(0);
  if (app.electron) {
    const electron = app.electron;
    await expect.poll(() => electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([true]);
  }

  // The person unlocks the keyring: the stored key signs in without the sign-in screen.
  await writeFile(gate, '');
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Starting…' })).toHaveCount(0);
  await expect(page.getByLabel('API key')).toHaveCount(0);
});

test('a notification click brings the hidden window back and focuses it', async ({ launch, standIn, ouroHost }) => {
  test.skip(ouroHost !== 'electron', 'OS notifications exist only in the Electron app; the web host shows none');
  const app = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const electron = app.electron;
  if (!electron) throw new Error('the electron project must hand over its ElectronApplication');
  await signInThroughUi(app.page, standIn.apiKey);
  const supported = await electron.evaluate(({ Notification }) => Notification.isSupported());
  test.skip(!supported, 'this system has no notification service (Notification.isSupported() is false)');

  // Long enough in flight to step away from the window before it finishes.
  standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 3_000 });
  await uploadThroughPicker(app, [{ name: 'notify-me.bin', bytes: randomBytes(50_000) }]);
  await expect(uploadItem(app.page, 'notify-me.bin')).toContainText('Uploading');
  // The person switches away: the window is hidden, so a finished upload is announced.
  await electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide());

  const notificationTitles = () =>
    electron.evaluate(() => {
      const hooks = (globalThis as { __ouroTest?: { notifications?: Array<{ title: string }> } }).__ouroTest;
      return (hooks?.notifications ?? []).map((n) => n.title);
    });
  await expect.poll(notificationTitles, { timeout: 20_000 }).toEqual(['Uploaded notify-me.bin']);

  await electron.evaluate(() => {
    const hooks = (globalThis as { __ouroTest?: { notifications?: Array<{ emit(event: string): void }> } }).__ouroTest;
    hooks?.notifications?.at(-1)?.emit('click');
  });
  // Windows gives a process the foreground only when the person activates it (a real toast click
  // does); a click emitted by a test does not, so there the window can only be shown, not focused.
  const focusable = process.platform !== 'win32';
  await expect
    .poll(() =>
      electron.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), minimized: w.isMinimized(), focused: w.isFocused() })),
      ),
    )
    .toEqual([{ visible: true, minimized: false, focused: focusable ? true : expect.any(Boolean) }]);
  await expect(uploadItem(app.page, 'notify-me.bin')).toContainText('Uploaded');
});

test('quitting mid-upload saves the queue first, and the next start finishes the upload cleanly', async ({ launch, standIn }) => {
  const first = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(first.page, standIn.apiKey);
  // The upload hangs in flight until the app quits.
  standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 60_000 });
  const file = { name: 'quit-midway.bin', bytes: randomBytes(200_001) };
  await uploadThroughPicker(first, [file]);
  await expect(uploadItem(first.page, file.name)).toContainText('Uploading');

  // Electron: app.quit() (before-quit waits for the cleanup); web host: SIGTERM (the same dispose).
  await first.close();
  // Read the way the next start reads it (snapshot, then the journal of changes since).
  const store = createQueueStore(first.dataDir);
  const saved = await store.load();
  await store.close();
  expect(saved.map((r) => [r.name, r.state])).toEqual([[file.name, 'queued']]);
  expect((await filesUnder(first.dataDir)).filter((f) => f.endsWith('.tmp') || f.endsWith('.part'))).toEqual([]);
  if (first.host === 'electron') {
    // The log is written synchronously: this line exists only if cleanup finished before the exit.
    expect(await readFile(path.join(first.dataDir, 'logs', 'main.log'), 'utf8')).toContain('Cleaned up; quitting');
  }
  standIn.faults.clear();

  const again = await launch({ env: { OURO_BACKEND_URL: standIn.url }, dataDir: first.dataDir });
  await expect(uploadItem(again.page, file.name)).toContainText('Uploaded');
  const stored = standIn.uploads().filter((u) => u.fileName === file.name);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.sha256).toBe(sha(file.bytes));
  const creates = standIn.log.filter((e) => e.method === 'POST' && e.path === '/files/create' && e.status === 200);
  expect(creates).toHaveLength(1);
  // Nothing left behind: no temporary files, and the web host's staged copy is gone once uploaded.
  await expect.poll(async () => (await filesUnder(again.dataDir)).filter((f) => f.endsWith('.tmp') || f.endsWith('.part') || f.startsWith('upload-staging'))).toEqual([]);
});
