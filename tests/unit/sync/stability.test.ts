// Stability detection with real files and a short quiet period: a file still being written is
// not taken; once its size and mtime hold for the quiet period it is, once.
import { appendFileSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStabilityTracker, type FileFacts } from '../../../electron/sync/stability';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-stability-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

function tracker(quietMs: number) {
  const stable: Array<{ rel: string; facts: FileFacts; at: number }> = [];
  const gone: string[] = [];
  const t = createStabilityTracker({ quietMs, pollMs: 20, onStable: (rel, facts) => stable.push({ rel, facts, at: Date.now() }), onGone: (rel) => gone.push(rel) });
  return { t, stable, gone };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('stability detection', () => {
  it('waits while the file keeps growing, then takes it once, with its final size', async () => {
    const file = path.join(dir, 'growing.bin');
    writeFileSync(file, 'a');
    const { t, stable } = tracker(300);
    t.track('growing.bin', file);
    const started = Date.now();
    for (let i = 0; i < 8; i++) {
      await new Promise((r) => setTimeout(r, 100));
      appendFileSync(file, 'more');
      expect(stable).toEqual([]);
    }
    const lastWrite = Date.now();
    await until(() => stable.length === 1);
    expect(stable[0]!.facts.size).toBe(1 + 8 * 4);
    expect(stable[0]!.at - lastWrite).toBeGreaterThanOrEqual(250);
    expect(stable[0]!.at - started).toBeGreaterThan(800);
    await new Promise((r) => setTimeout(r, 400));
    expect(stable).toHaveLength(1);
    expect(t.size).toBe(0);
  });

  it('takes a file found by the scan at once when its mtime is already older than the quiet period', async () => {
    const file = path.join(dir, 'old.txt');
    writeFileSync(file, 'old');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const { t, stable } = tracker(5000);
    t.track('old.txt', file, true);
    await until(() => stable.length === 1, 2000);
  });

  it('but a watcher event always waits the full quiet period', async () => {
    const file = path.join(dir, 'old-event.txt');
    writeFileSync(file, 'old');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const { t, stable } = tracker(400);
    const at = Date.now();
    t.track('old-event.txt', file);
    await until(() => stable.length === 1);
    expect(stable[0]!.at - at).toBeGreaterThanOrEqual(380);
  });

  it('reports a candidate that disappears', async () => {
    const file = path.join(dir, 'brief.txt');
    writeFileSync(file, 'x');
    const { t, stable, gone } = tracker(300);
    t.track('brief.txt', file);
    await rm(file);
    await until(() => gone.length === 1);
    expect(stable).toEqual([]);
  });
});
