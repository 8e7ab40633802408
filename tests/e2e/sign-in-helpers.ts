// Signing in through the UI, shared by every spec that needs a signed-in app.
import { expect, type Page } from '@playwright/test';

export async function signInThroughUi(page: Page, apiKey: string): Promise<void> {
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
