// What a folder's change planner (and its missing-files keeper) are given: the folder's settings,
// its index, the upload queue and Ouro's assets, and the engine's callbacks. Its own module so the
// planner and the missing-files keeper can share it without importing each other.
import type { FolderSettings } from './folder-settings';
import type { SyncIndex } from './sync-index';
import type { SyncAssets, SyncUploads } from './sync-ports';

export interface PlannerDeps {
  settings: () => FolderSettings;
  owner: string;
  index: SyncIndex;
  uploads: SyncUploads;
  assets: SyncAssets;
  hash(abs: string): Promise<string>;
  now: () => number;
  graceMs: number;
  /** Look at this file again (it changed while its upload was queued, or came back). */
  recheck(rel: string): void;
  changed(): void;
  log: { warn(message: string, error?: unknown): void };
}
