// Drag-and-drop uploads end to end through the web host: real drop events on the window (a
// DataTransfer built in the page with File objects), the confirm sheet, the Uploads tray,
// the stand-in's stored bytes, cancel, a fault that recovers by itself, and a restart mid-queue.
// The web host has no paths, so the page streams each File to the host's staging folder and the
// same queue and streamed upload take it from there (in Electron, main grants the Files' paths).
import { createHash, randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createOuroClient } from '../../electron/ouro/client';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

interface DropFile {
  name: string;
  bytes: Buffer;
  type?: string;
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Dispatches dragenter, dragover and drop on the window with a DataTransfer holding `files`. */
async function dropFiles(page: Page, files: DropFile[], { overlay = true, overlayText }: { overlay?: boolean; overlayText?: string | RegExp } = {}): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? 'application/octet-stream', base64: f.bytes.toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    (window as unknown as { __drop: DataTransfer }).__drop = transfer;
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
  if (overlay) await expect(page.getByTestId('drop-overlay')).toBeVisible();
  if (overlayText) await expect(page.getByTestId('drop-overlay')).toContainText(overlayText);
  const prevented = await page.evaluate(() => {
    const transfer = (window as unknown as { __drop: DataTransfer }).__drop;
    const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
    window.dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  // The browser's default (navigating to the file) must never happen.
  expect(prevented).toBe(true);
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
}

async function confirmUpload(page: Page, options: { visibility?: 'Private' | 'Organization' | 'Public'; asDataset?: boolean } = {}): Promise<void> {
  const sheet = page.getByRole('dialog');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('radio', { name: /^Private/ })).toBeChecked();
  if (options.visibility) await sheet.getByRole('radio', { name: new RegExp(`^${options.visibility}`) }).check();
  if (options.asDataset) await sheet.getByRole('checkbox', { name: /Upload as a dataset/ }).check();
  await sheet.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(sheet).toHaveCount(0);
  await openUploadsTray(page);
}

/** Pins the Uploads tray open (a drop only opens it for a few seconds). */
async function openUploadsTray(page: Page): Promise<void> {
  const tray = page.getByRole('region', { name: 'Uploads' });
  if ((await tray.getAttribute('data-state')) !== 'pinned') await tray.getByTestId('uploads-summary').click();
  await expect(tray).toHaveAttribute('data-state', 'pinned');
  await expect(tray.getByRole('heading', { name: 'Uploads' })).toBeVisible();
}

function uploadItem(page: Page, name: string) {
  return page.getByRole('region', { name: 'Uploads' }).getByTestId('upload-item').filter({ hasText: name });
}

async function start(launch: Parameters<Parameters<typeof test>[2]>[0]['launch'], standInUrl: string, apiKey: string, env: Record<string, string> = {}) {
  const app = await launch({ env: { OURO_BACKEND_URL: standInUrl, ...env } });
  await signInThroughUi(app.page, apiKey);
  await expect(app.page.getByRole('region', { name: 'Uploads' })).toBeVisible();
  return app;
}

test('several dropped files show progress, upload intact, and appear in the Files list', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  const files: DropFile[] = [
    { name: 'drop-one.bin', bytes: randomBytes(300_001) },
    { name: 'drop-two.txt', bytes: Buffer.from('hello from a drop\n'.repeat(5000)), type: 'text/plain' },
    { name: 'drop three (final).png', bytes: randomBytes(4_000), type: 'image/png' },
  ];
  // Hold the first byte upload long enough that its in-flight progress is still there to be seen
  // after the sheet closes and the tray is opened, even on a busy machine.
  standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 5000 });
  await dropFiles(page, files);
  await confirmUpload(page, { visibility: 'Public' });

  const busy = uploadItem(page, 'drop-one.bin').or(uploadItem(page, 'drop-two.txt')).or(uploadItem(page, 'drop three (final).png'));
  await expect(busy.filter({ hasText: 'Uploading' }).first()).toBeVisible();
  await expect(busy.getByRole('progressbar').first()).toHaveAttribute('aria-valuenow', /\d+/);

  for (const file of files) {
    const row = uploadItem(page, file.name);
    await expect(row).toContainText('Uploaded');
    await expect(row.getByRole('progressbar', { name: `Upload progress of ${file.name}` })).toHaveAttribute('aria-valuenow', '100');
    await expect(row.getByRole('button', { name: `Open in Ouro: ${file.name}` })).toBeVisible();
    const stored = standIn.uploads().filter((u) => u.fileName === file.name);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.sha256).toBe(sha(file.bytes));
  }

  // The browse work's Files list refreshes when an upload finishes.
  const filesSection = page.getByRole('main', { name: 'Files' });
  if ((await page.getByRole('navigation', { name: 'Sections' }).count()) > 0) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Files' }).click();
    for (const file of files) await expect(filesSection.getByText(file.name).first()).toBeVisible();
  }
});

test('cancel stops an upload in flight; Clear finished removes it', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 30_000 });
  await dropFiles(page, [{ name: 'cancel-me.bin', bytes: randomBytes(200_000) }]);
  await confirmUpload(page);
  const row = uploadItem(page, 'cancel-me.bin');
  await expect(row).toContainText('Uploading');
  await row.getByRole('button', { name: 'Cancel upload of cancel-me.bin' }).click();
  await expect(row).toContainText('Cancelled');
  await expect(row.getByRole('button', { name: 'Retry upload of cancel-me.bin' })).toBeVisible();
  expect(standIn.uploads().filter((u) => u.fileName === 'cancel-me.bin')).toHaveLength(0);
  await page.getByRole('button', { name: 'Clear finished' }).click();
  await expect(row).toHaveCount(0);
});

test('a fault injected mid-upload (503, then a dropped connection) recovers by itself', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  standIn.faults.add({ method: 'POST', path: '/files/upload', status: 503 });
  standIn.faults.add({ method: 'POST', path: '/files/upload', reset: 'immediately' });
  const bytes = randomBytes(1_000_003);
  await dropFiles(page, [{ name: 'flaky.bin', bytes }]);
  await confirmUpload(page);
  await expect(uploadItem(page, 'flaky.bin')).toContainText('Uploaded', { timeout: 20_000 });
  expect(standIn.faults.pending()).toBe(0);
  const stored = standIn.uploads().filter((u) => u.fileName === 'flaky.bin');
  expect(stored).toHaveLength(1);
  expect(stored[0]?.sha256).toBe(sha(bytes));
});

test('stopping the web host mid-queue and starting it again resumes with no duplicate', async ({ launch, standIn }) => {
  const first = await start(launch, standIn.url, standIn.apiKey);
  // Both uploads hang inside step 1 until the host is stopped.
  standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 60_000, times: 2 });
  const files: DropFile[] = [
    { name: 'resume-a.bin', bytes: randomBytes(150_000) },
    { name: 'resume-b.bin', bytes: randomBytes(150_001) },
  ];
  await dropFiles(first.page, files);
  await confirmUpload(first.page);
  for (const file of files) await expect(uploadItem(first.page, file.name)).toContainText('Uploading');
  await first.close();
  standIn.faults.clear();

  const again = await launch({ env: { OURO_BACKEND_URL: standIn.url }, dataDir: first.dataDir });
  for (const file of files) await expect(uploadItem(again.page, file.name)).toContainText('Uploaded');
  for (const file of files) {
    const stored = standIn.uploads().filter((u) => u.fileName === file.name);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.sha256).toBe(sha(file.bytes));
  }
  const creates = standIn.log.filter((e) => e.method === 'POST' && e.path === '/files/create' && e.status === 200);
  expect(creates).toHaveLength(files.length);
});

test('a dropped folder uploads exactly its visible files, counting what it skipped', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  // Honest note: Chromium cannot script a real directory drop, so the folder tree is a synthetic
  // webkitGetAsEntry() structure over real File objects. The drop event, the walk, the staging,
  // the queue and the upload are the app's real code paths.
  await page.evaluate(() => {
    type Node = { name: string; children?: Node[]; text?: string };
    const tree: Node = {
      name: 'project',
      children: [
        { name: 'readme.md', text: '# Project' },
        { name: '.env', text: 'SECRET=1' },
        { name: '.DS_Store', text: 'x' },
        { name: 'Thumbs.db', text: 'x' },
        { name: 'data', children: [{ name: 'one.txt', text: 'one' }, { name: 'deeper', children: [{ name: 'two.txt', text: 'two' }, { name: '.cache', children: [{ name: 'x.txt', text: 'x' }] }] }] },
      ],
    };
    const entry = (node: Node): unknown =>
      node.children
        ? {
            name: node.name,
            isFile: false,
            isDirectory: true,
            createReader: () => {
              let done = false;
              return {
                readEntries: (ok: (entries: unknown[]) => void) => {
                  const batch = done ? [] : (node.children ?? []).map(entry);
                  done = true;
                  setTimeout(() => ok(batch));
                },
              };
            },
          }
        : { name: node.name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => setTimeout(() => ok(new File([node.text ?? ''], node.name))) };
    const transfer = {
      types: ['Files'],
      files: [] as File[],
      items: [{ kind: 'file', type: '', webkitGetAsEntry: () => entry(tree), getAsFile: () => null }],
      dropEffect: 'none',
    };
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const event = new DragEvent(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: transfer });
      window.dispatchEvent(event);
    }
  });
  const sheet = page.getByRole('dialog');
  await expect(sheet).toContainText('Upload 3 items');
  await confirmUpload(page);
  for (const name of ['readme.md', 'one.txt', 'two.txt']) await expect(uploadItem(page, name)).toContainText('Uploaded');
  await expect(page.getByRole('region', { name: 'Uploads' }).getByRole('status')).toContainText('Skipped 4 hidden or system files (2 hidden, 2 system)');
  const names = standIn.uploads().map((u) => u.fileName).sort();
  expect(names).toEqual(['one.txt', 'readme.md', 'two.txt']);
});

test('a CSV dropped as a dataset arrives with the right columns, types and row count', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  const lines = ['id,temperature,station,observed,ok'];
  for (let i = 1; i <= 1234; i++) lines.push(`${i},${(20 + i / 100).toFixed(2)},S-${i % 7},2026-05-${String((i % 28) + 1).padStart(2, '0')} 12:00:00,${i % 3 === 0 ? 'no' : 'yes'}`);
  await dropFiles(page, [{ name: 'weather.csv', bytes: Buffer.from(lines.join('\n')), type: 'text/csv' }]);
  await confirmUpload(page, { asDataset: true });
  const row = uploadItem(page, 'weather.csv');
  await expect(row).toContainText('Uploaded');
  await expect(row).toContainText('dataset');

  const client = createOuroClient({ baseUrl: standIn.url, fetch: globalThis.fetch, appVersion: 'e2e', getApiKey: () => standIn.apiKey });
  const page1 = await client.search.assets({ assetType: 'dataset', scope: 'personal', query: 'weather' });
  const dataset = page1.items.find((a) => a.name === 'weather');
  expect(dataset).toBeTruthy();
  const schema = await client.datasets.schema(dataset?.id ?? '');
  expect(schema.map((c) => [c.name, c.type])).toEqual([
    ['id', 'integer'],
    ['temperature', 'real'],
    ['station', 'text'],
    ['observed', 'timestamp with time zone'],
    // yes/no stays text: BOOLEAN is not in the DDL Ouro is known to accept.
    ['ok', 'text'],
  ]);
  expect((await client.datasets.stats(dataset?.id ?? '')).count).toBe(1234);
  await expect(row).toContainText('1,234 rows added');
  expect(standIn.uploads()).toHaveLength(0);
});

test('a dropped file becomes a file asset whose record names the object /files/upload stored', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  const bytes = Buffer.from('data_FeNi\n_cell_length_a 2.4924\n');
  await dropFiles(page, [{ name: 'FeNi.cif', bytes }]);
  await confirmUpload(page, { visibility: 'Public' });
  await expect(uploadItem(page, 'FeNi.cif')).toContainText('Uploaded');

  const stored = standIn.uploads().filter((u) => u.fileName === 'FeNi.cif');
  expect(stored).toHaveLength(1);
  const upload = standIn.log.find((e) => e.method === 'POST' && e.path === '/files/upload' && e.upload?.sha256 === sha(bytes));
  expect(upload?.status).toBe(200);
  const client = createOuroClient({ baseUrl: standIn.url, fetch: globalThis.fetch, appVersion: 'e2e', getApiKey: () => standIn.apiKey });
  const asset = await client.files.get(stored[0]?.id ?? '');
  expect(asset).toMatchObject({ id: stored[0]?.id, asset_type: 'file', name: 'FeNi.cif', state: 'success' });
  // The same bucket and path the upload answered, and the storage basename as the object's name.
  expect(asset.metadata).toMatchObject({
    id: stored[0]?.id,
    bucket: stored[0]?.bucket,
    path: stored[0]?.storagePath,
    name: stored[0]?.storagePath.split('/').pop(),
    type: 'chemical/x-cif',
    extension: 'cif',
    size: bytes.length,
  });
  expect(stored[0]?.bucket).toBe('public-files');
  // …so the record reaches the bytes: the content URL Ouro hands out serves exactly them.
  const url = await client.files.contentUrl(asset.id);
  expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(bytes);
});

test('a CSV dropped as a dataset shows the rows Ouro skipped, on the row and in its details', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  const lines = ['sample,value', ...Array.from({ length: 4873 }, (_, i) => `s-${i},${i}`)];
  // Ouro's reference checks refuse 3 rows of the (only) batch.
  standIn.faults.add({ method: 'POST', path: '/datasets/*/data', skipRows: 3 });
  await dropFiles(page, [{ name: 'observations.csv', bytes: Buffer.from(lines.join('\n')), type: 'text/csv' }]);
  await confirmUpload(page, { asDataset: true });
  const row = uploadItem(page, 'observations.csv');
  await expect(row).toContainText('Uploaded with warnings');
  await expect(row).toContainText('4,870 of 4,873 rows added — 3 skipped');
  await row.getByLabel('Details of observations.csv').click();
  await expect(row.getByRole('listitem').filter({ hasText: 'Ouro skipped 3 rows of 4,873' })).toBeVisible();
  await expect(row).toContainText('3 rows were skipped because a reference value was missing.');
  expect(standIn.faults.pending()).toBe(0);
  // The warning colours keep their contrast in both themes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page, 'section[aria-label="Uploads"]'), colorScheme).toEqual([]);
  }
});

test('a pasted image and files chosen with Upload files… go through the same sheet and queue', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  const png = randomBytes(2_345);
  await page.evaluate((base64) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'image.png', { type: 'image/png' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, png.toString('base64'));
  await expect(page.getByRole('dialog')).toContainText(/Upload Pasted image [\d-]+\.png/);
  await confirmUpload(page);
  await expect(page.getByRole('region', { name: 'Uploads' }).getByTestId('upload-item').filter({ hasText: 'Pasted image' })).toContainText('Uploaded');
  const pasted = standIn.uploads().find((u) => u.fileName.startsWith('Pasted image'));
  expect(pasted?.sha256).toBe(sha(png));

  // The web host has no native dialog: "Upload files…" opens the browser's picker instead.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files…' }).click();
  await (await chooser).setFiles([
    { name: 'picked-1.txt', mimeType: 'text/plain', buffer: Buffer.from('one') },
    { name: 'picked-2.txt', mimeType: 'text/plain', buffer: Buffer.from('two') },
  ]);
  await expect(page.getByRole('dialog')).toContainText('Upload 2 items');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(standIn.uploads().filter((u) => u.fileName.startsWith('picked-'))).toHaveLength(0);
});

test('the confirm sheet is an accessible modal: focus stays inside, web-only teams are disabled with the reason', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  await dropFiles(page, [{ name: 'team-file.txt', bytes: Buffer.from('for the team') }]);
  const sheet = page.getByRole('dialog', { name: 'Upload team-file.txt' });
  await expect(sheet).toBeVisible();
  const org = sheet.getByRole('combobox', { name: 'Organization' });
  const helios = standIn.seed.orgs.find((o) => o.name === 'helios-lab');
  await org.selectOption(helios?.id ?? '');
  const team = sheet.getByRole('combobox', { name: 'Team' });
  await expect(team.getByRole('option', { name: /Publications — unavailable: This team only accepts uploads made on the Ouro website/ })).toBeDisabled();
  await expect(team).toHaveValue(standIn.seed.teams.find((t) => t.name === 'Crystal Growth')?.id ?? '');
  // Tab from the last control wraps to the first: focus never leaves the dialog.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await sheet.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(uploadItem(page, 'team-file.txt')).toContainText('Uploaded');
  await openUploadsTray(page);

  // The choice is remembered for the next sheet.
  // …and the drop overlay names it as the target.
  await dropFiles(page, [{ name: 'second.txt', bytes: Buffer.from('again') }], { overlayText: /To .* · Crystal Growth \(private\)/ });
  await expect(page.getByRole('dialog').getByRole('combobox', { name: 'Organization' })).toHaveValue(helios?.id ?? '');
  await page.keyboard.press('Escape');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the confirm sheet and the Uploads region (done, failed, in flight) pass axe (${colorScheme})`, async ({ launch, standIn }) => {
    const { page } = await start(launch, standIn.url, standIn.apiKey);
    await page.emulateMedia({ colorScheme });
    standIn.faults.add({ method: 'POST', path: '/files/upload', status: 413 });
    await dropFiles(page, [{ name: 'axe-too-big.bin', bytes: randomBytes(10) }]);
    await confirmUpload(page);
    await expect(uploadItem(page, 'axe-too-big.bin')).toContainText('Too large for Ouro');
    await dropFiles(page, [{ name: 'axe-ok.txt', bytes: Buffer.from('ok') }]);
    await confirmUpload(page);
    await expect(uploadItem(page, 'axe-ok.txt')).toContainText('Uploaded');
    standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 30_000 });
    await dropFiles(page, [{ name: 'axe-slow.txt', bytes: Buffer.from('slow') }]);
    expect(await seriousViolations(page, '[role="dialog"]'), 'confirm sheet').toEqual([]);
    await confirmUpload(page);
    await expect(uploadItem(page, 'axe-slow.txt')).toContainText('Uploading');
    expect(await seriousViolations(page, 'section[aria-label="Uploads"]'), 'Uploads region').toEqual([]);
  });
}

test('the tray: collapsed to one summary line, failed uploads first, then the active ones, then the waiting', async ({ launch, standIn }) => {
  const { page } = await start(launch, standIn.url, standIn.apiKey);
  const tray = page.getByRole('region', { name: 'Uploads' });
  await expect(tray).toHaveAttribute('data-state', 'closed');
  await expect(tray.getByTestId('uploads-summary')).toHaveText('No uploads');
  // The first three uploads Ouro receives fail (413, which is not retried); the next ones hang,
  // so the queue holds still: 3 failed, 3 uploading (the concurrency), 6 waiting.
  standIn.faults.add({ method: 'POST', path: '/files/upload', status: 413, times: 3 });
  standIn.faults.add({ method: 'POST', path: '/files/upload', latencyMs: 60_000, times: 9 });
  const files = Array.from({ length: 12 }, (_, i) => ({ name: `tray-${String(i + 1).padStart(2, '0')}.bin`, bytes: randomBytes(2_000 + i) }));
  await dropFiles(page, files);
  const sheet = page.getByRole('dialog');
  await sheet.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(sheet).toHaveCount(0);
  // A new drop opens the tray by itself for a moment.
  await expect(tray).toHaveAttribute('data-state', 'peek');

  await expect(tray.getByTestId('uploads-summary')).toHaveText(/^Uploading 3 of 12 · 3 failed( · .+\/s)?$/, { timeout: 20_000 });
  await openUploadsTray(page);
  const rows = tray.getByTestId('upload-item');
  await expect(rows).toHaveCount(12);
  const states = await rows.locator('.upload-state').allTextContents();
  expect(states).toEqual([...Array(3).fill('Failed'), ...Array(3).fill('Uploading'), ...Array(6).fill('Waiting')]);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText('Too large for Ouro');
  await expect(tray.getByRole('button', { name: /^Retry upload of tray-/ })).toHaveCount(3);

  // Collapsing leaves the one line; the rows are out of the way.
  await tray.getByTestId('uploads-summary').click();
  await expect(tray).toHaveAttribute('data-state', 'closed');
  await expect(tray.getByRole('heading', { name: 'Uploads' })).toBeHidden();
  await expect(tray.getByTestId('uploads-summary')).toHaveText(/^Uploading 3 of 12 · 3 failed/);
});
