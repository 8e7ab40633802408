// Walks a sync folder for the catch-up scan: every file that is not ignored, with its size and
// mtime, a directory at a time (fs.opendir streams entries), yielding to the event loop every few
// hundred entries so 50,000 files never block main. Symlinks are not followed (a link out of the
// folder would upload what the person never chose).
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IgnoreTest } from './ignore-rules';

export interface ScannedFile {
  rel: string;
  size: number;
  mtimeMs: number;
}

const YIELD_EVERY = 256;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Files under `root` in batches; throws when `root` itself cannot be read (missing, unmounted). */
export async function* scanFolder(root: string, ignored: IgnoreTest, signal?: AbortSignal): AsyncGenerator<ScannedFile[]> {
  const dirs: string[] = [''];
  let seen = 0;
  let batch: ScannedFile[] = [];
  let first = true;
  while (dirs.length > 0) {
    const relDir = dirs.pop() ?? '';
    let dir;
    try {
      dir = await opendir(path.join(root, relDir), { bufferSize: 64 });
    } catch (error) {
      if (first) throw error;
      continue; // a sub-folder removed while walking: its files are simply not seen
    }
    first = false;
    for await (const entry of dir) {
      if (signal?.aborted) return;
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (ignored(rel)) continue;
      if (entry.isDirectory()) dirs.push(rel);
      else if (entry.isFile()) {
        try {
          const info = await stat(path.join(root, rel));
          batch.push({ rel, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
        } catch {
          // gone between listing and stat
        }
      }
      if (++seen % YIELD_EVERY === 0) {
        if (batch.length > 0) yield batch;
        batch = [];
        await yieldToLoop();
      }
    }
  }
  if (batch.length > 0) yield batch;
}
