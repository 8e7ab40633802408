// Previews and what the list shows of each item: Markdown rendered (and sanitised), an image
// enlarged and closed again, thumbnails made by main for image files, a clear placeholder for an
// image that cannot be decoded, and search words marked with a count of the matches.
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

const filesList = (page: Page) => page.getByRole('listbox', { name: 'Files' });

test('a Markdown file is rendered, not shown as source', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await filesList(page).getByRole('option', { name: /README\.md/ }).click();
  const contents = page.getByRole('region', { name: 'Contents of README.md' });
  await expect(contents.getByRole('heading', { name: 'Crystal growth toolkit' })).toBeVisible();
  await expect(contents.locator('strong')).toHaveText('Bridgman');
  await expect(contents.locator('pre code')).toContainText('python fit_spectrum.py data.csv');
  await expect(contents).not.toContainText('# Crystal');
});

test('an image enlarges on click and Esc closes only the viewer; image files get thumbnails', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  const logo = filesList(page).getByRole('option', { name: /team-logo\.png/ }).locator('img.thumb');
  await expect(logo).toBeVisible();
  expect(await logo.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeLessThanOrEqual(64);
  // Files that are not images keep their type badge.
  await expect(filesList(page).getByRole('option', { name: /lab-notes\.txt/ }).locator('img')).toHaveCount(0);

  await filesList(page).getByRole('option', { name: /diffraction-pattern\.png/ }).click();
  await page.getByRole('img', { name: 'Preview of diffraction-pattern.png' }).click();
  const viewer = page.getByRole('dialog', { name: 'diffraction-pattern.png' });
  await expect(viewer.getByRole('img', { name: 'diffraction-pattern.png' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'File details' })).toBeVisible();
  // And from the keyboard: the Enlarge button.
  await page.getByRole('button', { name: 'Enlarge' }).click();
  await expect(viewer).toBeVisible();
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toHaveCount(0);
});

test('an image that cannot be decoded shows a clear placeholder, and no thumbnail', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  // Upload a "PNG" that is not one, through a real drop on the window.
  await page.evaluate((base64) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'broken-scan.png', { type: 'image/png' }));
    for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, randomBytes(3_000).toString('base64'));
  await page.getByRole('dialog').getByRole('button', { name: 'Upload', exact: true }).click();
  const row = filesList(page).getByRole('option', { name: /broken-scan\.png/ });
  await expect(row).toBeVisible({ timeout: 20_000 });

  await row.click();
  await expect(page.getByRole('img', { name: 'broken-scan.png cannot be displayed' })).toContainText('This image can’t be displayed');
  await expect(row.locator('.type-badge')).toBeVisible();
  await expect(row.locator('img')).toHaveCount(0);
});

test('search marks the matching words and says how many matched', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await expect(page.getByRole('status').filter({ hasText: /^\d+ files$/ })).toBeVisible();
  await page.getByLabel('Search').fill('furnace');
  const hit = filesList(page).getByRole('option', { name: /furnace-temperatures\.csv/ });
  await expect(hit.locator('mark').first()).toHaveText(/furnace/i);
  await expect(page.getByRole('status').filter({ hasText: '1 match' })).toBeVisible();
});
