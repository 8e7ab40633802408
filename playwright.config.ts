// End-to-end tests. The `web` project drives the real renderer in the system Chromium through
// the loopback web host; the `electron` project runs the same specs in the real Electron app
// wherever its binary exists. Playwright never downloads a browser here.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './electron/electron-binary.mjs';
import { chromiumPath } from './tests/e2e/chromium-path';
import type { OuroHost } from './tests/e2e/fixtures';

const electron = findElectronBinary();
// Printed once, by the runner (workers load this file too).
if (!process.env.TEST_WORKER_INDEX) {
  if ('missing' in electron) {
    console.log(
      `Electron e2e: skipped — ${electron.missing}; the same specs ran in Chromium through the web host, ` +
        'and the Electron-only ones (native notifications) are listed as skipped there.',
    );
  }
  if (!existsSync(chromiumPath())) {
    throw new Error(`No Chromium at ${chromiumPath()}. Install Debian's chromium (apt-get install chromium) or set OURO_CHROMIUM_PATH.`);
  }
}

export default defineConfig<{ ouroHost: OuroHost }>({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'web', use: { ouroHost: 'web' } },
    ...('path' in electron ? [{ name: 'electron', use: { ouroHost: 'electron' as const } }] : []),
  ],
});
