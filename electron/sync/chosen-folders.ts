// Folders main's dialog returned, held in main behind handles: the page gets a handle and a name
// to show, and `sync:add` gives the handle back. A path the page names is never synced. A handle
// belongs to the account that chose it, is used once, and a few at most are kept.
import { randomUUID } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/app-error';

const KEEP = 8;

export interface ChosenFolders {
  /** Resolves links (the real folder is what is watched); null when it is not a readable folder. */
  grant(chosen: string, owner: string): Promise<{ handle: string; name: string; path: string } | null>;
  /** The folder behind a handle this account was given (and forgets the handle). */
  take(handle: string, owner: string): string;
  clear(): void;
}

export function createChosenFolders(): ChosenFolders {
  const handles = new Map<string, { path: string; owner: string }>();
  return {
    async grant(chosen, owner) {
      const real = await realpath(chosen).catch(() => null);
      if (!real || !(await stat(real).catch(() => null))?.isDirectory()) return null;
      const handle = randomUUID();
      handles.set(handle, { path: real, owner });
      while (handles.size > KEEP) handles.delete(handles.keys().next().value as string);
      return { handle, name: path.basename(real) || real, path: real };
    },
    take(handle, owner) {
      const chosen = handles.get(handle);
      if (!chosen || chosen.owner !== owner) {
        throw new AppError({ kind: 'invalid-input', message: 'Choose the folder again: that choice has expired.' });
      }
      handles.delete(handle);
      return chosen.path;
    },
    clear: () => handles.clear(),
  };
}
