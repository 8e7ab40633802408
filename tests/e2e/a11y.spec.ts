// An automated accessibility check (axe-core) on each main screen, in light and dark themes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe in the page (evaluated, so the app's CSP is untouched) and keeps serious and critical findings. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test.afterEach(({ standIn }) => keychainClear(standIn.url));

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious or critical accessibility violations on the main screens (${colorScheme})`, async ({ launch, standIn }) => {
    const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
    await page.emulateMedia({ colorScheme });
    const sections = page.getByRole('navigation', { name: 'Sections' });

    await expect(page.getByRole('heading', { name: 'Sign in to Ouro' })).toBeVisible();
    expect(await seriousViolations(page), 'sign-in').toEqual([]);

    await signInThroughUi(page, standIn.apiKey);
    const files = page.getByRole('listbox', { name: 'Files' });
    await files.getByRole('option', { name: /furnace-temperatures\.csv/ }).click();
    await expect(page.getByRole('region', { name: /First rows of/ })).toBeVisible();
    expect(await seriousViolations(page), 'files').toEqual([]);

    await sections.getByRole('button', { name: 'Datasets' }).click();
    const datasets = page.getByRole('listbox', { name: 'Datasets' });
    await datasets.getByRole('option').first().click();
    await expect(page.getByRole('grid')).toBeVisible();
    expect(await seriousViolations(page), 'datasets').toEqual([]);

    await sections.getByRole('button', { name: 'Conversations' }).click();
    await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click();
    await expect(page.getByRole('region', { name: /^Messages in/ }).getByRole('article').first()).toBeVisible();
    expect(await seriousViolations(page), 'conversations').toEqual([]);
  });
}
