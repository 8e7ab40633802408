// Each section lists its seeded content: datasets with their row counts, conversations by name
// or, when unnamed, by their members ("You, carol-agent"), with the latest message's first words.
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

test('the Datasets section lists my datasets with their row counts, and not others’ private ones', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Datasets' }).click();
  const list = page.getByRole('listbox', { name: 'Datasets' });
  const mine = standIn.seed.datasets.filter((d) => d.owner === standIn.seed.users.alice.username);
  expect(mine.length).toBeGreaterThanOrEqual(3);
  for (const dataset of mine) {
    const row = list.getByRole('option', { name: new RegExp(dataset.name) });
    await expect(row).toBeVisible();
    await expect(row).toContainText(`${dataset.rows.toLocaleString('en-US')} row`);
  }
  await expect(list.getByRole('option', { name: /bob-private-dataset/ })).toHaveCount(0);

  await page.getByLabel('Search').fill('telemetry');
  await expect(list.getByRole('option')).toHaveCount(1);
});

test('the Conversations section lists my conversations, naming unnamed ones by their members', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  await signInThroughUi(page, standIn.apiKey);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Conversations' }).click();
  const list = page.getByRole('listbox', { name: 'Conversations' });
  await expect(list.getByRole('option', { name: /MnBi-7 growth run planning/ })).toBeVisible();
  await expect(list.getByRole('option', { name: /Q3 forecast review/ })).toBeVisible();
  const unnamed = list.getByRole('option', { name: new RegExp(`^You, ${standIn.seed.users.carol.username}`) });
  await expect(unnamed).toBeVisible();
  // The second line is the latest message, not the title again.
  await expect(unnamed.locator('.conversation-summary')).toContainText(/^\S+: \S/);
  // A conversation alice is not a member of never shows.
  await expect(list.getByRole('option', { name: /Bob and Carol sync/ })).toHaveCount(0);
});
