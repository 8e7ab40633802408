import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WINDOW_STATE_FILE, windowStateFile } from '../../../electron/app/window-state-file';

const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-window-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('window state file', () => {
  it('has nothing to load on first run', async () => {
    expect(await windowStateFile(dir).load()).toBeNull();
  });

  it('round-trips a saved state, creating the data folder if needed', async () => {
    const nested = path.join(dir, 'not', 'yet');
    const file = windowStateFile(nested);
    await file.save(state);
    expect(await file.load()).toEqual(state);
    file.saveSync({ ...state, maximized: true });
    expect(await file.load()).toEqual({ ...state, maximized: true });
  });

  it('leaves no temporary files behind (write, then rename)', async () => {
    const file = windowStateFile(dir);
    await Promise.all([file.save(state), file.save({ ...state, maximized: true })]);
    file.saveSync(state);
    expect(await readdir(dir)).toEqual([WINDOW_STATE_FILE]);
    expect(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(state);
  });

  it('treats a corrupt or invalid file as absent, and says so in the log', async () => {
    const warn = vi.fn();
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{"bounds": {"x": 1,');
    expect(await windowStateFile(dir, { warn }).load()).toBeNull();
    await writeFile(path.join(dir, WINDOW_STATE_FILE), JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 1 }, maximized: false }));
    expect(await windowStateFile(dir, { warn }).load()).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
