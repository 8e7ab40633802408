// Issue 16: time to first rows at start — warm (the Files list's first page from the answer cache)
// against cold (the cache empty, so the key exchange and /search/assets first) — and the cache's
// size on disk after browsing 20,000 files. Through the web host's HTTP IPC (in this process, so
// both starts leave out Node's own start-up alike) against the stand-in with 20,000 files.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { saveIntoFolder } from '../../electron/browse/downloads-folder';
import { jsThumbnailer } from '../../electron/browse/js-thumbnailer';
import { createEventHub } from '../../electron/event-hub';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createLogger } from '../../electron/log';
import { createMainServices, type MainServices } from '../../electron/services';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../electron/web-host/server';
import { memorySecretStore } from '../helpers/services';
import { startStandIn, type StandIn } from '../stand-in/index';
import type { Bench, BenchRow } from './bench-types';

const FILES = 20_000;
const RUNS = 7;
const TOKEN = 'bench-token-0123456789abcdef';
const PAGE = { section: 'files', scope: 'all', sort: 'recent', offset: 0, limit: 50 } as const;
const log = createLogger({ write: () => {} });

function services(standIn: StandIn, dataDir: string, keychain: ReturnType<typeof memorySecretStore>): MainServices {
  const events = createEventHub();
  return createMainServices({
    appVersion: 'bench',
    platform: process.platform,
    apiBaseUrl: standIn.url,
    apiBaseFromEnv: true,
    dataDir,
    host: 'web',
    log,
    emit: events.emit,
    fetch: globalThis.fetch,
    keychain,
    thumbnailer: jsThumbnailer,
    openExternal: () => {},
    chooseSavePath: saveIntoFolder(path.join(dataDir, 'Downloads')),
  });
}

function ipc<T>(host: WebHost, channel: string, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/__ouro/ipc/${channel}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${host.port}`, [TOKEN_HEADER]: TOKEN },
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const result = JSON.parse(text) as { ok: boolean; data: T; error?: { message: string } };
          if (result.ok) resolve(result.data);
          else reject(new Error(`${channel}: ${result.error?.message ?? 'failed'}`));
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ input }));
  });
}

/** From building the services and the web host (the app starting) to the first page of rows. */
async function timeToFirstRows(standIn: StandIn, dataDir: string, keychain: ReturnType<typeof memorySecretStore>, warm: boolean): Promise<number> {
  const started = performance.now();
  const main = services(standIn, dataDir, keychain);
  const host = await startWebHost({ rendererDir: dataDir, bridgeScript: dataDir, dispatch: createDispatcher(main.handlers, log), events: createEventHub(), token: TOKEN, log });
  void main.start();
  let items: unknown[];
  if (warm) {
    const cached = await ipc<{ data: { items: unknown[] } } | null>(host, 'cache:get', { channel: 'assets:search', input: PAGE });
    if (!cached) throw new Error('warm start found nothing cached');
    items = cached.data.items;
  } else {
    items = (await ipc<{ items: unknown[] }>(host, 'assets:search', PAGE)).items;
  }
  const ms = performance.now() - started;
  if (items.length !== PAGE.limit) throw new Error(`expected ${PAGE.limit} rows, got ${items.length}`);
  // Cold: wait for the answer to be kept, as the next (warm) start needs it. Warm: the page's
  // background refresh, so each run ends in the same state.
  if (!warm) while (!(await ipc(host, 'cache:get', { channel: 'assets:search', input: PAGE }))) await new Promise((r) => setTimeout(r, 5));
  else await ipc(host, 'assets:search', PAGE);
  await host.close();
  await main.dispose();
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function sizeOnDisk(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(dir, entry))
    .filter((file) => statSync(file).isFile())
    .reduce((sum, file) => sum + statSync(file).size, 0);
}

async function startRows(standIn: StandIn, latencyLabel: string, withTarget: boolean): Promise<BenchRow> {
  // A data folder signed in once (the profile is known at start), then copied for each run.
  const template = mkdtempSync(path.join(os.tmpdir(), 'ouro-bench-cache-'));
  const keychain = memorySecretStore();
  const first = services(standIn, template, keychain);
  await first.start();
  await first.account.signIn({ apiKey: standIn.apiKey });
  await first.dispose();
  rmSync(path.join(template, 'accounts'), { recursive: true, force: true });

  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-bench-run-'));
    cpSync(template, dataDir, { recursive: true });
    cold.push(await timeToFirstRows(standIn, dataDir, keychain, false));
    warm.push(await timeToFirstRows(standIn, dataDir, keychain, true));
    rmSync(dataDir, { recursive: true, force: true });
  }
  rmSync(template, { recursive: true, force: true });
  const value = median(warm);
  const baseline = median(cold);
  process.stdout.write(`time to first rows (${latencyLabel}): warm ${warm.map((m) => m.toFixed(1)).join(', ')} ms; cold ${cold.map((m) => m.toFixed(1)).join(', ')} ms; warm/cold ${(value / baseline).toFixed(3)}\n`);
  // ratioOf() reads "lower is better" as baseline/value: warm/cold ≤ 0.3 is cold/warm ≥ 3.33.
  return {
    metric: `time to first rows, warm start from cache (${latencyLabel})`,
    unit: 'ms',
    value,
    baseline,
    baselineLabel: 'cold start, empty cache',
    better: 'lower',
    target: withTarget ? { ratio: 1 / 0.3, comparison: '>=' } : undefined,
  };
}

async function browseAll(standIn: StandIn): Promise<BenchRow> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-bench-browse-'));
  const main = services(standIn, dataDir, memorySecretStore());
  await main.start();
  await main.account.signIn({ apiKey: standIn.apiKey });
  const context = { host: 'web' as const };
  const started = performance.now();
  let logical = 0;
  const ids: string[] = [];
  // Scroll the whole Files list (only its first page is kept)…
  for (let offset = 0; ; offset += 200) {
    const page = await main.handlers['assets:search']({ section: 'files', scope: 'all', sort: 'recent', offset, limit: 200 }, context);
    if (offset === 0) logical += JSON.stringify(page).length;
    ids.push(...page.items.filter((item) => item.name.startsWith('sample-')).map((item) => item.id));
    if (!page.hasMore) break;
  }
  // …then open every file: its details and its preview, four at a time.
  const files = ids.slice(0, FILES);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const id = files[i] as string;
      const details = JSON.stringify(await main.handlers['files:get']({ id }, context));
      const preview = JSON.stringify(await main.handlers['files:preview']({ id }, context));
      logical += details.length + preview.length;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  // Closing waits for the last writes, so LevelDB's files are complete.
  await main.dispose();
  const onDisk = sizeOnDisk(path.join(dataDir, 'accounts'));
  process.stdout.write(`browsed ${files.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s; answers ${(logical / 1e6).toFixed(1)} MB as JSON, ${(onDisk / 1e6).toFixed(1)} MB on disk\n`);
  rmSync(dataDir, { recursive: true, force: true });
  return {
    metric: `cache on disk after browsing ${files.length.toLocaleString('en-US')} files (list, details, preview each)`,
    unit: 'MB',
    value: onDisk / 1e6,
    baseline: logical / 1e6,
    baselineLabel: 'the same answers as JSON',
    better: 'lower',
  };
}

const bench: Bench = {
  name: 'Answer cache',
  async run() {
    const standIn = await startStandIn({ quiet: true, seedFiles: FILES });
    try {
      // On loopback the network costs next to nothing, so both starts are mostly the same start-up
      // work: a reference, not what a person waits for.
      const loopback = await startRows(standIn, 'loopback stand-in', false);
      // A real Ouro is across the internet: the same start with 60 ms added to every request.
      standIn.faults.add({ path: '*', latencyMs: 60, times: 1_000_000 });
      const wan = await startRows(standIn, '+60 ms per request', true);
      standIn.faults.clear();
      const size = await browseAll(standIn);
      return {
        title: 'Answer cache: first rows at start from the cache vs. from Ouro, and its size on disk (web host IPC, stand-in with 20,000 files)',
        rows: [loopback, wan, size],
        notes: [
          `Each start builds the services and web host and asks for the Files list's first page (50 rows); median of ${RUNS}. Cold: a signed-in data folder with an empty cache (key exchange, then /search/assets). Warm: cache:get.`,
          'Target: warm/cold ≤ 0.3, shown as cold/warm ≥ 3.33 in the ratio column; checked with 60 ms added to every request (a modest internet round trip; real Ouro search is slower still). On loopback the stand-in answers in about a millisecond, so warm and cold differ by little more than noise.',
          'Size: LevelDB files (snappy-compressed) for the first list page and every file’s details and text preview; the budget (200 MB) was not reached.',
        ],
      };
    } finally {
      await standIn.close();
    }
  },
};

export default bench;
