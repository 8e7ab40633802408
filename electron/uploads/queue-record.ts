// One queued upload as it is saved to disk (uploads-queue.json and its journal): the item, whose
// account it is, and what resuming it needs (the stored object, dataset ids, rows acknowledged).
import type { AppErrorData } from '../../shared/error-kinds';
import type { UploadDestination, UploadState } from '../../shared/uploads';

export interface StoredObjectRef {
  id: string;
  bucket: string;
  path: string;
}

/** Fields a running upload saves as it goes (its resume point). */
export type CheckpointPatch = Partial<
  Pick<QueueRecord, 'stored' | 'contentHash' | 'datasetId' | 'createdDatasetId' | 'rowsSent' | 'rowsTotal' | 'rowsInserted' | 'rowsSkipped' | 'ignoredColumns' | 'ingestNotes'>
>;

/** One queued upload as saved to disk: the item plus what resuming it needs. */
export interface QueueRecord {
  id: string;
  name: string;
  kind: 'file' | 'dataset' | 'replace';
  /** Replace: the file asset that gets these bytes (it keeps its id), and its name on Ouro. */
  targetId?: string | undefined;
  targetName?: string | undefined;
  path: string;
  /** The bytes are a copy in the staging folder (web host): delete it once finished. */
  staged: boolean;
  size: number;
  destination: UploadDestination;
  state: UploadState;
  createdAt: number;
  /**
   * Step 1 done: where `/files/upload` stored the bytes. The id is also the asset id; bucket and
   * path go into the record's metadata. Saved so a resume never re-uploads or loses them.
   */
  stored?: StoredObjectRef | undefined;
  /** Datasets: the client-chosen dataset id, so a resumed create can only hit 409. */
  datasetId?: string | undefined;
  /** Datasets: the id the create answered with, used for every later call. */
  createdDatasetId?: string | undefined;
  /** Rows Ouro acknowledged (added or skipped). */
  rowsSent?: number | undefined;
  rowsTotal?: number | undefined;
  /** What Ouro's answers said about the rows acknowledged so far. */
  rowsInserted?: number | undefined;
  rowsSkipped?: number | undefined;
  ignoredColumns?: string[] | undefined;
  ingestNotes?: string[] | undefined;
  assetId?: string | undefined;
  assetUrl?: string | undefined;
  error?: AppErrorData | undefined;
  /**
   * Sync folders (issue 15): the folder this item came from. Its bytes are hashed as they are
   * sent (`contentHash`), and the folder is told the outcome.
   */
  syncFolder?: string | undefined;
  /** sha256 (hex) of the bytes Ouro accepted; kept with `stored`, so a resumed item still knows it. */
  contentHash?: string | undefined;
  /** The account (API address + user id) that queued it: only that account's session sends it. */
  account?: string | undefined;
  /** Who that is, for the notice another account sees ("alice at api.ouro.foundation"). */
  accountLabel?: string | undefined;
}

const FINISHED: ReadonlySet<UploadState> = new Set(['done', 'failed', 'cancelled']);

export function isFinished(state: UploadState): boolean {
  return FINISHED.has(state);
}

/** A cancelled dataset starts clean when retried: its rows may be half sent under the old id. */
export function forgetDatasetProgress(record: QueueRecord): void {
  record.datasetId = undefined;
  record.createdDatasetId = undefined;
  record.rowsSent = undefined;
  record.rowsInserted = undefined;
  record.rowsSkipped = undefined;
  record.ignoredColumns = undefined;
  record.ingestNotes = undefined;
}
