// Five clients open the web host's event stream and never read, while a 2,000-file queue
// uploads: the host's memory stays bounded (< 300 MiB peak resident, measured in /proc, not
// timed) and every upload still finishes. Before event streams were bounded and sent deltas,
// this grew the host past 2.5 GiB. No page is involved: the host is driven over loopback.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type net from 'node:net';
import { startWebHostProcess, type WebHostProcess } from '../helpers/web-host-process';
import { expect, test } from './fixtures';

const FILES = 2_000;
const MiB = 1024 * 1024;

test('5 event readers that never read and a 2,000-item queue: the web host stays under 300 MiB and uploads finish', async ({ standIn, ouroHost }) => {
  test.skip(ouroHost === 'electron', 'Measures the web host process; Electron has no event stream to stall.');
  test.skip(process.platform !== 'linux', 'Reads the host’s memory from /proc.');
  test.setTimeout(240_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ouro-e2e-sse-memory-'));
  let host: WebHostProcess | undefined;
  const stalled: net.Socket[] = [];
  let peakSampled = 0;
  let sampler: ReturnType<typeof setInterval> | undefined;
  try {
    host = await startWebHostProcess({ OURO_BACKEND_URL: standIn.url, OURO_API_KEY: standIn.apiKey, OURO_DESKTOP_DATA_DIR: dataDir });
    const web = host;
    sampler = setInterval(() => {
      peakSampled = Math.max(peakSampled, web.memory().rss);
    }, 50);
    for (let i = 0; i < 5; i++) stalled.push(await web.stallEvents());

    const tokens: string[] = [];
    const body = Buffer.alloc(4096, 7);
    for (let i = 0; i < FILES; i += 25) {
      const batch = Array.from({ length: Math.min(25, FILES - i) }, (_, j) => web.stage(`queued-${String(i + j).padStart(4, '0')}.bin`, body));
      tokens.push(...(await Promise.all(batch)));
    }
    const added = await web.ipc<{ added: number }>('uploads:add', { staged: tokens, destination: { visibility: 'private' } });
    expect(added).toMatchObject({ ok: true, data: { added: FILES } });

    await expect
      .poll(
        async () => {
          const list = await web.ipc<{ items: Array<{ state: string }> }>('uploads:list');
          return list.ok ? list.data.items.filter((i) => i.state === 'done').length : -1;
        },
        { timeout: 200_000, intervals: [1_000] },
      )
      .toBe(FILES);
    const memory = web.memory();
    const peak = Math.max(memory.peak, peakSampled);
    test.info().annotations.push({ type: 'web host memory', description: `peak ${(peak / MiB).toFixed(0)} MiB, now ${(memory.rss / MiB).toFixed(0)} MiB` });
    expect(peak).toBeLessThan(300 * MiB);
    expect(standIn.uploads().filter((u) => u.fileName.startsWith('queued-'))).toHaveLength(FILES);
  } finally {
    if (sampler) clearInterval(sampler);
    for (const socket of stalled) socket.destroy();
    await host?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
