// Ouro at your fingertips (issue 16), through the web host: the Ctrl/Cmd-K palette finds a file by
// a word of its name and opens it with the keyboard only; a notification created on Ouro shows up
// within the poll interval with the unread count in the sidebar, and opening it marks it read;
// ouro:// links handed to the running app open the item, and a malformed one is refused politely;
// the palette and the Notifications view pass axe in light and dark.
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

const POLL_MS = '400';
const modifier = process.platform === 'darwin' ? 'Meta' : 'Control';

function palette(page: Page) {
  return page.getByRole('dialog', { name: 'Command palette' });
}

test('the palette finds a seeded file by a word of its name and opens it, keyboard only; commands run from it', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await expect(page.getByRole('listbox', { name: 'Files' })).toBeVisible();

  await page.keyboard.press(`${modifier}+K`);
  const dialog = palette(page);
  const input = dialog.getByRole('combobox', { name: 'Command palette' });
  await expect(input).toBeFocused();
  // Nothing typed: recent items first (none yet), then the commands.
  await expect(dialog.getByRole('option', { name: 'Go to Datasets' })).toBeVisible();
  await page.keyboard.type('diffraction');
  const found = dialog.getByRole('option', { name: /diffraction-pattern\.png/ });
  await expect(found).toBeVisible();
  await expect(found).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const details = page.getByRole('complementary', { name: 'File details' });
  await expect(details.getByRole('heading', { name: 'diffraction-pattern.png' })).toBeVisible();

  // Opened once, it is a recent item: first in the palette before anything is typed.
  await page.keyboard.press(`${modifier}+K`);
  await expect(dialog.getByRole('option').first()).toContainText('diffraction-pattern.png');
  await expect(dialog.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  // A command, by keyboard: Go to Datasets.
  await page.keyboard.type('datasets');
  await expect(dialog.getByRole('option', { name: 'Go to Datasets' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Datasets' })).toHaveAttribute('aria-current', 'page');

  // A pasted asset id opens that item.
  const dataset = standIn.seed.datasets[0];
  if (!dataset) throw new Error('the stand-in seeds datasets');
  await page.keyboard.press(`${modifier}+K`);
  await page.keyboard.insertText(dataset.id);
  await expect(dialog.getByRole('option', { name: new RegExp(dataset.name) })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Dataset details' }).getByRole('heading', { name: dataset.name })).toBeVisible();

  // Toggle theme: the other theme from what shows now, kept across a reload; Esc closes.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press(`${modifier}+K`);
  await page.keyboard.type('toggle theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press(`${modifier}+K`);
  await page.keyboard.type('system theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);

  // Sign out asks the same question as the account menu.
  await page.keyboard.press(`${modifier}+K`);
  await page.keyboard.type('sign out');
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Sign out of Ouro?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
});

test('a notification created on Ouro appears within the poll interval with the sidebar count; opening it marks it read and opens the item', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url, OURO_NOTIFICATIONS_POLL_MS: POLL_MS } });
  await signInThroughUi(page, standIn.apiKey);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  // Alice starts with three unread (a mention, a comment, a new message).
  await expect(sections.getByRole('button', { name: /^Notifications\W*3 unread$/ })).toBeVisible();
  await sections.getByRole('button', { name: /^Notifications/ }).click();
  const view = page.getByRole('main', { name: 'Notifications' });
  await expect(view.getByRole('region', { name: /^Mentions/ })).toBeVisible();
  await expect(view.getByRole('region', { name: /^Comments/ })).toBeVisible();
  await expect(view.getByRole('region', { name: /^New messages/ })).toBeVisible();
  await expect(view.getByRole('region', { name: /^Shares/ })).toBeVisible();

  const file = standIn.seed.files.find((f) => f.name === 'lab-notes.txt');
  if (!file) throw new Error('the stand-in seeds lab-notes.txt');
  standIn.notify({ type: 'share', from: 'bob', assetId: file.id });
  await expect(sections.getByRole('button', { name: /^Notifications\W*4 unread$/ })).toBeVisible();
  await expect(sections.getByTestId('unread-count')).toHaveText(', 4 unread');
  const shares = view.getByRole('region', { name: /^Shares/ });
  const fresh = shares.getByRole('button', { name: /^Unread: .*lab-notes\.txt/ });
  await expect(fresh).toBeVisible();

  await fresh.click();
  await expect(page.getByRole('complementary', { name: 'File details' }).getByRole('heading', { name: 'lab-notes.txt' })).toBeVisible();
  await expect(sections.getByRole('button', { name: 'Files' })).toHaveAttribute('aria-current', 'page');
  await expect(sections.getByRole('button', { name: /^Notifications\W*3 unread$/ })).toBeVisible();
});

async function postLink(url: string, body: object): Promise<number> {
  const origin = new URL(url);
  const token = origin.searchParams.get('token') ?? '';
  const response = await fetch(new URL('/__ouro/open-link', origin.origin), {
    method: 'POST',
    headers: { 'x-ouro-web-token': token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.status;
}

test('ouro:// links handed to the running app open the item; a malformed link is refused with a notice', async ({ launch, standIn }) => {
  const app = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const { page } = app;
  await signInThroughUi(page, standIn.apiKey);
  await expect(page.getByRole('listbox', { name: 'Files' })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Conversations' }).click();

  const file = standIn.seed.files.find((f) => f.name === 'sales-q3.csv');
  if (!file) throw new Error('the stand-in seeds sales-q3.csv');
  expect(await postLink(app.url ?? '', { url: `ouro://asset/${file.id}` })).toBe(200);
  await expect(page.getByRole('complementary', { name: 'File details' }).getByRole('heading', { name: 'sales-q3.csv' })).toBeVisible();
  await expect(sections.getByRole('button', { name: 'Files' })).toHaveAttribute('aria-current', 'page');

  // Copy desktop link gives the same kind of link back.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('complementary', { name: 'File details' }).getByRole('button', { name: 'Copy desktop link' }).click();
  await expect(page.getByRole('complementary', { name: 'File details' }).getByRole('status').filter({ hasText: 'Desktop link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`ouro://asset/${file.id}`);

  // A conversation link, as a second launch's argv would hand it.
  const conversation = standIn.seed.conversations.find((c) => c.name === 'Q3 forecast review');
  if (!conversation) throw new Error('the stand-in seeds Q3 forecast review');
  expect(await postLink(app.url ?? '', { argv: ['/opt/Ouro/ouro', '--', `ouro://conversation/${conversation.id}`] })).toBe(200);
  await expect(page.getByRole('region', { name: 'Messages in Q3 forecast review' })).toBeVisible();

  // Malformed: refused, shown politely, nothing else happens.
  expect(await postLink(app.url ?? '', { url: 'ouro://asset/not-an-id' })).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'This ouro://asset link does not name a valid asset id.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Messages in Q3 forecast review' })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the palette and the Notifications view pass axe (${colorScheme})`, async ({ launch, standIn }, testInfo) => {
    const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
    await page.emulateMedia({ colorScheme });
    await signInThroughUi(page, standIn.apiKey);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Notifications/ }).click();
    await expect(page.getByRole('main', { name: 'Notifications' }).getByRole('region', { name: /^Mentions/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`notifications-${colorScheme}.png`) });
    expect(await seriousViolations(page), 'Notifications view').toEqual([]);

    await page.keyboard.press(`${modifier}+K`);
    await page.keyboard.type('furnace');
    await expect(palette(page).getByRole('option', { name: /furnace-temperatures\.csv/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`palette-${colorScheme}.png`) });
    expect(await seriousViolations(page), 'palette').toEqual([]);
  });
}
