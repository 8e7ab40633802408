// A sync folder as its account keeps it: where it is, where its files go, and the person's
// choices for it. Saved per account (folder-store.ts); shared by the engine and the service.
import type { SyncDestination } from '../../shared/sync';

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
