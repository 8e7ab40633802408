// The whole main↔renderer surface, declared once: for each channel its input schema (zod) and
// output type; for each event its payload. Main validates input against these schemas, the
// preload and the web bridge expose exactly these names, and the renderer calls them typed, so
// renaming a channel is a compile error on every side.
import { z } from 'zod';
import type { AccountState } from './account';
import {
  scopes,
  sortOrders,
  type AssetPage,
  type ConversationPage,
  type ConversationRow,
  type DatasetDetails,
  type DatasetRowsPage,
  type Destinations,
  type DownloadProgress,
  type FileDetails,
  type FilePreview,
  type MessagesPage,
  type RetryNotice,
  type SaveResult,
} from './browse';
import type { Channel, EventName } from './contract-names';
import {
  MAX_STAGED_BYTES_OVER_IPC,
  uploadVisibilities,
  type AddUploadsResult,
  type ChooseFilesResult,
  type UploadDestinations,
  type UploadsDelta,
  type UploadsSnapshot,
} from './uploads';

export { channelNames, eventNames, isChannel, isEventName, eventChannel } from './contract-names';
export type { Channel, EventName } from './contract-names';

/** Phantom marker: carries an output type in the contract without a runtime value. */
function returns<T>(): T {
  return undefined as T;
}

interface ChannelSpec {
  input: z.ZodType;
  output: unknown;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** The Ouro API the app talks to (OURO_BACKEND_URL, then OURO_BASE_URL, then production). */
  apiBaseUrl: string;
  /** 'electron' for the desktop app, 'web' for the loopback web host used in development and tests. */
  host: 'electron' | 'web';
}

/**
 * Ouro ids are UUIDs (v4 and v7 both occur, and the all-zero id names the global organization).
 * Accepting only the 8-4-4-4-12 hex form means an id can never be `..`, contain a `/` or a lone
 * surrogate, or otherwise change the API path it is put into. `guid` rather than `uuid`: any
 * version and variant, since Ouro's choice of generator is not ours to police.
 */
const ouroId = z.guid('Not an Ouro id');
const assetId = ouroId;
const byId = z.object({ id: assetId });

/** An API key as typed: trimmed, non-empty, bounded. Never echoed back in any output. */
const apiKeyInput = z.string().trim().min(1, 'Enter your API key').max(4096);

export interface UpdateState {
  ready: boolean;
  /** The version waiting to be installed. */
  version: string | null;
}

export const channels = {
  'app:info': { input: z.undefined(), output: returns<AppInfo>() },
  /** Opens an http(s) URL in the OS browser (main re-checks the scheme). */
  'app:open-external': { input: z.object({ url: z.url({ protocol: /^https?$/ }) }), output: returns<void>() },

  /** Whether an update has been downloaded and waits for a restart (never in development). */
  'app:update-state': { input: z.undefined(), output: returns<UpdateState>() },
  /** Quits and installs the downloaded update: only ever on the person's request. */
  'app:restart-to-update': { input: z.undefined(), output: returns<void>() },

  'account:get': { input: z.undefined(), output: returns<AccountState>() },
  /** Verifies the key with Ouro, then stores it (keychain, or memory with sessionOnly). */
  'account:sign-in': {
    input: z.object({
      apiKey: apiKeyInput,
      apiBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
      sessionOnly: z.boolean().optional(),
    }),
    output: returns<AccountState>(),
  },
  'account:sign-out': { input: z.undefined(), output: returns<AccountState>() },
  'account:reconnect': { input: z.undefined(), output: returns<AccountState>() },

  /** My organizations and their teams, for the list filters. */
  'orgs:list': { input: z.undefined(), output: returns<Destinations>() },
  /** One page of /search/assets for the Files or Datasets section. */
  'assets:search': {
    input: z.object({
      section: z.enum(['files', 'datasets']),
      query: z.string().max(500).optional(),
      scope: z.enum(scopes),
      sort: z.enum(sortOrders),
      orgId: ouroId.optional(),
      teamId: ouroId.optional(),
      offset: z.number().int().min(0).max(10_000_000),
      limit: z.number().int().min(1).max(200),
    }),
    output: returns<AssetPage>(),
  },
  'files:get': { input: byId, output: returns<FileDetails>() },
  /** An image (as a data URL), the first 64 KiB of text, or CSV preview rows. */
  'files:preview': { input: byId, output: returns<FilePreview>() },
  /** Asks where to save (a dialog in main), then streams the bytes to disk with progress events. */
  'files:download': { input: byId, output: returns<SaveResult>() },
  'datasets:get': { input: byId, output: returns<DatasetDetails>() },
  /** Just the row count (/stats), for list rows. */
  'datasets:stats': { input: byId, output: returns<{ count: number | null }>() },
  'datasets:rows': {
    input: z.object({ id: assetId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    output: returns<DatasetRowsPage>(),
  },
  /** The whole dataset as CSV, through Ouro's download endpoint, to a file the person picks. */
  'datasets:export': { input: byId, output: returns<SaveResult>() },
  'conversations:list': {
    input: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(200) }),
    output: returns<ConversationPage>(),
  },
  'conversations:get': { input: byId, output: returns<ConversationRow>() },
  'conversations:messages': {
    input: z.object({ id: assetId, before: z.string().max(64).optional(), limit: z.number().int().min(1).max(200) }),
    output: returns<MessagesPage>(),
  },

  // ---- uploads (issue 7) ----
  'uploads:list': { input: z.undefined(), output: returns<UploadsSnapshot>() },
  /**
   * Queues files: handles of files and folders main granted (dropped, pasted or chosen; main
   * expands folders) and/or tokens of copies main staged from their bytes. Never a path: the page
   * cannot name one (strict objects, so an old-style `paths` field is refused, not ignored).
   * Returns what was added, rejected (with reasons) and skipped.
   */
  'uploads:add': {
    input: z
      .strictObject({
        granted: z.array(z.uuid()).max(10_000).default([]),
        staged: z.array(z.uuid()).max(10_000).default([]),
        destination: z.strictObject({
          orgId: ouroId.optional(),
          teamId: ouroId.optional(),
          visibility: z.enum(uploadVisibilities),
          asDataset: z.boolean().optional(),
        }),
      })
      .refine((input) => input.granted.length + input.staged.length > 0, 'Choose at least one file'),
    output: returns<AddUploadsResult>(),
  },
  'uploads:cancel': { input: z.object({ id: z.uuid() }), output: returns<void>() },
  'uploads:cancel-all': { input: z.undefined(), output: returns<void>() },
  'uploads:retry': { input: z.object({ id: z.uuid() }), output: returns<void>() },
  'uploads:clear-finished': { input: z.undefined(), output: returns<void>() },
  /** Drops the uploads other accounts queued (see `waiting` in the snapshot) and their staged copies. */
  'uploads:drop-waiting': { input: z.undefined(), output: returns<{ dropped: number }>() },
  /** The native open dialog (several files), granted by main; `supported: false` in the web host. */
  'uploads:choose-files': { input: z.undefined(), output: returns<ChooseFilesResult>() },
  /** Organizations and teams to upload into (web-only teams disabled, with the reason) and the last choice. */
  'uploads:destinations': { input: z.undefined(), output: returns<UploadDestinations>() },
  /**
   * Electron: bytes of a File that has no path (an image pasted from the clipboard), staged like
   * the web host's dropped files. Bounded: anything bigger has a path and goes by path.
   */
  'uploads:stage-bytes': {
    input: z.object({
      // Main normalises the name (shared/file-names.ts); this only bounds what crosses.
      name: z.string().trim().min(1).max(1024),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_STAGED_BYTES_OVER_IPC, 'Too large to paste; save it to a file first'),
    }),
    output: returns<{ staged: string; size: number }>(),
  },
} satisfies Record<Channel, ChannelSpec>;

export const events = {
  /** An update was downloaded and waits for a restart. */
  'app:update-ready': returns<UpdateState>(),
  /** Sign-in, sign-out, a refused key, going offline or back online. */
  'account:changed': returns<AccountState>(),
  'downloads:progress': returns<DownloadProgress>(),
  /** Ouro asked us to wait (429) or was briefly unreachable: main is retrying by itself. */
  'requests:retrying': returns<RetryNotice>(),
  /** The upload queue changed: a delta (never the whole queue), at most ~5 a second. */
  'uploads:changed': returns<UploadsDelta>(),
  /**
   * The event stream was interrupted and is back (the web host dropped a reader that fell behind):
   * events may have been missed, so the page re-reads what it shows. Raised by the web bridge.
   */
  'events:reconnected': returns<Record<string, never>>(),
  /** File → Upload Files… was chosen: the page opens its picker and confirm sheet. */
  'uploads:pick-requested': returns<Record<string, never>>(),
} satisfies Record<EventName, unknown>;

export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = (typeof channels)[C]['output'];
export type EventPayload<E extends EventName> = (typeof events)[E];
