// Signing in and out through the UI, shared by every spec that needs a signed-in app.
import { expect, type Page } from '@playwright/test';

export async function signInThroughUi(page: Page, apiKey: string): Promise<void> {
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

/** Opens the account menu (in the title bar) if it is closed. */
export async function openAccountMenu(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^Account:/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.getByRole('dialog', { name: 'Account' })).toBeVisible();
}

/** Account menu → Sign out… → confirm. */
export async function signOutThroughUi(page: Page): Promise<void> {
  await openAccountMenu(page);
  await page.getByRole('dialog', { name: 'Account' }).getByRole('button', { name: 'Sign out…' }).click();
  await page.getByRole('alertdialog', { name: 'Sign out of Ouro?' }).getByRole('button', { name: 'Sign out' }).click();
}
