// Sync folders through the app's real services (main-process code in this process, the stand-in
// in its own), with the real watcher and the app's own 2 s stability wait:
//  - a folder of 10,000 files of 4 KiB added with "upload what is there", against 1,000: time per
//    file until every file is on Ouro and the folder is up to date, peak RSS above idle, and the
//    longest the event loop was blocked meanwhile (the window's IPC waits on it);
//  - change-to-upload latency over 100 single-file writes, one every 700 ms: from the write to
//    the upload done, including the 2 s stability wait; target p95 < 3 s.
// OURO_BENCH_SYNC_PART=scan or =latency runs one half (the scan of 10,000 files takes minutes).
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { UploadsDelta } from '../../shared/uploads';
import { memorySecretStore, testServices } from '../helpers/services';
import { addSyncFolder, folderView } from '../helpers/sync';
import type { Bench, BenchRow } from './bench-types';
import { startStandInChild, type StandInChild } from './stand-in-process';

const FILE_BYTES = 4 * 1024;
const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function settleHeap(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

async function makeFolder(root: string, count: number): Promise<string> {
  const folder = path.join(root, `sync-${count}`);
  await mkdir(folder, { recursive: true });
  const body = Buffer.alloc(FILE_BYTES, 0x62);
  for (let i = 0; i < count; i += 200) {
    // A few sub-folders, as real folders have.
    await Promise.all(
      Array.from({ length: Math.min(200, count - i) }, async (_, j) => {
        const n = i + j;
        const dir = path.join(folder, `part-${Math.floor(n / 1000)}`);
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, `file-${String(n).padStart(5, '0')}.txt`), body);
      }),
    );
  }
  return folder;
}

function services(standIn: StandInChild, folder: string, onDone?: (name: string, at: number) => void) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-bench-sync-'));
  const built = testServices({
    emit: (event, payload) => {
      if (event !== 'uploads:changed' || !onDone) return;
      for (const item of (payload as UploadsDelta).items) if (item.state === 'done') onDone(item.name, performance.now());
    },
    apiBaseUrl: standIn.url,
    fetch: globalThis.fetch,
    keychain: memorySecretStore({ [standIn.url]: standIn.apiKey }),
    dataDir,
    uploads: { concurrency: 3 },
    sync: { chooseFolder: async () => folder },
  });
  return { services: built, dataDir };
}

interface ScanRun {
  seconds: number;
  peakAboveIdle: number;
  maxLoopDelayMs: number;
}

async function scanAndUpload(standIn: StandInChild, folder: string, count: number): Promise<ScanRun> {
  const { services: app, dataDir } = services(standIn, folder);
  await app.start();
  await app.account.verified();
  settleHeap();
  const idle = process.memoryUsage.rss();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    loop.enable();
    const started = performance.now();
    await addSyncFolder(app, 'upload');
    for (;;) {
      const view = folderView(app);
      if (view?.status.state === 'up-to-date' && view.synced === count) break;
      if (view?.status.state === 'error' || view?.status.state === 'paused') throw new Error(`sync stopped: ${JSON.stringify(view.status)}`);
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    return { seconds, peakAboveIdle: peak - idle, maxLoopDelayMs: loop.max / 1e6 };
  } finally {
    clearInterval(sampler);
    await app.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function writeLatencies(standIn: StandInChild, folder: string, writes: number): Promise<number[]> {
  const written = new Map<string, number>();
  const latencies: number[] = [];
  const { services: app, dataDir } = services(standIn, folder, (name, at) => {
    const start = written.get(name);
    if (start !== undefined) {
      latencies.push(at - start);
      written.delete(name);
    }
  });
  await app.start();
  try {
    await addSyncFolder(app, 'upload');
    while (folderView(app)?.status.state !== 'up-to-date') await sleep(50);
    for (let i = 0; i < writes; i++) {
      const name = `write-${String(i).padStart(3, '0')}.txt`;
      written.set(name, performance.now());
      await writeFile(path.join(folder, name), `measurement ${i}\n`);
      await sleep(700);
    }
    const deadline = Date.now() + 30_000;
    while (latencies.length < writes && Date.now() < deadline) await sleep(50);
    if (latencies.length < writes) throw new Error(`${writes - latencies.length} writes never reached Ouro`);
    return latencies.sort((a, b) => a - b);
  } finally {
    await app.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

const bench: Bench = {
  name: 'Sync folders',
  async run() {
    const work = mkdtempSync(path.join(os.tmpdir(), 'ouro-bench-sync-'));
    const storage = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'ouro-bench-sync-stored-'));
    const standIn = await startStandInChild(storage);
    try {
      const part = process.env.OURO_BENCH_SYNC_PART;
      let base: ScanRun | null = null;
      let big: ScanRun | null = null;
      if (part !== 'latency') {
        const warm = await makeFolder(work, 300);
        const small = await makeFolder(work, 1_000);
        const large = await makeFolder(work, 10_000);
        console.log('warming up with 300 files…');
        await scanAndUpload(standIn, warm, 300);
        console.log('sync a folder of 1,000 files of 4 KiB…');
        base = await scanAndUpload(standIn, small, 1_000);
        console.log(`  up to date in ${base.seconds.toFixed(1)} s`);
        await rm(storage, { recursive: true, force: true });
        await mkdir(storage, { recursive: true });
        console.log('sync a folder of 10,000 files of 4 KiB…');
        big = await scanAndUpload(standIn, large, 10_000);
        console.log(`  up to date in ${big.seconds.toFixed(1)} s`);
      }
      let latencies: number[] = [];
      if (part !== 'scan') {
        console.log('100 single-file writes, one every 700 ms…');
        const live = path.join(work, 'live');
        await mkdir(live);
        latencies = await writeLatencies(standIn, live, 100);
      }
      const p50 = quantile(latencies, 0.5);
      const p95 = quantile(latencies, 0.95);
      const perFileMs = (run: ScanRun, files: number) => (run.seconds * 1000) / files;
      return {
        title: 'Sync folders: initial scan and upload of 10,000 files of 4 KiB against 1,000 (per file); change-to-upload latency',
        rows: [
          ...(big && base
            ? [
          { metric: 'scan + upload until up to date, per file', unit: 'ms', value: perFileMs(big, 10_000), baseline: perFileMs(base, 1_000), baselineLabel: '1,000 files', better: 'lower', target: { ratio: 0.7, comparison: '>=' } },
          { metric: 'peak RSS above idle', unit: 'MiB', value: big.peakAboveIdle / MiB, baseline: base.peakAboveIdle / MiB, baselineLabel: '1,000 files', better: 'lower' },
          { metric: 'longest event-loop block while syncing', unit: 'ms', value: big.maxLoopDelayMs, baseline: base.maxLoopDelayMs, baselineLabel: '1,000 files', better: 'lower' },
              ]
            : []),
          ...(latencies.length > 0
            ? [
          { metric: 'change-to-upload latency p50', unit: 'ms', value: p50, baseline: 3000, baselineLabel: 'the 3 s target', better: 'lower' },
          { metric: 'change-to-upload latency p95 (incl. the 2 s stability wait)', unit: 'ms', value: p95, baseline: 3000, baselineLabel: 'the 3 s target', better: 'lower', target: { ratio: 1, comparison: '>=' } },
              ]
            : []),
        ] as BenchRow[],
        notes: [
          ...(big && base
            ? [
          `10,000 files: up to date in ${big.seconds.toFixed(1)} s, peak RSS ${(big.peakAboveIdle / MiB).toFixed(0)} MiB above idle, longest event-loop block ${big.maxLoopDelayMs.toFixed(0)} ms`,
          `1,000 files: up to date in ${base.seconds.toFixed(1)} s, peak RSS ${(base.peakAboveIdle / MiB).toFixed(0)} MiB above idle, longest event-loop block ${base.maxLoopDelayMs.toFixed(0)} ms`,
              ]
            : []),
          ...(latencies.length > 0 ? [`latency over ${latencies.length} writes: min ${latencies[0]?.toFixed(0)} ms, p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms (stability: size and mtime unchanged 2 s, polled every 100 ms)`] : []),
          `load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (2 shared cores)`,
        ],
      };
    } finally {
      await standIn.stop();
      await rm(work, { recursive: true, force: true });
      await rm(storage, { recursive: true, force: true });
    }
  },
};

export default bench;
