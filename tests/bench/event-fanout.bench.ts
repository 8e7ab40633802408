// Event fan-out in the built web host (dist/web-host.cjs, a child process, measured from /proc):
// 1,000 files of 4 KiB uploaded 3 at a time with 20 pages reading the event stream, against the
// same upload with none. Events are deltas written once per event to every reader, so readers
// should cost little: files per second and the host's peak resident memory are compared.
// (Before deltas and bounded streams, 100 reading clients slowed uploads 27×.)
import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startWebHostProcess } from '../helpers/web-host-process';
import type { Bench } from './bench-types';
import { startStandInChild, type StandInChild } from './stand-in-process';

const FILES = 1_000;
const READERS = 20;
const MiB = 1024 * 1024;

interface FanOutRun {
  filesPerSecond: number;
  peakRss: number;
  bytesPerReader: number;
  /** The size of the whole queue as `uploads:list` returns it at the end. */
  snapshotBytes: number;
}

async function uploadWithReaders(standIn: StandInChild, readers: number): Promise<FanOutRun> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `ouro-bench-fanout-${readers}-`));
  const host = await startWebHostProcess({ OURO_BACKEND_URL: standIn.url, OURO_API_KEY: standIn.apiKey, OURO_DESKTOP_DATA_DIR: dataDir, OURO_UPLOAD_CONCURRENCY: '3' });
  const streams = await Promise.all(Array.from({ length: readers }, () => host.readEvents()));
  try {
    const body = Buffer.alloc(4096, 0x62);
    const tokens: string[] = [];
    for (let i = 0; i < FILES; i += 25) {
      tokens.push(...(await Promise.all(Array.from({ length: Math.min(25, FILES - i) }, (_, j) => host.stage(`fanout-${i + j}.txt`, body)))));
    }
    const started = performance.now();
    const added = await host.ipc<{ added: number }>('uploads:add', { staged: tokens, destination: { visibility: 'private' } });
    if (!added.ok || added.data.added !== FILES) throw new Error(`the queue took ${JSON.stringify(added)}`);
    let snapshotBytes = 0;
    for (;;) {
      const list = await host.ipc<{ items: Array<{ state: string }> }>('uploads:list');
      if (!list.ok) throw new Error('uploads:list failed');
      snapshotBytes = JSON.stringify(list.data).length;
      const open = list.data.items.filter((i) => i.state !== 'done' && i.state !== 'failed' && i.state !== 'cancelled').length;
      if (open === 0) {
        const failed = list.data.items.filter((i) => i.state !== 'done').length;
        if (failed) throw new Error(`${failed} uploads did not finish`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    const memory = host.memory();
    const bytesPerReader = readers ? streams.reduce((sum, s) => sum + s.bytes(), 0) / readers : 0;
    return { filesPerSecond: FILES / seconds, peakRss: memory.peak, bytesPerReader, snapshotBytes };
  } finally {
    for (const stream of streams) stream.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const bench: Bench = {
  name: 'Event fan-out',
  async run() {
    if (!existsSync('/proc/self/status')) throw new Error('this bench reads the web host’s memory from /proc (Linux)');
    const storage = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'ouro-bench-fanout-stored-'));
    const standIn = await startStandInChild(storage);
    try {
      // Alternating, twice each, best of two, so neither gets the quieter moment.
      const none: FanOutRun[] = [];
      const many: FanOutRun[] = [];
      for (let round = 0; round < 2; round++) {
        none.push(await uploadWithReaders(standIn, 0));
        many.push(await uploadWithReaders(standIn, READERS));
        console.log(`round ${round + 1}: 0 readers ${none.at(-1)?.filesPerSecond.toFixed(1)} files/s, ${READERS} readers ${many.at(-1)?.filesPerSecond.toFixed(1)} files/s`);
      }
      const best = (runs: FanOutRun[]) => runs.reduce((a, b) => (b.filesPerSecond > a.filesPerSecond ? b : a));
      const base = best(none);
      const fan = best(many);
      return {
        title: `Event fan-out: ${FILES.toLocaleString()} files of 4 KiB through the web host, ${READERS} reading pages against none`,
        rows: [
          { metric: 'files per second, 3 at a time', unit: 'files/s', value: fan.filesPerSecond, baseline: base.filesPerSecond, baselineLabel: '0 readers', better: 'higher', target: { ratio: 0.8, comparison: '>=' } },
          { metric: 'web host peak RSS', unit: 'MiB', value: fan.peakRss / MiB, baseline: base.peakRss / MiB, baselineLabel: '0 readers', better: 'lower', target: { ratio: 0.8, comparison: '>=' } },
        ],
        notes: [
          `each of the ${READERS} readers received ${(fan.bytesPerReader / 1024).toFixed(0)} KiB of events for the whole run (deltas); one whole-queue snapshot of these ${FILES.toLocaleString()} items is ${(fan.snapshotBytes / 1024).toFixed(0)} KiB`,
          `runs: 0 readers ${none.map((r) => r.filesPerSecond.toFixed(1)).join(', ')} files/s; ${READERS} readers ${many.map((r) => r.filesPerSecond.toFixed(1)).join(', ')} files/s`,
          `the web host and the stand-in are separate processes (uploads stored to ${storage.startsWith('/dev/shm') ? 'tmpfs' : 'the temp folder'}); load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
        ],
      };
    } finally {
      await standIn.stop();
      await rm(storage, { recursive: true, force: true });
    }
  },
};

export default bench;
