// Moving content in and out through the web host: Replace File… by dropping a file on the details
// pane (the stand-in then serves the new bytes under the same id), dragging a row out (Chromium's
// DownloadURL drag data, whose link downloads the right bytes), and a bulk download of a
// selection followed in the tray's Downloads list. axe on the tray with downloads, light and dark.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { StandIn } from '../stand-in/index';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';
import { standInBytes } from './stand-in-bytes';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

const idOf = (standIn: StandIn, name: string) => standIn.seed.files.find((f) => f.name === name)?.id ?? '';
const row = (page: Page, name: string) => page.getByRole('listbox', { name: 'Files' }).getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

async function openFiles(page: Page, standIn: StandIn) {
  await signInThroughUi(page, standIn.apiKey);
  await expect(page.getByRole('listbox', { name: 'Files' }).getByRole('option').first()).toBeVisible();
}

test('a file dropped on the details pane replaces the content; the id stays', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await openFiles(page, standIn);
  const id = idOf(standIn, 'lab-notes.txt');
  await row(page, 'lab-notes.txt').click();
  const details = page.getByRole('complementary', { name: 'File details' });
  await expect(details.getByRole('heading', { name: 'lab-notes.txt' })).toBeVisible();
  const replacement = 'Lab notes, v2\n\n- Pull rate lowered to 1.5 mm/h.\n';
  await page.getByTestId('file-details').evaluate((el, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'lab-notes-v2.txt', { type: 'text/plain' }));
    el.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, replacement);
  // Not the window's upload sheet: the replacement goes straight to the queue, shown in the tray.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const item = page.getByTestId('upload-item').filter({ hasText: 'replaces lab-notes.txt' });
  await expect(item).toContainText('Uploaded', { timeout: 20_000 });
  expect((await standInBytes(standIn, id)).toString('utf8')).toBe(replacement);
  // Still the same asset in the list, under the same id.
  await expect(row(page, 'lab-notes.txt')).toHaveCount(1);
});

test('dragging a row out carries a DownloadURL whose link downloads the right bytes', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await openFiles(page, standIn);
  const target = row(page, 'README.md');
  await expect(target).toHaveAttribute('draggable', 'true');
  await target.click();
  // The links are prepared when the selection changes; a drag before that carries none (and prepares).
  let downloadUrl = '';
  await expect
    .poll(async () => {
      downloadUrl = await target.evaluate((el) => {
        const transfer = new DataTransfer();
        el.dispatchEvent(new DragEvent('dragstart', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        return transfer.getData('DownloadURL');
      });
      return downloadUrl;
    })
    .toMatch(/^text\/markdown:README\.md:http:\/\/127\.0\.0\.1:\d+\/__ouro\/drag\//);
  const url = downloadUrl.slice(downloadUrl.indexOf(':http') + 1);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toContain('README.md');
  expect(Buffer.from(await response.arrayBuffer()).equals(await standInBytes(standIn, idOf(standIn, 'README.md')))).toBe(true);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a bulk download of a selection, followed in the Downloads list (${colorScheme})`, async ({ launch, standIn }) => {
    const app = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
    const { page } = app;
    await page.emulateMedia({ colorScheme });
    await openFiles(page, standIn);
    await row(page, 'README.md').click();
    await row(page, 'fit_spectrum.py').click({ modifiers: ['Control'] });
    await expect(page.getByRole('heading', { name: '2 items selected' })).toBeVisible();
    await page.getByRole('complementary', { name: 'File details' }).getByRole('button', { name: 'Download…' }).click();
    const downloads = page.getByRole('list', { name: 'Downloads' });
    await expect(downloads.getByRole('listitem')).toHaveCount(2);
    await expect(downloads.getByRole('listitem').filter({ hasText: 'Downloaded' })).toHaveCount(2, { timeout: 20_000 });
    const folder = path.join(app.dataDir, 'Downloads');
    for (const name of ['README.md', 'fit_spectrum.py']) {
      expect(existsSync(path.join(folder, name)), name).toBe(true);
      expect(readFileSync(path.join(folder, name)).equals(await standInBytes(standIn, idOf(standIn, name)))).toBe(true);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/downloads-${colorScheme}.png` });
  });
}
