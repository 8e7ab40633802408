// Where downloads go when there is no native save dialog (the web host): a folder, with
// "name (2).ext" when the name is taken, so nothing is ever overwritten.
import { mkdir } from 'node:fs/promises';
import { reserveFileName } from '../downloads/file-names';
import type { ChooseSavePath } from './save-download';

export function saveIntoFolder(folder: string): ChooseSavePath {
  return async (suggestedName) => {
    await mkdir(folder, { recursive: true });
    // Reserved atomically (the empty file is created); the download replaces it.
    return reserveFileName(folder, suggestedName);
  };
}
