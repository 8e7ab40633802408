// Acting on items from the Files list through the web host: the context menu (our role="menu",
// since the web host has no native one), rename, visibility, Move to… with the web-only team
// refused, a multi-selection deleted after the dry-run sheet, and a 403 rolled back with the
// friendly message — each checked on the stand-in itself. axe runs on the menu and sheets.
import type { Page } from '@playwright/test';
import { createOuroClient } from '../../electron/ouro/client';
import type { StandIn } from '../stand-in/index';
import { faultPresets } from '../stand-in/fault-presets';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

const witness = (standIn: StandIn) => createOuroClient({ baseUrl: standIn.url, fetch: globalThis.fetch, appVersion: 'e2e', getApiKey: () => standIn.apiKey });
const idOf = (standIn: StandIn, name: string) => standIn.seed.files.find((f) => f.name === name)?.id ?? '';

async function openFiles(page: Page, standIn: StandIn) {
  await signInThroughUi(page, standIn.apiKey);
  const files = page.getByRole('listbox', { name: 'Files' });
  await expect(files.getByRole('option').first()).toBeVisible();
  return files;
}

async function contextMenu(page: Page, name: string) {
  await page.getByRole('listbox', { name: 'Files' }).getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Item actions' });
  await expect(menu).toBeVisible();
  return menu;
}

test('rename from the context menu: the new name is on Ouro, the list shows it, focus returns to the list', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const files = await openFiles(page, standIn);
  const menu = await contextMenu(page, 'lab-notes.txt');
  // The menu by keyboard: the first item has the focus; arrows move; Esc closes it onto the list.
  await expect(menu.getByRole('menuitem', { name: 'Open', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Download…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(files).toBeFocused();

  await (await contextMenu(page, 'lab-notes.txt')).getByRole('menuitem', { name: 'Rename…' }).click();
  const sheet = page.getByRole('dialog', { name: /Rename/ });
  await expect(sheet.getByLabel('Name')).toBeFocused();
  await sheet.getByLabel('Name').fill('lab-notes (final).txt');
  await sheet.getByRole('button', { name: 'Rename' }).click();
  await expect(files.getByRole('option', { name: /^lab-notes \(final\)\.txt/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The new name saved' })).toBeVisible();
  expect((await witness(standIn).files.get(idOf(standIn, 'lab-notes.txt'))).name).toBe('lab-notes (final).txt');
});

test('F2 renames; a 403 from Ouro rolls the name back and says you cannot edit it', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const files = await openFiles(page, standIn);
  const id = idOf(standIn, 'README.md');
  standIn.faults.add(faultPresets.updateForbidden('file', id));
  await files.getByRole('option', { name: /^README\.md/ }).click();
  await files.focus();
  await page.keyboard.press('F2');
  const sheet = page.getByRole('dialog', { name: /Rename/ });
  await sheet.getByLabel('Name').fill('README-renamed.md');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText("You can't edit this");
  await expect(files.getByRole('option', { name: /^README\.md/ })).toBeVisible();
  await expect(files.getByRole('option', { name: /^README-renamed\.md/ })).toHaveCount(0);
  expect((await witness(standIn).files.get(id)).name).toBe('README.md');
});

test('visibility from the menu, and Move to… with the web-only team refused', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const files = await openFiles(page, standIn);
  const id = idOf(standIn, 'detector-dump.bin');
  const menu = await contextMenu(page, 'detector-dump.bin');
  await expect(menu.getByRole('menuitemradio', { name: 'Private' })).toHaveAttribute('aria-checked', 'true');
  await menu.getByRole('menuitemradio', { name: 'Public' }).click();
  await expect(files.getByRole('option', { name: /^detector-dump\.bin/ })).toContainText('Public');
  await expect.poll(async () => (await witness(standIn).files.get(id)).visibility).toBe('public');

  await (await contextMenu(page, 'detector-dump.bin')).getByRole('menuitem', { name: 'Move To…' }).click();
  const sheet = page.getByRole('dialog', { name: /Move/ });
  const publications = sheet.getByRole('radio', { name: 'Publications' });
  await expect(publications).toBeDisabled();
  await expect(publications).toHaveAccessibleDescription(/only accepts uploads made on the Ouro website/);
  await sheet.getByRole('radio', { name: 'Crystal Growth' }).check();
  await sheet.getByRole('button', { name: 'Move' }).click();
  await expect(files.getByRole('option', { name: /^detector-dump\.bin/ })).toContainText('Crystal Growth');
  const crystal = standIn.seed.teams.find((t) => t.name === 'Crystal Growth');
  await expect.poll(async () => (await witness(standIn).files.get(id)).team_id).toBe(crystal?.id);
});

test('select three with click and Shift-click, Delete, confirm the dry run: all three gone from Ouro', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const files = await openFiles(page, standIn);
  const options = files.getByRole('option');
  const names = await Promise.all([0, 1, 2].map(async (i) => ((await options.nth(i).locator('.name-text').textContent()) ?? '').trim()));
  await options.nth(0).click();
  await options.nth(2).click({ modifiers: ['Shift'] });
  await expect(files.locator('[role="option"][aria-selected="true"]')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: '3 items selected' })).toBeVisible();
  await files.focus();
  await page.keyboard.press('Delete');
  const sheet = page.getByRole('alertdialog', { name: 'Delete 3 items?' });
  for (const name of names) await expect(sheet.getByRole('list', { name: 'Items to delete' })).toContainText(name);
  await sheet.getByRole('button', { name: 'Delete' }).click();
  await expect(sheet).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '3 items deleted' })).toBeVisible();
  for (const name of names) await expect(files.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toHaveCount(0);
  const client = witness(standIn);
  for (const name of names) await expect(client.files.get(idOf(standIn, name))).rejects.toMatchObject({ kind: 'not-found' });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the menu, the sheets and the selection summary pass axe (${colorScheme})`, async ({ launch, standIn }) => {
    const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
    await page.emulateMedia({ colorScheme });
    const files = await openFiles(page, standIn);
    await contextMenu(page, 'lab-notes.txt');
    expect(await seriousViolations(page), 'context menu').toEqual([]);
    await page.getByRole('menuitem', { name: 'Move To…' }).click();
    await expect(page.getByRole('radio', { name: 'Crystal Growth' })).toBeVisible();
    expect(await seriousViolations(page), 'move sheet').toEqual([]);
    await page.keyboard.press('Escape');
    await files.getByRole('option').nth(0).click();
    await files.getByRole('option').nth(1).click({ modifiers: ['Control'] });
    await expect(page.getByRole('heading', { name: '2 items selected' })).toBeVisible();
    expect(await seriousViolations(page), 'selection summary').toEqual([]);
    await files.focus();
    await page.keyboard.press('Delete');
    await expect(page.getByRole('alertdialog', { name: 'Delete 2 items?' })).toBeVisible();
    expect(await seriousViolations(page), 'delete sheet').toEqual([]);
    await page.screenshot({ path: `test-results/item-actions-${colorScheme}.png` });
  });
}

test('a delete that partly fails says which item was not deleted and keeps it in the list', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const files = await openFiles(page, standIn);
  await files.getByRole('option', { name: /^lab-notes\.txt/ }).click();
  await files.getByRole('option', { name: /^README\.md/ }).click({ modifiers: ['Control'] });
  await files.focus();
  await page.keyboard.press('Delete');
  const sheet = page.getByRole('alertdialog', { name: 'Delete 2 items?' });
  await expect(sheet).toBeVisible();
  // Ouro fails this one's delete (every attempt) after the dry run said it could go.
  standIn.faults.add(faultPresets.deleteFails('file', idOf(standIn, 'README.md'), 500, 10));
  await sheet.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not delete README.md');
  await expect(files.getByRole('option', { name: /^lab-notes\.txt/ })).toHaveCount(0);
  await expect(files.getByRole('option', { name: /^README\.md/ })).toHaveCount(1);
  const client = witness(standIn);
  await expect(client.files.get(idOf(standIn, 'lab-notes.txt'))).rejects.toMatchObject({ kind: 'not-found' });
  expect((await client.files.get(idOf(standIn, 'README.md'))).name).toBe('README.md');
});

test('screenshots of the menu and the move sheet at 800×600', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await page.setViewportSize({ width: 800, height: 600 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    if (colorScheme === 'light') await openFiles(page, standIn);
    const menu = await contextMenu(page, 'lab-notes.txt');
    await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeVisible();
    await page.screenshot({ path: `test-results/menu-800-${colorScheme}.png` });
    await menu.getByRole('menuitem', { name: 'Move To…' }).click();
    await expect(page.getByRole('radio', { name: 'Crystal Growth' })).toBeVisible();
    await page.screenshot({ path: `test-results/move-800-${colorScheme}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
});

test('Ctrl+C with the list focused copies the selected items’ links; in the search field it copies text', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const files = await openFiles(page, standIn);
  // Record what each copy put on the clipboard (after the app's own listener ran).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __copies: string[] }).__copies = seen;
    window.addEventListener('copy', (event) => seen.push(event.defaultPrevented ? (event.clipboardData?.getData('text/plain') ?? '') : '(default)'));
  });
  await files.getByRole('option', { name: /^README\.md/ }).click();
  await files.getByRole('option', { name: /^lab-notes\.txt/ }).click({ modifiers: ['Control'] });
  await files.focus();
  await page.keyboard.press('Control+C');
  const copies = () => page.evaluate(() => (window as unknown as { __copies: string[] }).__copies);
  await expect.poll(copies).toHaveLength(1);
  const [links] = await copies();
  expect(links?.split('\n')).toEqual([expect.stringMatching(/^https:\/\//), expect.stringMatching(/^https:\/\//)]);
  // A text field keeps its own Copy.
  await page.getByRole('searchbox').fill('notes');
  await page.getByRole('searchbox').selectText();
  await page.keyboard.press('Control+C');
  await expect.poll(copies).toEqual([links, '(default)']);
});
