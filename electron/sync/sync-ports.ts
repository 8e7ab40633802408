// What the sync engine needs from the rest of main, as small interfaces it owns: the upload
// queue (new files and replacements, and their outcomes), Ouro's rename and delete, and a
// recursive watcher. Adapters (queue-adapter.ts, asset-adapter.ts, parcel-watcher.ts) implement
// them, so the engine is tested with fakes and the adapters can be re-pointed as main changes.
import type { AppErrorData } from '../../shared/error-kinds';
import type { SyncDestination } from '../../shared/sync';

export interface SyncUploadItem {
  kind: 'file' | 'replace';
  /** Absolute path: inside the folder main's dialog granted. */
  path: string;
  name: string;
  size: number;
  destination: SyncDestination;
  /** Replace: the asset that gets the new bytes (it keeps its id), and its name on Ouro. */
  targetId?: string;
  targetName?: string;
}

export interface SyncOutcome {
  uploadId: string;
  folderId: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  assetId?: string | undefined;
  /** sha256 of the bytes sent, hashed as they were read. */
  contentHash?: string | undefined;
  error?: AppErrorData | undefined;
}

export interface SyncUploads {
  /** Queues the items for `owner` (refused unless that account is signed in); their upload ids, in order. */
  enqueue(folderId: string, owner: string, items: readonly SyncUploadItem[]): string[];
  /** Where an upload stands now; undefined once the queue no longer has it. */
  outcome(uploadId: string): SyncOutcome | undefined;
  /** Called as each sync upload finishes (done, failed or cancelled). */
  onOutcome(listener: (outcome: SyncOutcome) => void): () => void;
  /** Forgets finished uploads (a failed one superseded by a newer change). */
  drop(uploadIds: readonly string[]): void;
}

export interface SyncAssets {
  rename(assetId: string, name: string): Promise<void>;
  /** Mirror deletions only, after the grace period. */
  remove(assetId: string): Promise<void>;
}

export interface WatchEvent {
  type: 'create' | 'update' | 'delete';
  /** Absolute path. */
  path: string;
}

export interface WatchHandle {
  close(): Promise<void>;
}

/** Recursive, one native subscription per folder (no per-file handles). */
export type WatchFolder = (root: string, onEvents: (events: WatchEvent[]) => void, onError: (error: Error) => void) => Promise<WatchHandle>;
