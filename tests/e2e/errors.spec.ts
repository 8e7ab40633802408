// Every fault Ouro can answer with shows its friendly message where it happened.
import type { Page } from '@playwright/test';
import type { FaultSpec } from '../stand-in/index';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

const filesList = (page: Page) => page.getByRole('listbox', { name: 'Files' });

/** Signs in, waits for the list, injects the fault, then makes the list ask Ouro again. */
async function searchWithFault(page: Page, standIn: { apiKey: string; faults: { add(spec: FaultSpec): void } }, fault: Omit<FaultSpec, 'path'>) {
  await signInThroughUi(page, standIn.apiKey);
  await expect(filesList(page).getByRole('option').first()).toBeVisible();
  standIn.faults.add({ method: 'GET', path: '/search/assets', ...fault });
  await page.getByLabel('Search').fill('notes');
}

const listError = (page: Page, kind: string) => page.locator(`[role="alert"][data-error-kind="${kind}"]`);

const simple: [string, Omit<FaultSpec, 'path'>, string, string][] = [
  ['402', { status: 402, times: 5 }, 'request-failed', 'The request failed'],
  ['403', { status: 403, times: 5 }, 'forbidden', "You don't have access"],
  ['409', { status: 409, times: 5 }, 'conflict', 'Something changed at the same time'],
  ['413', { status: 413, times: 5 }, 'too-large', 'Too large for Ouro'],
  ['500', { status: 500, times: 1 }, 'server', 'Ouro is having trouble'],
];

for (const [name, fault, kind, title] of simple) {
  test(`${name} shows its friendly message in the list`, async ({ launch, standIn }) => {
    const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
    await searchWithFault(page, standIn, fault);
    await expect(listError(page, kind)).toContainText(title);
    await expect(listError(page, kind)).toContainText('Request id');
    if (kind === 'server') {
      // The fault was for one request only: Try again recovers.
      await listError(page, kind).getByRole('button', { name: 'Try again' }).click();
      await expect(filesList(page).getByRole('option', { name: /lab-notes\.txt/ })).toBeVisible();
    }
  });
}

test('503 is retried by itself, then shown with Try again', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await searchWithFault(page, standIn, { status: 503, times: 4 });
  await expect(page.getByRole('alert').filter({ hasText: 'Retrying automatically' })).toBeVisible();
  await expect(listError(page, 'server')).toContainText('HTTP 503', { timeout: 30_000 });
  await expect(listError(page, 'server').getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('429 with Retry-After shows the wait and recovers automatically', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await searchWithFault(page, standIn, { status: 429, retryAfter: '2', times: 1 });
  await expect(page.getByRole('alert').filter({ hasText: 'Ouro asked us to slow down' })).toContainText(/Retrying automatically in [12] s/);
  await expect(filesList(page).getByRole('option', { name: /lab-notes\.txt/ })).toBeVisible();
});

test('404 on details says it no longer exists, with a way back', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  const file = standIn.seed.files.find((f) => f.name === 'lab-notes.txt');
  if (!file) throw new Error('no lab-notes.txt in seed');
  standIn.faults.add({ method: 'GET', path: `/files/${file.id}`, status: 404, times: 10 });
  await filesList(page).getByRole('option', { name: /lab-notes\.txt/ }).click();
  const alert = listError(page, 'not-found').first();
  await expect(alert).toContainText('It no longer exists');
  await alert.getByRole('button', { name: 'Go back' }).click();
  await expect(page.getByRole('complementary', { name: 'File details' })).toHaveCount(0);
  await expect(filesList(page)).toBeFocused();
});

test('401 after a fresh exchange is Ouro contradicting itself: a server error with the request id, still signed in', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await searchWithFault(page, standIn, { status: 401, times: 2 });
  await expect(listError(page, 'server')).toContainText('Ouro is having trouble');
  await expect(listError(page, 'server')).toContainText('HTTP 401');
  await expect(listError(page, 'server')).toContainText('Request id');
  // Still signed in: the account menu is there, the sign-in form is not.
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
  await expect(page.getByLabel('API key')).toHaveCount(0);
});

test('a key refused by /users/get-token itself returns to sign-in', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await expect(filesList(page).getByRole('option').first()).toBeVisible();
  // The token stops working, and exchanging the key again is refused: the key itself is gone.
  standIn.faults.add({ method: 'POST', path: '/users/get-token', status: 401, body: { error: 'Invalid API key' }, times: 5 });
  standIn.faults.add({ method: 'GET', path: '/search/assets', status: 401 });
  await page.getByLabel('Search').fill('notes');
  await expect(page.getByRole('heading', { name: 'Sign in to Ouro' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Sign in with a new key' })).toContainText('Your API key was revoked or has expired');
});

test('network down shows the offline banner while cached data stays visible', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await expect(filesList(page).getByRole('option', { name: /lab-notes\.txt/ })).toBeVisible();
  standIn.faults.add({ method: 'GET', path: '/search/assets', reset: 'immediately', times: 1000 });
  await page.getByLabel('Scope').selectOption({ label: 'All of Ouro' });
  await expect(page.getByRole('alert').filter({ hasText: "You're offline" }).first()).toBeVisible({ timeout: 30_000 });
  // Back to the list already loaded: still there while offline.
  await page.getByLabel('Scope').selectOption({ label: 'Mine' });
  await expect(filesList(page).getByRole('option', { name: /lab-notes\.txt/ })).toBeVisible();
  standIn.faults.clear();
  // One notice, one Retry: the list does not add an alert of its own while offline.
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "You're offline" })).toHaveCount(0, { timeout: 15_000 });
});

test('a timeout says Ouro took too long', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url, OURO_HTTP_TIMEOUT_MS: '1500' } });
  await searchWithFault(page, standIn, { latencyMs: 4000, times: 5 });
  await expect(listError(page, 'timeout')).toContainText('Ouro took too long to answer');
});
