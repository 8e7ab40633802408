// Sync folders end to end through the web host: the folder comes from OURO_DESKTOP_PICK_FOLDER
// (main's chooser there; Electron's folder dialog is answered the same way), files are written on
// disk by the test, and the stand-in's stored bytes and request log are the reference.
import { createHash } from 'node:crypto';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createOuroClient } from '../../electron/ouro/client';
import { expect, test, type OuroApp } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';
import { standInBytes } from './stand-in-bytes';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

const sha = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

async function launchWithFolder(launch: (o?: { env?: Record<string, string>; dataDir?: string }) => Promise<OuroApp>, standInUrl: string, folder: string, dataDir?: string) {
  const app = await launch({ env: { OURO_BACKEND_URL: standInUrl, OURO_DESKTOP_PICK_FOLDER: folder }, ...(dataDir ? { dataDir } : {}) });
  // Electron: main's folder dialog answers with the same folder (a test cannot click a native dialog).
  await app.electron?.evaluate(({ dialog }, picked) => {
    Object.assign(dialog, { showOpenDialog: async () => ({ canceled: false, filePaths: [picked] }) });
  }, folder);
  return app;
}

function folderRow(page: Page) {
  return page.getByRole('dialog', { name: 'Sync folders' }).getByTestId('sync-folder');
}

async function openSyncPanel(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Sync folders/ }).click();
  await expect(page.getByRole('dialog', { name: 'Sync folders' })).toBeVisible();
}

/** Through the Uploads tray's "Sync a folder…", the destination sheet and "Start syncing". */
async function addFolder(page: Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Uploads' }).getByRole('button', { name: 'Sync a folder…' }).click();
  const sheet = page.getByRole('dialog', { name: `Sync ${name}` });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('radio', { name: 'Private' })).toBeChecked();
  await sheet.getByRole('button', { name: 'Start syncing' }).click();
  await expect(sheet).toHaveCount(0);
  await expect(folderRow(page).getByTestId('sync-status')).toHaveText('Up to date');
}

const fileWrites = (standIn: { log: Array<{ method: string; path: string; status: number }> }) =>
  standIn.log.filter((e) => e.method !== 'GET' && /^\/files(\/|$)/.test(e.path) && e.status < 400).map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, ':id')}`);

test('a synced folder: new file uploaded, change replaced in place, rename renamed, delete kept on Ouro', async ({ launch, standIn }) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ouro-sync-e2e-'));
  try {
    const { page } = await launchWithFolder(launch, standIn.url, folder);
    await signInThroughUi(page, standIn.apiKey);
    await addFolder(page, path.basename(folder));
    const row = folderRow(page);
    standIn.clearLog();

    await writeFile(path.join(folder, 'spectrum.csv'), 'nm,counts\n500,12\n');
    await expect(row.getByTestId('sync-activity')).toContainText('1 uploaded');
    await expect(row.getByTestId('sync-status')).toHaveText('Up to date');
    const stored = standIn.uploads().filter((u) => u.fileName === 'spectrum.csv');
    expect(stored).toHaveLength(1);
    const assetId = stored[0]!.id;
    expect(sha(await standInBytes(standIn, assetId))).toBe(sha('nm,counts\n500,12\n'));
    // The tray's summary line includes sync.
    await expect(page.getByTestId('uploads-summary')).toContainText('Sync: up to date');

    await writeFile(path.join(folder, 'spectrum.csv'), 'nm,counts\n500,12\n510,15\n');
    await expect(row.getByTestId('sync-activity')).toContainText('1 updated');
    await expect(row.getByTestId('sync-status')).toHaveText('Up to date');
    expect((await standInBytes(standIn, assetId)).toString()).toBe('nm,counts\n500,12\n510,15\n');
    // Replaced in place: the stand-in stored the new bytes under the same asset, and no second file was created.
    expect([...new Set(standIn.uploads().filter((u) => u.fileName === 'spectrum.csv').map((u) => u.id))]).toEqual([assetId]);
    expect(fileWrites(standIn)).toEqual(['POST /files/upload', 'POST /files/create', 'PUT /files/:id/content']);

    standIn.clearLog();
    await rename(path.join(folder, 'spectrum.csv'), path.join(folder, 'spectrum-final.csv'));
    await expect(row.getByTestId('sync-activity')).toContainText('1 renamed');
    await expect(row.getByTestId('sync-status')).toHaveText('Up to date');
    expect(fileWrites(standIn)).toEqual(['PUT /files/:id']);
    const client = createOuroClient({ baseUrl: standIn.url, fetch: globalThis.fetch, appVersion: 'e2e', getApiKey: () => standIn.apiKey });
    expect((await client.files.get(assetId)).name).toBe('spectrum-final.csv');

    standIn.clearLog();
    await rm(path.join(folder, 'spectrum-final.csv'));
    await expect(row.getByTestId('sync-activity')).toContainText('1 deleted here, kept on Ouro');
    expect(fileWrites(standIn)).toEqual([]);
    expect(standIn.log.some((e) => e.method === 'DELETE')).toBe(false);
    expect((await client.files.get(assetId)).name).toBe('spectrum-final.csv');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('files added while the app was closed are uploaded once after a restart', async ({ launch, standIn }) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ouro-sync-e2e-'));
  try {
    const first = await launchWithFolder(launch, standIn.url, folder);
    await signInThroughUi(first.page, standIn.apiKey);
    await addFolder(first.page, path.basename(folder));
    await first.close();

    await writeFile(path.join(folder, 'while-closed-1.txt'), 'one');
    await writeFile(path.join(folder, 'while-closed-2.txt'), 'two');
    const again = await launchWithFolder(launch, standIn.url, folder, first.dataDir);
    await openSyncPanel(again.page);
    const row = folderRow(again.page);
    await expect(row.getByTestId('sync-activity')).toContainText('2 uploaded');
    await expect(row.getByTestId('sync-status')).toHaveText('Up to date');
    for (const [name, bytes] of [['while-closed-1.txt', 'one'], ['while-closed-2.txt', 'two']] as const) {
      const stored = standIn.uploads().filter((u) => u.fileName === name);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.sha256).toBe(sha(bytes));
    }
    expect(standIn.log.filter((e) => e.method === 'POST' && e.path === '/files/create' && e.status === 200)).toHaveLength(2);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('pause, resume and remove a sync folder from the panel; removing deletes nothing', async ({ launch, standIn }) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ouro-sync-e2e-'));
  try {
    await writeFile(path.join(folder, 'kept.txt'), 'kept');
    const { page } = await launchWithFolder(launch, standIn.url, folder);
    await signInThroughUi(page, standIn.apiKey);
    await addFolder(page, path.basename(folder));
    const row = folderRow(page);
    await expect(row.getByTestId('sync-activity')).toContainText('1 uploaded');
    const name = path.basename(folder);

    await row.getByRole('button', { name: `Pause ${name}` }).click();
    await expect(row.getByTestId('sync-status')).toHaveText('Paused');
    await row.getByRole('button', { name: `Resume ${name}` }).click();
    await expect(row.getByTestId('sync-status')).toHaveText('Up to date');

    standIn.clearLog();
    await row.getByRole('button', { name: `Stop syncing ${name}` }).click();
    await page.getByRole('alertdialog', { name: `Stop syncing ${name}?` }).getByRole('button', { name: 'Stop syncing' }).click();
    await expect(row).toHaveCount(0);
    expect(standIn.log.some((e) => e.method === 'DELETE')).toBe(false);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
