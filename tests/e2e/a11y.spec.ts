// An automated accessibility check (axe-core) on every screen, in light and dark themes: sign-in
// (also with an error), lists with details, previews, the image viewer, search and the Filters
// popover, the account menu and sign-out confirmation, the Uploads tray, the dataset grid and its
// schema, conversations, and the narrow-window drawer.
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { openAccountMenu, signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious or critical accessibility violations on any screen (${colorScheme})`, async ({ launch, standIn }) => {
    const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
    await page.emulateMedia({ colorScheme });
    const sections = page.getByRole('navigation', { name: 'Sections' });

    await expect(page.getByRole('heading', { name: 'Sign in to Ouro' })).toBeVisible();
    expect(await seriousViolations(page), 'sign-in').toEqual([]);
    await page.getByLabel('API key').fill('wrong-key-0000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('That API key was not accepted');
    expect(await seriousViolations(page), 'sign-in with an error').toEqual([]);
    await page.getByLabel('API key').fill('');

    await signInThroughUi(page, standIn.apiKey);
    const files = page.getByRole('listbox', { name: 'Files' });
    await files.getByRole('option', { name: /furnace-temperatures\.csv/ }).click();
    await expect(page.getByRole('region', { name: /First rows of/ })).toBeVisible();
    expect(await seriousViolations(page), 'files with details').toEqual([]);

    await files.getByRole('option', { name: /README\.md/ }).click();
    await expect(page.getByRole('region', { name: 'Contents of README.md' }).getByRole('heading', { name: 'Crystal growth toolkit' })).toBeVisible();
    expect(await seriousViolations(page), 'a Markdown preview').toEqual([]);

    await files.getByRole('option', { name: /diffraction-pattern\.png/ }).click();
    await page.getByRole('button', { name: 'Enlarge' }).click();
    await expect(page.getByRole('dialog', { name: 'diffraction-pattern.png' })).toBeVisible();
    expect(await seriousViolations(page), 'image viewer').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByLabel('Search').fill('notes');
    await expect(files.getByRole('option', { name: /lab-notes\.txt/ })).toBeVisible();
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect(page.getByRole('dialog', { name: 'Files filters and sort' })).toBeVisible();
    expect(await seriousViolations(page), 'search results and the Filters popover').toEqual([]);
    await page.keyboard.press('Escape');

    await openAccountMenu(page);
    expect(await seriousViolations(page), 'account menu').toEqual([]);
    await page.getByRole('button', { name: 'Sign out…' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Sign out of Ouro?' })).toBeVisible();
    expect(await seriousViolations(page), 'sign-out confirmation').toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: /^No uploads/ }).click();
    await expect(page.getByRole('region', { name: 'Uploads' }).getByRole('heading', { name: 'Uploads' })).toBeVisible();
    expect(await seriousViolations(page), 'uploads tray').toEqual([]);
    await page.getByRole('button', { name: /^No uploads/ }).click();

    await sections.getByRole('button', { name: 'Datasets' }).click();
    const datasets = page.getByRole('listbox', { name: 'Datasets' });
    await datasets.getByRole('option', { name: /telemetry-100k/ }).click();
    await expect(page.getByRole('region', { name: 'Schema of telemetry-100k' })).toBeVisible();
    expect(await seriousViolations(page), 'datasets with details').toEqual([]);
    await page.getByRole('button', { name: 'Open rows' }).click();
    await expect(page.getByRole('grid')).toBeVisible();
    await expect(page.getByRole('gridcell').first()).not.toHaveText('Loading…');
    expect(await seriousViolations(page), 'dataset rows').toEqual([]);
    await page.getByRole('button', { name: 'Schema' }).click();
    expect(await seriousViolations(page), 'dataset rows with the schema').toEqual([]);
    await page.getByRole('button', { name: 'Back' }).click();

    await sections.getByRole('button', { name: 'Conversations' }).click();
    await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click();
    await expect(page.getByRole('region', { name: /^Messages in/ }).getByRole('article').first()).toBeVisible();
    expect(await seriousViolations(page), 'conversations').toEqual([]);

    // A narrow window: the details as a drawer over the list.
    await page.setViewportSize({ width: 800, height: 600 });
    await sections.getByRole('button', { name: 'Files' }).click();
    await page.getByRole('listbox', { name: 'Files' }).getByRole('option', { name: /lab-notes\.txt/ }).click();
    await expect(page.getByRole('complementary', { name: 'File details' })).toBeVisible();
    expect(await seriousViolations(page), 'files at 800×600 with the details drawer').toEqual([]);
  });
}
