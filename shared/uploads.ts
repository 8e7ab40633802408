// What the upload queue shows the renderer: items, their states and progress, the destinations
// a person can pick, and why a dropped file was not accepted. Types only; the schemas for input
// live in contract/uploads.ts.
import type { AppErrorData } from './error-kinds';
import type { SkippedCounts } from './upload-names';

/** Pasted bytes cross Electron IPC in one message: keep that message reasonably small. */
export const MAX_STAGED_BYTES_OVER_IPC = 64 * 1024 * 1024;

export const uploadStates = ['queued', 'uploading', 'processing', 'done', 'failed', 'cancelled'] as const;
export type UploadState = (typeof uploadStates)[number];

export const uploadVisibilities = ['private', 'organization', 'public'] as const;
export type UploadVisibility = (typeof uploadVisibilities)[number];

export interface UploadDestination {
  /** Absent: the global organization and its catch-all team (Ouro's default). */
  orgId?: string | undefined;
  teamId?: string | undefined;
  visibility: UploadVisibility;
  /** CSV/TSV only: parse and create a dataset instead of a file. */
  asDataset?: boolean | undefined;
}

export interface UploadItem {
  id: string;
  name: string;
  /** 'replace': new bytes for an existing file (`targetId`), which keeps its id. */
  kind: 'file' | 'dataset' | 'replace';
  size: number;
  state: UploadState;
  /** Replace: the file asset whose content this is, and its name on Ouro. */
  targetId?: string;
  targetName?: string;
  /** File bytes sent in the current attempt. */
  bytesSent: number;
  /** Bytes per second over the last few seconds; null when not sending. */
  bytesPerSecond: number | null;
  /** Estimated seconds left; null when unknown. */
  secondsLeft: number | null;
  /** Datasets: rows Ouro acknowledged out of the total (known once the file has been read). */
  rowsSent?: number;
  rowsTotal?: number;
  /** Datasets: rows Ouro said it added, and rows it skipped (never hidden behind "done"). */
  rowsInserted?: number;
  rowsSkipped?: number;
  /** Datasets: columns Ouro ignored (not in the table). */
  ignoredColumns?: string[];
  /** Datasets: Ouro's own warning messages about the rows (a few, deduplicated). */
  ingestNotes?: string[];
  error?: AppErrorData;
  /** A transient failure being retried by itself, e.g. "Retrying in 4 s (Ouro error 503)". */
  note?: string;
  /** The attempt under way, from the second on (after a retry). */
  attempt?: number;
  /** When done: the asset's page on the Ouro website. */
  assetUrl?: string;
  assetId?: string;
  createdAt: number;
}

/** Uploads queued under another account (user and API address): never shown, never sent here. */
export interface WaitingUploads {
  /** Who queued them, e.g. "alice at api.ouro.foundation". */
  account: string;
  /** Items not yet finished. */
  count: number;
}

/** The signed-in account's part of the queue (`uploads:list`). */
export interface UploadsSnapshot {
  /** The number of the last `uploads:changed` delta this snapshot already includes. */
  seq: number;
  items: UploadItem[];
  /** Why the queue is not starting new uploads: waiting for the person to sign in again. */
  paused: 'sign-in' | null;
  concurrency: number;
  /** Other accounts' unfinished uploads, waiting for their account (or to be dropped). */
  waiting: WaitingUploads[];
}

/**
 * `uploads:changed`: what changed since the previous delta. `seq` counts up by one per delta, so
 * a gap means one was missed and the page re-reads `uploads:list`. Items are whole (applying one
 * twice is harmless). `resync` (a big burst, or another account signed in) carries no items:
 * the page re-reads the snapshot instead, so no single event is ever large.
 */
export interface UploadsDelta {
  seq: number;
  items: UploadItem[];
  removed: string[];
  resync?: true;
  paused: 'sign-in' | null;
  concurrency: number;
  waiting: WaitingUploads[];
}

export type RejectReason = 'vanished' | 'unreadable' | 'special' | 'too-large' | 'symlink-loop' | 'not-staged' | 'not-granted';

/**
 * A file or folder the person handed the app (dropped, pasted or chosen in the native dialog):
 * main granted its path and returns only a handle, so the page never names a path.
 */
export interface GrantedFile {
  id: string;
  /** Its name, for the confirm sheet. */
  name: string;
}

export interface RejectedFile {
  name: string;
  reason: RejectReason;
  /** A sentence for the person, e.g. "It is 3.2 GiB, over the 2 GiB limit set for uploads." */
  message: string;
}

export interface AddUploadsResult {
  added: number;
  /** The queue items added, in order (main always sends them), so a caller can follow its own. */
  ids?: string[];
  rejected: RejectedFile[];
  skipped: SkippedCounts;
}

export interface DestinationTeam {
  id: string;
  name: string;
  /** Set when uploads cannot go there, e.g. the team only accepts assets made on the website. */
  disabledReason: string | null;
}

export interface DestinationOrg {
  id: string;
  name: string;
  teams: DestinationTeam[];
}

export interface UploadDestinations {
  organizations: DestinationOrg[];
  /** The last destination used, offered first. */
  remembered: UploadDestination;
  maxFileBytes: number;
}

/** `uploads:choose-files`: the native dialog's picks (granted by main), or unsupported where there is none. */
export type ChooseFilesResult = { supported: false } | { supported: true; files: GrantedFile[] };
