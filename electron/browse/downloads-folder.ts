// Where downloads go when there is no native save dialog (the web host): a folder, with
// "name (1).ext" when the name is taken, so nothing is ever overwritten.
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { ChooseSavePath } from './save-download';

export function saveIntoFolder(folder: string): ChooseSavePath {
  return async (suggestedName) => {
    await mkdir(folder, { recursive: true });
    const ext = path.extname(suggestedName);
    const stem = suggestedName.slice(0, suggestedName.length - ext.length);
    for (let n = 0; n < 1000; n++) {
      const candidate = path.join(folder, n === 0 ? suggestedName : `${stem} (${n})${ext}`);
      try {
        // Reserve the name atomically ('wx' fails if it exists); the download replaces it.
        await (await open(candidate, 'wx')).close();
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`No free file name for ${suggestedName} in ${folder}`);
  };
}
