// The preload's half of granting dropped and pasted files (see grant-channel.ts): runs in the
// isolated world, takes File objects from the page, reads each path with
// webUtils.getPathForFile and sends main only those paths. A File built by page script has no
// path ('') and getPathForFile throws for anything that is not a File, so the page can hand main
// Files the person gave it, never strings. Kept apart from preload.ts so it can be tested without
// Electron.
import { fail, type IpcResult } from '../../shared/ipc-result';
import type { GrantedFile } from '../../shared/uploads';

export interface PreloadGrantDeps {
  /** webUtils.getPathForFile: '' (or a throw) for a File with no path on disk. */
  getPathForFile(file: File): string;
  /** ipcRenderer.invoke on the private grant channel. */
  invoke(paths: string[]): Promise<IpcResult<Array<GrantedFile | null>>>;
  maxFiles: number;
}

export function createGrantFiles(deps: PreloadGrantDeps): (files: File[]) => Promise<IpcResult<Array<GrantedFile | null>>> {
  return async (files) => {
    if (!Array.isArray(files) || files.length > deps.maxFiles) {
      return fail({ kind: 'invalid-input', message: `Hand over at most ${deps.maxFiles} files at once` });
    }
    const indexes: number[] = [];
    const paths: string[] = [];
    files.forEach((file, index) => {
      // No `instanceof File`: a File crossing contextBridge is checked by getPathForFile itself.
      let found: string;
      try {
        found = deps.getPathForFile(file);
      } catch {
        found = '';
      }
      if (typeof found === 'string' && found) {
        indexes.push(index);
        paths.push(found);
      }
    });
    const out: Array<GrantedFile | null> = files.map(() => null);
    if (paths.length === 0) return { ok: true, data: out };
    const granted = await deps.invoke(paths);
    if (!granted.ok) return granted;
    indexes.forEach((index, i) => {
      out[index] = granted.data[i] ?? null;
    });
    return { ok: true, data: out };
  };
}
