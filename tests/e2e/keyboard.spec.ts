// The app from the keyboard alone: sign in, reach the Files list, move and type to select, open
// an item, let the details follow the selection, Esc back to the list with the focus on the same
// row; and Sign out, which is not the first Tab stop and asks before it acts.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

/** Presses Tab until `target` has the focus (at most `max` times); returns how many it took. */
async function tabTo(page: Page, target: Locator, max = 30): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error('never reached by Tab');
}

/** The option the listbox's aria-activedescendant points at. */
async function activeOption(list: Locator): Promise<string> {
  return list.evaluate((el) => {
    const id = el.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    return option?.querySelector('.name-text')?.textContent ?? '';
  });
}

test('open an item, follow the selection, Esc back to the same row — keyboard only', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await page.getByLabel('API key').focus();
  await page.keyboard.type(standIn.apiKey);
  await page.keyboard.press('Enter');
  const files = page.getByRole('listbox', { name: 'Files' });
  await expect(files.getByRole('option').first()).toBeVisible();

  // The first Tab stop is never Sign out (it lives in the account menu, and asks first).
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(first).not.toMatch(/sign out/i);

  await tabTo(page, files);
  // Type-to-select: "lab" selects lab-notes.txt.
  await page.keyboard.type('lab');
  expect(await activeOption(files)).toBe('lab-notes.txt');
  await expect(files.getByRole('option', { name: /lab-notes\.txt/ })).toHaveAttribute('aria-selected', 'true');

  // Enter opens it.
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'File details' });
  await expect(details.getByRole('heading', { name: 'lab-notes.txt' })).toBeVisible();

  // The details follow the selection.
  await page.keyboard.press('ArrowDown');
  const next = await activeOption(files);
  expect(next).not.toBe('lab-notes.txt');
  await expect(details.locator('.details-title h2')).toHaveText(next);
  await page.keyboard.press('ArrowUp');
  await expect(details.getByRole('heading', { name: 'lab-notes.txt' })).toBeVisible();

  // Into the details, then Esc: they close and the focus is back on the list, on the same row.
  await tabTo(page, details.getByRole('button', { name: 'Close details' }));
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(files).toBeFocused();
  expect(await activeOption(files)).toBe('lab-notes.txt');
  await expect(files.getByRole('option', { name: /lab-notes\.txt/ })).toHaveAttribute('aria-selected', 'true');

  // The same from the list itself: Enter opens, Esc closes, focus stays.
  await page.keyboard.press('Enter');
  await expect(details.getByRole('heading', { name: 'lab-notes.txt' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(files).toBeFocused();
});

test('Sign out asks first, and Cancel keeps me signed in — keyboard only', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await page.getByLabel('API key').focus();
  await page.keyboard.type(standIn.apiKey);
  await page.keyboard.press('Enter');
  const account = page.getByRole('button', { name: /^Account:/ });
  await expect(account).toBeVisible();

  await tabTo(page, account);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Account' });
  await expect(menu.getByRole('button', { name: 'Sign out…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Sign out of Ouro?' });
  await expect(confirm).toBeVisible();
  // The safe choice has the focus; Esc cancels.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(account).toBeVisible();

  await tabTo(page, account);
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('button', { name: 'Sign out…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Sign out' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sign in to Ouro' })).toBeVisible();
});
