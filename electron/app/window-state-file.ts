// Reads and writes the window state file (window-state.json in the app's data folder). Writes are
// atomic — a temporary file renamed over the old one — so a crash mid-write never leaves a
// half-written file, and a file that fails validation is treated as absent.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseWindowState, type WindowState } from './window-state';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface WindowStateFile {
  load(): Promise<WindowState | null>;
  save(state: WindowState): Promise<void>;
  /** For the last save as the window closes: the process may exit before a promise settles. */
  saveSync(state: WindowState): void;
}

export function windowStateFile(dataDir: string, log?: { warn(message: string, ...details: unknown[]): void }): WindowStateFile {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  // Unique per process and write, so two overlapping saves never share a temporary file.
  let sequence = 0;
  const tempFile = () => `${file}.${process.pid}.${sequence++}.tmp`;
  const serialise = (state: WindowState) => `${JSON.stringify({ bounds: state.bounds, maximized: state.maximized })}\n`;

  return {
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return null; // first run
      }
      try {
        const state = parseWindowState(JSON.parse(text));
        if (!state) log?.warn(`Ignoring an invalid ${WINDOW_STATE_FILE}`);
        return state;
      } catch {
        log?.warn(`Ignoring an unreadable ${WINDOW_STATE_FILE}`);
        return null;
      }
    },
    async save(state) {
      const temp = tempFile();
      await mkdir(dataDir, { recursive: true });
      await writeFile(temp, serialise(state), 'utf8');
      await rename(temp, file);
    },
    saveSync(state) {
      const temp = tempFile();
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(temp, serialise(state), 'utf8');
      renameSync(temp, file);
    },
  };
}
