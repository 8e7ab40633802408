// Sync folders (issue 15) as the page sees them: each folder the person chose to keep on Ouro,
// where its files go, and what it is doing ("Up to date", "Uploading 3 of 12", "Paused —
// offline"…). Types and the one function that words a status; input schemas live in contract.ts.
import type { AppErrorData } from './error-kinds';
import { describeError } from './error-kinds';
import type { UploadVisibility } from './uploads';

/** At most this many folders per account: each is one recursive watch. */
export const MAX_SYNC_FOLDERS = 20;
/** Per-folder ignore patterns: how many, and how long each may be. */
export const MAX_IGNORE_PATTERNS = 100;
export const MAX_IGNORE_PATTERN_CHARS = 200;
/** Mirror deletions: a file deleted here is deleted on Ouro only after this long (and only if still gone). */
export const MIRROR_GRACE_MS = 60_000;

/** Where a folder's new files go; like an upload's destination, never a dataset. */
export interface SyncDestination {
  orgId?: string | undefined;
  teamId?: string | undefined;
  visibility: UploadVisibility;
}

/** Why a folder is not syncing right now. */
export type SyncPauseReason = 'by-you' | 'offline' | 'sign-in' | 'folder-missing';

export type SyncStatus =
  | { state: 'starting' }
  /** The catch-up scan is comparing the folder with what was synced (`checked` files so far). */
  | { state: 'scanning'; checked: number }
  | { state: 'up-to-date' }
  /** `done` of `total` changes handled since the folder was last up to date. */
  | { state: 'syncing'; done: number; total: number }
  | { state: 'paused'; reason: SyncPauseReason; message?: string | undefined }
  /** Files that could not be uploaded (each is also a failed row in the Uploads tray). */
  | { state: 'error'; failed: number; error: AppErrorData };

/** What happened in this folder since the app started: shown in settings, waited on by tests. */
export interface SyncActivity {
  uploaded: number;
  replaced: number;
  renamed: number;
  /** Touched or saved again with the same bytes: nothing was sent. */
  unchanged: number;
  /** Deleted here and kept on Ouro (Mirror deletions off). */
  keptOnOuro: number;
  deletedOnOuro: number;
}

export interface SyncFolderView {
  id: string;
  /** The folder's own name, and where it is (the person chose it in main's dialog). */
  name: string;
  path: string;
  destination: SyncDestination;
  mirrorDeletions: boolean;
  /** The person's own ignore patterns (on top of dotfiles, OS litter and partial files). */
  ignore: string[];
  status: SyncStatus;
  /** Files here that are on Ouro. */
  synced: number;
  /** Deleted here, waiting out the grace period before they are deleted on Ouro (Mirror deletions). */
  pendingDeletes: { count: number; dueAt: number } | null;
  activity: SyncActivity;
}

export interface SyncSnapshot {
  folders: SyncFolderView[];
}

/** `sync:changed`: the folders whose view changed (whole), and those removed. */
export interface SyncDelta {
  folders: SyncFolderView[];
  removed: string[];
}

/** A folder picked in main's dialog (or OURO_DESKTOP_PICK_FOLDER in the web host), as a handle. */
export type ChooseSyncFolderResult =
  | { supported: false; message: string }
  | { supported: true; folder: { handle: string; name: string; path: string } | null };

export const emptyActivity = (): SyncActivity => ({ uploaded: 0, replaced: 0, renamed: 0, unchanged: 0, keptOnOuro: 0, deletedOnOuro: 0 });

const PAUSED: Record<SyncPauseReason, string> = {
  'by-you': 'Paused',
  offline: 'Paused — offline',
  'sign-in': 'Paused — sign in again',
  'folder-missing': 'Paused — folder not found',
};

/** The status line: "Up to date", "Uploading 3 of 12", "Paused — offline", an error's title… */
export function syncStatusText(status: SyncStatus): string {
  switch (status.state) {
    case 'starting':
      return 'Starting…';
    case 'scanning':
      return status.checked > 0 ? `Checking for changes (${status.checked.toLocaleString('en-US')} files)…` : 'Checking for changes…';
    case 'up-to-date':
      return 'Up to date';
    case 'syncing':
      return `Uploading ${Math.min(status.done + 1, status.total).toLocaleString('en-US')} of ${status.total.toLocaleString('en-US')}`;
    case 'paused':
      return PAUSED[status.reason];
    case 'error': {
      if (status.failed === 0) return describeError(status.error).title;
      const files = status.failed === 1 ? '1 file' : `${status.failed.toLocaleString('en-US')} files`;
      return `${files} not uploaded: ${describeError(status.error).title}`;
    }
  }
}

/** One line for the Uploads tray summary: "Sync: up to date", "Sync: uploading 3 of 12"… */
export function syncSummary(folders: readonly SyncFolderView[]): string | null {
  if (folders.length === 0) return null;
  const busy = folders.filter((f) => f.status.state === 'syncing' || f.status.state === 'scanning');
  const failing = folders.filter((f) => f.status.state === 'error').length;
  const paused = folders.filter((f) => f.status.state === 'paused').length;
  const parts: string[] = [];
  if (busy.length === 1 && busy[0]) parts.push(syncStatusText(busy[0].status).toLowerCase());
  else if (busy.length > 1) parts.push(`${busy.length} folders syncing`);
  if (failing > 0) parts.push(`${failing} with errors`);
  if (paused > 0) parts.push(`${paused} paused`);
  if (parts.length === 0) return folders.length === 1 ? 'Sync: up to date' : `Sync: ${folders.length} folders up to date`;
  return `Sync: ${parts.join(', ')}`;
}
