// The `launch` fixture starts Ouro Desktop the way each project needs — the built web host in
// a child process opened in Chromium, or the real Electron app — each with a fresh data folder,
// and hands the test a Page plus a way to restart the app on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, _electron, chromium, type Browser, type BrowserContext, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../electron/electron-binary.mjs';
import { startStandIn, type StandIn, type StandInOptions } from '../stand-in/index';
import { chromiumArgs, chromiumPath } from './chromium-path';

export type OuroHost = 'web' | 'electron';

export interface LaunchOptions {
  env?: Record<string, string>;
  /** Reuse a data folder (e.g. to check what survives a restart). Default: a fresh one. */
  dataDir?: string;
}

export interface OuroApp {
  page: Page;
  dataDir: string;
  host: OuroHost;
  /** The web host's printed URL (web project only). */
  url?: string;
  /** Playwright's handle on the Electron app, for evaluate() in main, e.g. to answer a native dialog (electron project only). */
  electron?: ElectronApplication;
  close(): Promise<void>;
}

/** The app's test-only hooks (electron/app/test-hooks.ts) are switched on for every e2e run. */
const TEST_ENV = { OURO_TEST_HOOKS: '1' };

const root = path.resolve(import.meta.dirname, '..', '..');

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not print its URL:\n${output}`)), 15_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = /^Ouro web host: (\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
}

async function launchWeb(browser: Browser, env: Record<string, string>, dataDir: string): Promise<OuroApp> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'web-host.cjs')], {
    cwd: root,
    env: { ...process.env, ...TEST_ENV, ...env, OURO_DESKTOP_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child);
  const context: BrowserContext = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return {
    page,
    dataDir,
    host: 'web',
    url,
    close: async () => {
      await context.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

async function launchElectron(env: Record<string, string>, dataDir: string): Promise<OuroApp> {
  const binary = findElectronBinary();
  if (!('path' in binary)) throw new Error(`Electron project selected but ${binary.missing}`);
  const app = await _electron.launch({
    executablePath: binary.path,
    args: [root],
    env: { ...(process.env as Record<string, string>), ...TEST_ENV, ...env, OURO_DESKTOP_DATA_DIR: dataDir },
  });
  const downloads = env.OURO_DESKTOP_DOWNLOAD_DIR;
  if (downloads) {
    // A test cannot click a native save dialog: answer it the way the web host does, with the
    // suggested name inside the test's downloads folder.
    await app.evaluate(({ dialog }, folder) => {
      const answer = async (...args: unknown[]) => {
        const options = args.find((a): a is { defaultPath?: string } => typeof a === 'object' && a !== null && 'defaultPath' in a);
        const name = (options?.defaultPath ?? 'download').split(/[\\/]/).pop() ?? 'download';
        return { canceled: false, filePath: `${folder}/${name}` };
      };
      Object.assign(dialog, { showSaveDialog: answer });
    }, downloads);
  }
  const page = await app.firstWindow();
  return { page, dataDir, host: 'electron', electron: app, close: () => app.close() };
}

export const test = base.extend<
  { ouroHost: OuroHost; launch: (options?: LaunchOptions) => Promise<OuroApp>; standIn: StandIn; standInOptions: StandInOptions },
  { sharedChromium: () => Promise<Browser> }
>({
  ouroHost: ['web', { option: true }],
  // One Chromium per worker (a fresh context per app), launched only if a web test asks for it.
  sharedChromium: [
    // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const launched: { browser?: Promise<Browser> } = {};
      await use(() => (launched.browser ??= chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs })));
      if (launched.browser) await (await launched.browser).close();
    },
    { scope: 'worker' },
  ],
  // A fresh local Ouro per test: its own port (so its own keychain entry), seed and faults.
  standInOptions: [{}, { option: true }],
  standIn: async ({ standInOptions }, use) => {
    const standIn = await startStandIn({ quiet: true, ...standInOptions });
    await use(standIn);
    await standIn.close();
  },
  launch: async ({ ouroHost, sharedChromium }, use, testInfo) => {
    const apps: OuroApp[] = [];
    await use(async (options = {}) => {
      const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), `ouro-e2e-${testInfo.workerIndex}-`)));
      const env = options.env ?? {};
      if (env.OURO_DESKTOP_DOWNLOAD_DIR) await mkdir(env.OURO_DESKTOP_DOWNLOAD_DIR, { recursive: true });
      const app = ouroHost === 'electron' ? await launchElectron(env, dataDir) : await launchWeb(await sharedChromium(), env, dataDir);
      apps.push(app);
      return app;
    });
    for (const app of apps) await app.close().catch(() => {});
  },
});

export { expect } from '@playwright/test';
