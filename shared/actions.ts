// What the renderer sends and receives when it acts on content (issue 13): edits, the delete
// preview → confirm → delete flow, sent messages, downloads, the context and app menus, and drag
// out. Types and constants only; the input schemas live in contract/actions.ts.
import type { AppErrorData } from './error-kinds';

/** Assets the app edits, deletes, downloads and drags: the two the lists show. */
export const actionAssetTypes = ['file', 'dataset'] as const;
export type ActionAssetType = (typeof actionAssetTypes)[number];

/** Visibilities an edit may set (the ones uploads offer; `monetized`/`inherit` are the website's). */
export const editVisibilities = ['private', 'organization', 'public'] as const;
export type EditVisibility = (typeof editVisibilities)[number];

/** Longest description the app sends: generous for prose, bounded for IPC. */
export const MAX_DESCRIPTION_CHARS = 20_000;
/** Longest message the composer sends. */
export const MAX_MESSAGE_CHARS = 50_000;
/** Most items one delete, bulk download or drag may name. */
export const MAX_ITEMS_PER_ACTION = 500;

/** One item the page names by id and type (the type picks the endpoint). */
export interface AssetRef {
  id: string;
  assetType: ActionAssetType;
}

/** `assets:update`: only the fields present change. `description: ''` clears it. */
export interface AssetChanges {
  name?: string;
  description?: string;
  visibility?: EditVisibility;
  /** Move to… : a team, with its organization. */
  move?: { orgId: string; teamId: string };
}

// ---- delete -------------------------------------------------------------------------------------

export interface DeleteChild {
  id: string;
  name: string | null;
  assetType: string | null;
}

export interface DeletePreviewItem {
  id: string;
  name: string;
  assetType: ActionAssetType;
  /** Children Ouro said would be deleted with it. */
  children: DeleteChild[];
  /** False when Ouro answered without a summary (older backends), so children are unknown. */
  childrenKnown: boolean;
}

export interface DeleteRefusal {
  id: string;
  /** The name when main knew it (from the list's rows it cannot know it: null). */
  name: string | null;
  assetType: ActionAssetType;
  error: AppErrorData;
}

/** `assets:delete-preview`: what a delete would remove, and the token that confirms exactly that. */
export interface DeletePreview {
  /** Give this back to `assets:delete` with the same ids; single-use, short-lived. */
  token: string;
  /** Epoch ms after which main refuses the token. */
  expiresAt: number;
  items: DeletePreviewItem[];
  /** Items the dry run refused (no permission, already gone): not covered by the token. */
  refused: DeleteRefusal[];
}

export interface DeleteItemResult {
  id: string;
  name: string;
  assetType: ActionAssetType;
  status: 'deleted' | 'failed';
  /** Deleted: Ouro no longer had it (deleted meanwhile elsewhere), which is what was asked. */
  alreadyGone?: boolean;
  /** What Ouro said it deleted with the item (empty when it did not say). */
  deletedChildren: DeleteChild[];
  error?: AppErrorData;
}

export interface DeleteResult {
  results: DeleteItemResult[];
  deleted: number;
  failed: number;
  /** Names of the items that were not deleted (for "Could not delete a.csv and b.png"). */
  notDeleted: string[];
}

// ---- messages -----------------------------------------------------------------------------------

/** Polling an open conversation for new messages (`conversations:messages` without `before`). */
export const MESSAGE_POLL = { visibleMs: 5_000, quietMaxMs: 10_000, hiddenMs: 60_000 } as const;

/**
 * The wait before the next poll: 5 s, stretching by half each quiet poll (nothing new) up to
 * 10 s, back to 5 s as soon as something arrives; a minute while the window is hidden.
 */
export function messagePollDelayMs(state: { hidden: boolean; quietPolls: number }): number {
  if (state.hidden) return MESSAGE_POLL.hiddenMs;
  const stretched = MESSAGE_POLL.visibleMs * 1.5 ** Math.max(0, Math.floor(state.quietPolls));
  return Math.min(MESSAGE_POLL.quietMaxMs, Math.round(stretched));
}

// ---- replace content ----------------------------------------------------------------------------

export interface ReplaceQueued {
  /** The upload queue item (kind 'replace') that shows its progress in the Uploads tray. */
  uploadId: string;
}

// ---- downloads ----------------------------------------------------------------------------------

export const downloadStates = ['queued', 'downloading', 'done', 'failed', 'cancelled'] as const;
export type DownloadState = (typeof downloadStates)[number];

export interface DownloadItem {
  id: string;
  assetId: string;
  assetType: ActionAssetType;
  /** The file's name on disk (never its folder). */
  fileName: string;
  state: DownloadState;
  bytes: number;
  total: number | null;
  error?: AppErrorData;
  /** Downloads started together (a bulk download) share this. */
  batchId: string | null;
  createdAt: number;
}

export interface DownloadsSnapshot {
  items: DownloadItem[];
  /** False in the web host, where there is no file manager to show. */
  canShowInFolder: boolean;
}

/**
 * `downloads:changed`: only what changed since the last event. `upserted` items replace the
 * page's copy by id; `removed` ids go. Apply in order; `downloads:list` gives the whole list.
 */
export interface DownloadsDelta {
  upserted: DownloadItem[];
  removed: string[];
}

export type BulkDownloadResult = { started: false } | { started: true; batchId: string; count: number; folderName: string };

// ---- drag out -----------------------------------------------------------------------------------

/**
 * `drag:prepare`: Electron starts caching the items' bytes so a drag starts from real files;
 * the web host returns short-lived URLs for the `DownloadURL` drag data.
 */
export type DragPrepareResult =
  | { mode: 'native' }
  | { mode: 'download-url'; expiresAt: number; items: DragLink[] };

/**
 * One item's drag link. The page sets the drag data
 * `DownloadURL` = `${mimeType}:${fileName}:${new URL(url, location.href)}` in its dragstart.
 */
export interface DragLink {
  id: string;
  /** A path on the web host's own origin, good until `expiresAt`. */
  url: string;
  /** Colon-free (DownloadURL splits on colons). */
  fileName: string;
  mimeType: string;
  expiresAt: number;
}

/** What the preload's `startDrag` and a row's drag hand main: the items being dragged. */
export type DragItems = AssetRef[];

/** The one-way IPC message the preload's `startDrag` sends (not a contract channel: no answer). */
export const DRAG_START_CHANNEL = 'drag:start';
/** Most items one drag carries (and `drag:prepare` takes). */
export const MAX_DRAG_ITEMS = 100;
