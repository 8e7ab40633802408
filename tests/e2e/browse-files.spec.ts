import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';
import { standInBytes } from './stand-in-bytes';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

const filesList = (page: Page) => page.getByRole('listbox', { name: 'Files' });
const option = (page: Page, name: string) => filesList(page).getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });

test('the Files section lists my seeded files; search narrows it; scope and team filters change it', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Files' })).toHaveAttribute('aria-current', 'page');

  const mine = standIn.seed.files.filter((f) => f.owner === standIn.seed.users.alice.username);
  for (const file of mine) await expect(option(page, file.name)).toBeVisible();
  await expect(option(page, 'bob-public-measurements.csv')).toHaveCount(0);

  await page.getByLabel('Search').fill('furnace');
  await expect(option(page, 'furnace-temperatures.csv')).toBeVisible();
  await expect(filesList(page).getByRole('option')).toHaveCount(1);
  await page.getByLabel('Search').fill('');

  await page.getByLabel('Scope').selectOption({ label: 'All of Ouro' });
  await expect(option(page, 'bob-public-measurements.csv')).toBeVisible();
  await expect(option(page, 'bob-private-diary.txt')).toHaveCount(0);

  const crystal = standIn.seed.teams.find((t) => t.name.toLowerCase().includes('crystal'));
  if (!crystal) throw new Error('seed has no crystal team');
  // Organization, team and sort live in the Filters popover; the active ones show as chips.
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByLabel('Team', { exact: true }).selectOption({ value: crystal.id });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('button', { name: 'Remove filter Team: Crystal Growth' })).toBeVisible();
  const inTeam = standIn.seed.files.filter((f) => f.team_id === crystal.id && (f.visibility !== 'private' || f.owner === standIn.seed.users.alice.username));
  await expect(filesList(page).getByRole('option')).toHaveCount(inTeam.length);
  for (const file of inTeam) await expect(option(page, file.name)).toBeVisible();

  // The choices persist for the section across a reload.
  await page.reload();
  await expect(page.getByLabel('Scope')).toHaveValue('all');
  await page.getByRole('button', { name: /^Filters/ }).click();
  await expect(page.getByLabel('Team', { exact: true })).toHaveValue(crystal.id);

  // Removing the chip removes the filter.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Remove filter Team: Crystal Growth' }).click();
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  await expect(option(page, 'bob-public-measurements.csv')).toBeVisible();
});

test('file details open with image, text and CSV previews', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);

  await option(page, 'diffraction-pattern.png').click();
  await expect(page.getByRole('heading', { name: 'diffraction-pattern.png' })).toBeVisible();
  const image = page.getByRole('img', { name: 'Preview of diffraction-pattern.png' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);

  await option(page, 'lab-notes.txt').click();
  await expect(page.getByLabel('Contents of lab-notes.txt')).toContainText('Pull rate 2 mm/h.');

  await option(page, 'furnace-temperatures.csv').click();
  const table = page.getByRole('region', { name: 'First rows of furnace-temperatures.csv' });
  await expect(table.getByRole('columnheader', { name: 'temperature_c' })).toBeVisible();
  await expect(table.getByRole('row')).not.toHaveCount(0);

  // Keyboard: the list moves with the arrow keys and opens with Enter.
  await filesList(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Close details' })).toBeVisible();
});

test('Download… streams the exact bytes to disk', async ({ launch, standIn }, testInfo) => {
  const downloads = testInfo.outputPath('downloads');
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url, OURO_DESKTOP_DOWNLOAD_DIR: downloads } });
  await signInThroughUi(page, standIn.apiKey);
  const file = standIn.seed.files.find((f) => f.name === 'detector-dump.bin');
  if (!file) throw new Error('seed has no detector-dump.bin');
  await option(page, file.name).click();
  await page.getByRole('button', { name: 'Download…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(path.join(downloads, file.name));
  const saved = await readFile(path.join(downloads, file.name));
  expect(saved.length).toBe(file.size);
  expect(saved.equals(await standInBytes(standIn, file.id))).toBe(true);
});

test.describe('twenty thousand files', () => {
  test.use({ standInOptions: { seedFiles: 20_000 } });

  test('scroll to the end with a bounded number of rows in the DOM', async ({ launch, standIn }) => {
    test.setTimeout(120_000);
    const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
    await signInThroughUi(page, standIn.apiKey);
    const list = filesList(page);
    await page.getByLabel('Scope').selectOption({ label: 'All of Ouro' });
    await expect(list.getByRole('option', { name: /bob-public-measurements/ })).toBeVisible();
    const total = Number(await list.getByRole('option').first().getAttribute('aria-setsize'));
    expect(total).toBeGreaterThanOrEqual(20_000);

    await list.focus();
    let maxRows = 0;
    for (let step = 0; step < 400; step++) {
      await page.keyboard.press('End');
      const state = await list.evaluate((el) => {
        const options = el.querySelectorAll('[role="option"]');
        const last = options[options.length - 1];
        return { rows: options.length, lastPosition: Number(last?.getAttribute('aria-posinset') ?? 0), busy: el.getAttribute('aria-busy') === 'true' };
      });
      maxRows = Math.max(maxRows, state.rows);
      if (state.lastPosition === total && !state.busy) break;
      await page.waitForFunction((el) => el.getAttribute('aria-busy') !== 'true', await list.elementHandle(), { timeout: 10_000 });
    }
    await expect(list.getByRole('option').last()).toHaveAttribute('aria-posinset', String(total));
    expect(maxRows).toBeLessThanOrEqual(100);
  });
});
