// A sync folder as its account keeps it: where it is, where its files go, and the person's
// choices for it. Saved per account (folder-store.ts); shared by the engine and the service.
import path from 'node:path';
import { AppError } from '../../shared/app-error';
import { MAX_SYNC_FOLDERS, type SyncDestination } from '../../shared/sync';

export interface FolderSettings {
  id: string;
  /** The real path main's dialog returned (never a path the page named). */
  root: string;
  destination: SyncDestination;
  mirrorDeletions: boolean;
  ignore: string[];
  /** Paused by the person (not offline or signed out: those follow the account). */
  paused: boolean;
  /** "Only new files": files already here when it was added stay local until they change. */
  onlyNew: boolean;
  /** Set once the first scan has finished (after it, every file found is new). */
  baselined: boolean;
  addedAt: number;
}

/** Refuses a folder that cannot be added: too many, overlapping one already synced, or the app's own data. */
export function checkNewFolder(root: string, folders: readonly FolderSettings[], dataDir: string): void {
  if (folders.length >= MAX_SYNC_FOLDERS) throw new AppError({ kind: 'invalid-input', message: `At most ${MAX_SYNC_FOLDERS} folders can be synced.` });
  const overlap = folders.find((f) => isWithin(root, f.root) || isWithin(f.root, root));
  if (overlap) throw new AppError({ kind: 'invalid-input', message: `That folder overlaps ${overlap.root}, which is already synced.` });
  if (isWithin(root, dataDir) || isWithin(dataDir, root)) throw new AppError({ kind: 'invalid-input', message: "The app's own data folder cannot be synced." });
}

function isWithin(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
