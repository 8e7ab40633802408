// Dataset details and conversations end to end: schema and row count, a 100,000-row grid that
// fetches only the blocks it shows and keeps its DOM small, CSV export to disk, a dataset that
// is gone, and a 520-message conversation read from the newest message back to the first,
// with Markdown rendered and raw HTML inert.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createOuroClient } from '../../electron/ouro/client';
import { MessageSchema } from '../../electron/ouro/models';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function openSection(page: Page, name: 'Datasets' | 'Conversations'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
}

/** Counts the renderer's `datasets:rows` calls as they cross to the web host. */
function countRowCalls(page: Page): { value: number } {
  const counter = { value: 0 };
  page.on('response', (response) => {
    if (decodeURIComponent(new URL(response.url()).pathname) === '/__ouro/ipc/datasets:rows') counter.value++;
  });
  return counter;
}

test('dataset details show the schema and row count; the 100,000-row grid fetches only the blocks it shows', async ({ launch, standIn }, testInfo) => {
  const downloads = testInfo.outputPath('downloads');
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url, OURO_DESKTOP_DOWNLOAD_DIR: downloads } });
  const rowCalls = countRowCalls(page);
  await signInThroughUi(page, standIn.apiKey);
  await openSection(page, 'Datasets');
  await page.getByRole('listbox', { name: 'Datasets' }).getByRole('option', { name: /telemetry-100k/ }).click();

  await expect(page.getByRole('heading', { name: 'telemetry-100k' })).toBeVisible();
  await expect(page.getByText('A large telemetry table with 100,000 rows.')).toBeVisible();
  await expect(page.getByTestId('dataset-row-count')).toHaveText(/^100[,.\s\u202f]?000 rows$/);
  const schema = page.getByRole('region', { name: 'Schema of telemetry-100k' });
  for (const column of ['id', 'station', 'reading', 'recorded_at', 'is_valid', 'status']) {
    await expect(schema.getByRole('rowheader', { name: column, exact: true })).toBeVisible();
  }
  await expect(schema.getByRole('row', { name: /status/ })).toContainText('enum');
  await expect(schema.getByRole('row', { name: /recorded_at/ })).toContainText('timestamp with time zone');

  // The rows open in the whole content area, with Back.
  expect(rowCalls.value).toBe(0);
  await page.getByRole('button', { name: 'Open rows' }).click();
  const grid = page.getByRole('grid', { name: 'Rows of telemetry-100k' });
  await expect(grid).toHaveAttribute('aria-rowcount', '100001');
  for (const column of ['id', 'station', 'status']) await expect(grid.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  const cell = (row: number, column: number) => grid.locator(`[role="row"][aria-rowindex="${row + 1}"] [aria-colindex="${column}"]`);
  await expect(cell(1, 1)).toHaveText('1');
  expect(rowCalls.value).toBe(1);

  // Keyboard: End jumps to the last row; only the last block is fetched for it.
  await grid.focus();
  await page.keyboard.press('End');
  await expect(cell(100_000, 1)).toHaveText('100000');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('PageUp');
  await expect(cell(99_990, 1)).toHaveText('99990');
  // Back home comes from the cache.
  await page.keyboard.press('Home');
  await expect(cell(1, 1)).toHaveText('1');

  // A scroll to the middle shows placeholders, then that block's rows.
  await grid.evaluate((el) => {
    el.scrollTop = 50_000 * 22;
  });
  await expect(cell(50_001, 1)).toHaveText('50001');

  expect(rowCalls.value).toBeGreaterThanOrEqual(3);
  expect(rowCalls.value).toBeLessThanOrEqual(5);
  // Only the rows in view (plus a little overscan) are in the DOM.
  expect(await grid.getByRole('row').count()).toBeLessThan(60);

  // Export CSV…: the whole table streamed to disk by main.
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  const saved = path.join(downloads, 'telemetry-100k.csv');
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toContainText(saved, { timeout: 30_000 });
  const csv = await readFile(saved, 'utf8');
  const lines = csv.trimEnd().split(/\r?\n/);
  expect(lines).toHaveLength(100_001);
  expect(lines[0]).toContain('station');

  // Back returns to the dataset's details, schema and all.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('region', { name: 'Schema of telemetry-100k' })).toBeVisible();
});

test('a dataset that no longer exists says so and offers the way back', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await openSection(page, 'Datasets');
  const dataset = standIn.seed.datasets.find((d) => d.name === 'furnace-runs-1k');
  if (!dataset) throw new Error('seed has no furnace-runs-1k');
  // Deleted after the list loaded: the record is gone when the details ask for it.
  standIn.faults.add({ method: 'GET', path: `/datasets/${dataset.id}`, status: 404, times: 5 });
  await page.getByRole('listbox', { name: 'Datasets' }).getByRole('option', { name: /furnace-runs-1k/ }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'It no longer exists' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Go back' }).click();
  await expect(alert).toHaveCount(0);
  // Back at the list, on the same row.
  await expect(page.getByRole('complementary', { name: 'Dataset details' })).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: 'Datasets' })).toBeFocused();
});

test('a conversation opens at its newest messages and scrolling up loads older ones back to the first', async ({ launch, standIn }) => {
  const planning = standIn.seed.conversations.find((c) => c.messageCount === 520);
  if (!planning?.name) throw new Error('seed has no 520-message conversation');
  // Someone posts HTML and a script link: it must show as text and stay inert.
  const ouro = createOuroClient({ baseUrl: standIn.url, fetch: globalThis.fetch, appVersion: 'e2e', getApiKey: () => standIn.apiKey });
  const hostile = 'Look: <script>window.__pwned = 1</script> <img src="x" onerror="window.__pwned = 2"> [click me](javascript:window.__pwned=3) ![tracking pixel](https://tracker.invalid/p.png)';
  // Posted the SDK's way (ouro-api.md §6.3): markdown converted first, then text plus its TipTap json.
  const converted = await ouro.http.json({ method: 'POST', path: '/utilities/convert/from-markdown', body: { markdown: hostile } }, { envelope: false });
  await ouro.http.data({ method: 'POST', path: `/conversations/${planning.id}/messages/create`, body: { message: { text: hostile, json: converted.body['json'] } } }, MessageSchema);

  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await openSection(page, 'Conversations');
  const list = page.getByRole('listbox', { name: 'Conversations' });
  // The unnamed conversation is named from its members, me first; times are relative.
  await expect(list.getByRole('option', { name: /^You, carol-agent/ })).toBeVisible();
  await expect(list.getByRole('option', { name: new RegExp(`^${escapeRegExp(planning.name)}`) })).toContainText(/ago|yesterday|now/);
  await list.getByRole('option', { name: new RegExp(`^${escapeRegExp(planning.name)}`) }).click();

  const messages = page.getByRole('region', { name: `Messages in ${planning.name}` });
  const items = messages.locator('li[data-message-id]');
  await expect(items).toHaveCount(50);
  // The newest message is the one just posted, at the bottom and in view.
  const newest = items.last();
  await expect(newest).toContainText('<script>window.__pwned = 1</script>');
  await expect(newest).toBeInViewport();
  await expect(newest).toContainText('[Image: tracking pixel]');
  await expect(newest.locator('script, img, iframe')).toHaveCount(0);
  await expect(newest.getByRole('link')).toHaveCount(0);
  await newest.getByText('click me').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Markdown renders: code blocks, lists, links to Ouro.
  await expect(messages.locator('pre code').first()).toBeAttached();
  await expect(messages.getByRole('link', { name: 'the log' }).first()).toHaveAttribute('href', /^https:\/\/ouro\.foundation\//);

  // Scroll up: each older page lands above without moving what was on screen.
  const top = await messages.evaluate((el) => {
    el.scrollTop = 0;
    const first = el.querySelector('li[data-message-id]');
    return { id: first?.getAttribute('data-message-id') ?? '', offset: (first?.getBoundingClientRect().top ?? 0) - el.getBoundingClientRect().top };
  });
  await expect(items).toHaveCount(100);
  const after = await messages.evaluate((el, id) => {
    const item = el.querySelector(`li[data-message-id="${id}"]`);
    return (item?.getBoundingClientRect().top ?? 0) - el.getBoundingClientRect().top;
  }, top.id);
  expect(Math.abs(after - top.offset)).toBeLessThanOrEqual(2);

  let loaded = 100;
  const beginning = messages.getByText('This is the beginning of the conversation.');
  while (!(await beginning.isVisible())) {
    await messages.evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect(async () => {
      const count = await items.count();
      expect(count > loaded || (await beginning.isVisible())).toBe(true);
      loaded = count;
    }).toPass();
  }
  await expect(items).toHaveCount(521);
  await expect(items.first()).toContainText('looks stable since run 0');
  await expect(messages.getByRole('button', { name: 'Load older messages' })).toHaveCount(0);
});
