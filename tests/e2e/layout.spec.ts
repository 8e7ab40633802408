// The window as a desktop app at 800×600, 1280×800 and 1600×1000, light and dark: with a file's
// details open the list still shows at least 6 rows, the page never scrolls sideways and the
// details' actions are fully visible; a dataset's rows get the whole content area, with at least
// 20 rows and every header of its 6 columns in view (or a horizontal scrollbar). Each layout is
// saved as a screenshot in the test's artifacts.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

const sizes = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1600, height: 1000 },
] as const;

/** Rows whose name can actually be seen: on screen, inside the list, and not covered by anything. */
async function visibleRows(list: Locator): Promise<number> {
  return list.evaluate((el) => {
    const box = el.getBoundingClientRect();
    let visible = 0;
    for (const row of el.querySelectorAll<HTMLElement>('[role="option"]')) {
      const r = row.getBoundingClientRect();
      if (r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.bottom > window.innerHeight) continue;
      const name = row.querySelector('.name-text, .conversation-title') ?? row;
      const n = name.getBoundingClientRect();
      const hit = document.elementFromPoint(n.left + 8, n.top + n.height / 2);
      if (hit && row.contains(hit)) visible++;
    }
    return visible;
  });
}

async function noHorizontalPageOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    // What sticks out past the window's right edge, to say which element broke the layout.
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${el.getBoundingClientRect().right}`);
    return {
      document: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      body: document.body.scrollWidth - document.body.clientWidth,
      culprits: culprits.join('; '),
    };
  });
  expect(overflow.document, `the page scrolls sideways (${overflow.culprits})`).toBeLessThanOrEqual(0);
  expect(overflow.body, `the body scrolls sideways (${overflow.culprits})`).toBeLessThanOrEqual(0);
}

/** Every button is inside the window and inside its scrolling container, and on top. */
async function fullyVisible(buttons: Locator): Promise<void> {
  const count = await buttons.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    const state = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      let clipped = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const c = p.getBoundingClientRect();
        if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) clipped = true;
      }
      const inWindow = r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { clipped, inWindow, onTop: !!hit && el.contains(hit), text: el.textContent ?? '' };
    });
    expect(state, `"${state.text}" is cut off or covered`).toEqual({ clipped: false, inWindow: true, onTop: true, text: state.text });
  }
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const size of sizes) {
    const label = `${size.width}x${size.height}-${colorScheme}`;
    test(`layout at ${size.width}×${size.height} (${colorScheme}): list, details and the dataset grid fit`, async ({ launch, standIn }, testInfo) => {
      const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await signInThroughUi(page, standIn.apiKey);

      const files = page.getByRole('listbox', { name: 'Files' });
      await files.getByRole('option', { name: /diffraction-pattern\.png/ }).click();
      const details = page.getByRole('complementary', { name: 'File details' });
      await expect(details.getByRole('heading', { name: 'diffraction-pattern.png' })).toBeVisible();
      await expect(details.getByRole('img', { name: 'Preview of diffraction-pattern.png' })).toBeVisible();
      // Thumbnails have had their chance to arrive, so the screenshot shows the list as people see it.
      await expect(files.getByRole('option', { name: /team-logo\.png/ }).locator('img.thumb')).toBeVisible();

      expect(await visibleRows(files), 'list rows visible with details open').toBeGreaterThanOrEqual(6);
      await noHorizontalPageOverflow(page);
      await fullyVisible(details.locator('.detail-actions .button-row button'));
      await attachScreenshot(page, testInfo, `files-${label}`);

      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Datasets' }).click();
      await page.getByRole('listbox', { name: 'Datasets' }).getByRole('option', { name: /telemetry-100k/ }).click();
      const datasetDetails = page.getByRole('complementary', { name: 'Dataset details' });
      await expect(datasetDetails.getByRole('heading', { name: 'telemetry-100k' })).toBeVisible();
      await fullyVisible(datasetDetails.locator('.detail-actions .button-row button'));
      await noHorizontalPageOverflow(page);
      await attachScreenshot(page, testInfo, `dataset-details-${label}`);

      await datasetDetails.getByRole('button', { name: 'Open rows' }).click();
      const grid = page.getByRole('grid', { name: 'Rows of telemetry-100k' });
      await expect(grid.locator('[role="row"][aria-rowindex="2"] [aria-colindex="1"]')).toHaveText('1');
      const measured = await grid.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const rows = [...el.querySelectorAll<HTMLElement>('[role="rowgroup"] + [role="rowgroup"] [role="row"]')].filter((row) => {
          const r = row.getBoundingClientRect();
          return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && !row.getAttribute('aria-busy');
        });
        const headers = [...el.querySelectorAll<HTMLElement>('[role="columnheader"]')].map((h) => {
          const r = h.getBoundingClientRect();
          return { name: h.textContent ?? '', inView: r.left >= box.left - 0.5 && r.right <= box.left + el.clientWidth + 0.5 };
        });
        return { rows: rows.length, headers, scrollsSideways: el.scrollWidth > el.clientWidth };
      });
      expect(measured.rows, 'grid rows in view').toBeGreaterThanOrEqual(20);
      expect(measured.headers.map((h) => h.name)).toEqual(['id', 'station', 'reading', 'recorded_at', 'is_valid', 'status']);
      expect(measured.headers.every((h) => h.inView) || measured.scrollsSideways, 'every header in view, or a horizontal scrollbar').toBe(true);
      await noHorizontalPageOverflow(page);
      await attachScreenshot(page, testInfo, `grid-${label}`);

      await page.getByRole('button', { name: 'Back' }).click();
      await expect(datasetDetails.getByRole('heading', { name: 'telemetry-100k' })).toBeVisible();

      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Conversations' }).click();
      const conversations = page.getByRole('listbox', { name: 'Conversations' });
      await conversations.getByRole('option').first().click();
      await expect(page.getByRole('region', { name: /^Messages in/ }).getByRole('article').first()).toBeVisible();
      await noHorizontalPageOverflow(page);
      await attachScreenshot(page, testInfo, `conversations-${label}`);
    });
  }
}
