// Choosing where a download lands inside a folder without ever overwriting: "name.ext", then
// "name (2).ext", "name (3).ext"… (the second copy is 2, as Finder and Explorer number them).
// The name is reserved atomically by creating the empty file, so two downloads running at once
// can never pick the same one; the finished download is renamed over its own reservation.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { safeFileName } from '../browse/save-download';

const MAX_TRIES = 10_000;

/** "name.ext" → "name (n).ext"; a leading-dot name or one without an extension gets " (n)" at the end. */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const ext = path.extname(name);
  const stem = ext && ext !== name ? name.slice(0, -ext.length) : name;
  return `${stem} (${n})${stem === name ? '' : ext}`;
}

/** Creates the first free "name", "name (2)"… in `folder` and returns its path. */
export async function reserveFileName(folder: string, suggested: string): Promise<string> {
  const name = safeFileName(suggested);
  for (let n = 1; n <= MAX_TRIES; n++) {
    const candidate = path.join(folder, numberedName(name, n));
    try {
      await (await open(candidate, 'wx')).close();
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`No free file name for ${name} in ${folder}`);
}
