// "Drop 10,000 files of 4 KiB" against the same drop of 1,000, through the app's real upload
// service (main-process code in this process; the stand-in in its own): a folder is granted and
// added as a drop would be, then uploaded 3 at a time. Each figure is per file, so a ratio near 1
// means the cost grows linearly with the size of the drop:
//  - time until the queue has accepted the drop (folder walked, every file checked, queued, saved);
//  - files per second until all are uploaded;
//  - peak resident memory above idle.
import { mkdtempSync, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { UploadsDelta } from '../../shared/uploads';
import { grantedHandles, memorySecretStore, testServices } from '../helpers/services';
import type { Bench } from './bench-types';
import { startStandInChild, type StandInChild } from './stand-in-process';

const FILE_BYTES = 4 * 1024;
const MiB = 1024 * 1024;

interface DropRun {
  files: number;
  acceptSeconds: number;
  uploadSeconds: number;
  peakAboveIdle: number;
  /** Heap still in use (after a full GC) once every upload finished, above idle. */
  retainedHeap: number;
}

function settleHeap(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

async function makeFolder(root: string, count: number): Promise<string> {
  const folder = path.join(root, `drop-${count}`);
  await mkdir(folder, { recursive: true });
  const body = Buffer.alloc(FILE_BYTES, 0x61);
  for (let i = 0; i < count; i += 200) {
    await Promise.all(Array.from({ length: Math.min(200, count - i) }, (_, j) => writeFile(path.join(folder, `file-${String(i + j).padStart(5, '0')}.txt`), body)));
  }
  return folder;
}

async function dropAndUpload(standIn: StandInChild, folder: string, count: number): Promise<DropRun> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `ouro-bench-drop-${count}-`));
  // Progress is followed the way the page follows it, from the deltas, so the bench itself adds
  // no per-item work (re-reading a 10,000-item list 20 times a second would).
  const finished = new Map<string, string>();
  let resync = false;
  const services = testServices({
    emit: (event, payload) => {
      if (event !== 'uploads:changed') return;
      const delta = payload as UploadsDelta;
      if (delta.resync) resync = true;
      for (const item of delta.items) if (item.state === 'done' || item.state === 'failed' || item.state === 'cancelled') finished.set(item.id, item.state);
    },
    apiBaseUrl: standIn.url,
    fetch: globalThis.fetch,
    keychain: memorySecretStore({ [standIn.url]: standIn.apiKey }),
    dataDir,
    uploads: { concurrency: 3 },
  });
  await services.start();
  await services.account.verified();
  await services.account.client().auth.ready();
  settleHeap();
  const idle = process.memoryUsage.rss();
  const idleHeap = process.memoryUsage().heapUsed;
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    // What a drop does: the preload hands main the folder's path, main grants it, the page adds it.
    const started = performance.now();
    const result = await services.uploads.add({ granted: await grantedHandles(services, [folder]), staged: [], destination: { visibility: 'private' } });
    const accepted = performance.now();
    if (result.added !== count) throw new Error(`the queue took ${result.added} of ${count} files`);
    while (finished.size < count) {
      if (resync) {
        resync = false;
        for (const item of services.uploads.list().items) if (item.state === 'done' || item.state === 'failed' || item.state === 'cancelled') finished.set(item.id, item.state);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ended = performance.now();
    const failed = [...finished.values()].filter((state) => state !== 'done').length;
    if (failed) throw new Error(`${failed} uploads did not finish`);
    settleHeap();
    const retainedHeap = process.memoryUsage().heapUsed - idleHeap;
    return { files: count, acceptSeconds: (accepted - started) / 1000, uploadSeconds: (ended - accepted) / 1000, peakAboveIdle: peak - idle, retainedHeap };
  } finally {
    clearInterval(sampler);
    await services.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const bench: Bench = {
  name: 'Drop 10,000 files',
  async run() {
    const work = mkdtempSync(path.join(os.tmpdir(), 'ouro-bench-drop-'));
    const storage = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'ouro-bench-drop-stored-'));
    const standIn = await startStandInChild(storage);
    try {
      const warm = await makeFolder(work, 300);
      const small = await makeFolder(work, 1_000);
      const large = await makeFolder(work, 10_000);
      // Not measured: the first drop in a process also pays for JIT warm-up and new connections.
      console.log('warming up with 300 files…');
      await dropAndUpload(standIn, warm, 300);
      console.log('1,000 files of 4 KiB…');
      const base = await dropAndUpload(standIn, small, 1_000);
      console.log(`  accepted in ${base.acceptSeconds.toFixed(2)} s, uploaded in ${base.uploadSeconds.toFixed(1)} s`);
      await rm(storage, { recursive: true, force: true });
      await mkdir(storage, { recursive: true });
      console.log('10,000 files of 4 KiB…');
      const big = await dropAndUpload(standIn, large, 10_000);
      console.log(`  accepted in ${big.acceptSeconds.toFixed(2)} s, uploaded in ${big.uploadSeconds.toFixed(1)} s`);
      const perFileMs = (run: DropRun) => (run.acceptSeconds * 1000) / run.files;
      const filesPerSecond = (run: DropRun) => run.files / run.uploadSeconds;
      const marginalKiB = (big.peakAboveIdle - base.peakAboveIdle) / 1024 / (big.files - base.files);
      return {
        title: 'Drop 10,000 files of 4 KiB against 1,000 (per file; ratio ≈ 1 means cost grows linearly)',
        rows: [
          { metric: 'time until the queue accepts the drop, per file', unit: 'ms', value: perFileMs(big), baseline: perFileMs(base), baselineLabel: '1,000 files', better: 'lower', target: { ratio: 0.7, comparison: '>=' } },
          { metric: 'files per second, 3 at a time', unit: 'files/s', value: filesPerSecond(big), baseline: filesPerSecond(base), baselineLabel: '1,000 files', better: 'higher', target: { ratio: 0.7, comparison: '>=' } },
          { metric: 'peak RSS above idle', unit: 'MiB', value: big.peakAboveIdle / MiB, baseline: base.peakAboveIdle / MiB, baselineLabel: '1,000 files', better: 'lower' },
        ],
        notes: [
          `memory: peak RSS grows ${marginalKiB.toFixed(1)} KiB per extra file from 1,000 to 10,000, mostly garbage V8 collects late; what stays (heap after a full GC, the finished queue in memory) is ${(big.retainedHeap / 1024 / big.files).toFixed(1)} KiB per file at 10,000 and ${(base.retainedHeap / 1024 / base.files).toFixed(1)} KiB at 1,000`,
          `10,000 files: accepted in ${big.acceptSeconds.toFixed(2)} s, all uploaded in ${big.uploadSeconds.toFixed(1)} s, peak RSS ${(big.peakAboveIdle / MiB).toFixed(0)} MiB above idle`,
          `1,000 files: accepted in ${base.acceptSeconds.toFixed(2)} s, all uploaded in ${base.uploadSeconds.toFixed(1)} s, peak RSS ${(base.peakAboveIdle / MiB).toFixed(0)} MiB above idle`,
          'main-process code (upload service, queue, persistence) runs in this process; the stand-in in its own, storing to ' + (storage.startsWith('/dev/shm') ? 'tmpfs' : 'the temp folder'),
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
