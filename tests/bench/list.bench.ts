// The Files list with 20,000 files: time to first rows, time to scroll to the end, and the peak
// DOM node count, for the virtualized list against the same list rendering every row
// (`?virtualize=0`), in one run against the stand-in, through the web host in Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium-path';
import { startStandIn, type StandIn } from '../stand-in/index';
import type { Bench } from './bench-types';

const root = path.resolve(import.meta.dirname, '..', '..');
const FILES = 20_000;

interface Measured {
  firstRowsMs: number;
  scrollMs: number;
  peakNodes: number;
  rows: number;
}

async function startWebHost(standIn: StandIn, dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'web-host.cjs')], {
    env: { ...process.env, OURO_BACKEND_URL: standIn.url, OURO_API_KEY: standIn.apiKey, OURO_DESKTOP_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Ouro web host: (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function measure(browser: Browser, url: string, virtualize: boolean): Promise<Measured> {
  // Both variants start from a fresh page and context, so neither benefits from the other's cache.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Choices are per section; start on "All of Ouro" so all 20,000 files are in the list.
  await page.addInitScript(() => localStorage.setItem('ouro.browse.files', JSON.stringify({ scope: 'all', orgId: null, teamId: null, sort: 'recent' })));
  const started = performance.now();
  await page.goto(virtualize ? url : `${url}&virtualize=0`);
  const list = page.getByRole('listbox', { name: 'Files' });
  await list.getByRole('option').first().waitFor();
  const firstRowsMs = performance.now() - started;
  const total = Number(await list.getByRole('option').first().getAttribute('aria-setsize'));

  const scrollStart = performance.now();
  await list.focus();
  let peakNodes = 0;
  for (;;) {
    await page.keyboard.press('End');
    const state = await list.evaluate((el) => {
      const options = el.querySelectorAll('[role="option"]');
      return {
        nodes: document.getElementsByTagName('*').length,
        last: Number(options[options.length - 1]?.getAttribute('aria-posinset') ?? 0),
        busy: el.getAttribute('aria-busy') === 'true',
      };
    });
    peakNodes = Math.max(peakNodes, state.nodes);
    if (process.env.OURO_BENCH_VERBOSE) process.stdout.write(`  ${virtualize ? 'virtual' : 'plain'}: ${state.last}/${total}, ${state.nodes} nodes\n`);
    if (state.last >= total && !state.busy) break;
    // Rendering every row gets slower as the list grows: give the baseline the time it needs.
    await page.waitForFunction((el) => el?.getAttribute('aria-busy') !== 'true', await list.elementHandle(), { timeout: 300_000 });
  }
  const scrollMs = performance.now() - scrollStart;
  await context.close();
  return { firstRowsMs, scrollMs, peakNodes, rows: total };
}

const bench: Bench = {
  name: 'Files list, 20,000 files',
  async run() {
    const standIn = await startStandIn({ quiet: true, seedFiles: FILES });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-bench-list-'));
    const host = await startWebHost(standIn, dataDir);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    try {
      const virtual = await measure(browser, host.url, true);
      const plain = await measure(browser, host.url, false);
      const baselineLabel = 'every row rendered';
      return {
        title: `Files list: ${virtual.rows.toLocaleString()} files, virtualized vs. ${baselineLabel} (web host, Chromium)`,
        rows: [
          { metric: 'time to first rows', unit: 'ms', value: virtual.firstRowsMs, baseline: plain.firstRowsMs, baselineLabel, better: 'lower' },
          { metric: 'scroll to the end', unit: 'ms', value: virtual.scrollMs, baseline: plain.scrollMs, baselineLabel, better: 'lower' },
          { metric: 'peak DOM nodes', unit: 'nodes', value: virtual.peakNodes, baseline: plain.peakNodes, baselineLabel, better: 'lower' },
        ],
        notes: ['Both variants page /search/assets 200 at a time; scrolling presses End until the last row is loaded.'],
      };
    } finally {
      await browser.close();
      await host.stop();
      await standIn.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default bench;
