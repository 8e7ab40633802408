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
  type DownloadProgress,
  type FileDetails,
  type FilePreview,
  type FileThumbnail,
  type MessagesPage,
  type RetryNotice,
  type SaveResult,
} from './browse';
import type { Channel, EventName } from './contract-names';
import {
  actionAssetTypes,
  editVisibilities,
  MAX_DESCRIPTION_CHARS,
  MAX_DRAG_ITEMS,
  MAX_ITEMS_PER_ACTION,
  MAX_MESSAGE_CHARS,
  type BulkDownloadResult,
  type DeletePreview,
  type DeleteResult,
  type DownloadsDelta,
  type DownloadsSnapshot,
  type DragPrepareResult,
  type ReplaceQueued,
  type SentMessage,
} from './actions';
import type { AssetRow } from './browse';
import { itemActions, type ContextMenuResult, type ItemAction } from './item-actions';
import {
  MAX_STAGED_BYTES_OVER_IPC,
  uploadVisibilities,
  type AddUploadsResult,
  type ChooseFilesResult,
  type UploadDestinations,
  type UploadsDelta,
  type UploadsSnapshot,
} from './uploads';
import { cacheableChannels, type CachedAnswer } from './cache';
import { itemTypes, type DesktopLink, type OpenRequest } from './links';
import type { NotificationPage, NotificationRow, UnreadState } from './notifications';
import type { OutboxSnapshot, SendOutcome } from './outbox';
import type { PaletteResults, RecentItem, ResolvedItem } from './palette';

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

// ---- acting on content (issue 13) ----
/** An asset the page names: an Ouro id and which of the two listed types it is. */
const assetRef = z.object({ id: ouroId, assetType: z.enum(actionAssetTypes) });
const assetRefs = z
  .array(assetRef)
  .min(1, 'Choose at least one item')
  .max(MAX_ITEMS_PER_ACTION)
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, 'Each item once');
const itemAction = z.enum(itemActions);

const assetChanges = z
  .object({
    name: z.string().trim().min(1, 'Enter a name').max(255, 'Names are at most 255 characters').optional(),
    /** Plain text; main converts it to Ouro's {json, text}. '' clears the description. */
    description: z.string().max(MAX_DESCRIPTION_CHARS).optional(),
    visibility: z.enum(editVisibilities).optional(),
    move: z.object({ orgId: ouroId, teamId: ouroId }).optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), 'Change at least one thing');

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
  /**
   * A small PNG of an image file, made in main and cached on disk per account. `version` (the
   * file's last update, as listed) only names the cache entry.
   */
  'files:thumbnail': { input: z.object({ id: assetId, version: z.string().max(64).optional() }), output: returns<FileThumbnail>() },
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

  // ---- acting on content (issue 13) ----
  /** Rename, describe, change visibility or move; answers the updated row in the lists' shape. */
  'assets:update': {
    input: z.object({ id: ouroId, assetType: z.enum(actionAssetTypes), changes: assetChanges }),
    output: returns<AssetRow>(),
  },
  /** The dry run: what would go (children included) and the token `assets:delete` needs. */
  'assets:delete-preview': { input: z.object({ items: assetRefs }), output: returns<DeletePreview>() },
  /** Deletes exactly the previewed ids; refused without a fresh, unused token for that set. */
  'assets:delete': {
    input: z.object({ token: z.uuid(), ids: z.array(ouroId).min(1).max(MAX_ITEMS_PER_ACTION) }),
    output: returns<DeleteResult>(),
  },
  /**
   * New bytes for a file, in place (the asset keeps its id), as a 'replace' item of the upload
   * queue. One file, named the way `uploads:add` names files: a handle of a file main granted or
   * a token of bytes main staged, never a path (strict, so a `paths` field is refused).
   */
  'files:replace-content': {
    input: z
      .strictObject({
        id: ouroId,
        granted: z.array(z.uuid()).max(1).default([]),
        staged: z.array(z.uuid()).max(1).default([]),
      })
      .refine((input) => input.granted.length + input.staged.length === 1, 'Choose one file'),
    output: returns<ReplaceQueued>(),
  },
  /** Markdown, converted as Ouro does, under a client-chosen id: a retry never duplicates. */
  'conversations:send': {
    input: z.object({
      conversationId: ouroId,
      id: z.uuid(),
      text: z.string().max(MAX_MESSAGE_CHARS).refine((text) => text.trim() !== '', 'Write a message'),
    }),
    output: returns<SentMessage>(),
  },
  'downloads:list': { input: z.undefined(), output: returns<DownloadsSnapshot>() },
  'downloads:cancel': { input: z.object({ id: z.uuid() }), output: returns<void>() },
  /** Reveals a finished download in the file manager; `shown: false` where there is none. */
  'downloads:show-in-folder': { input: z.object({ id: z.uuid() }), output: returns<{ shown: boolean }>() },
  'downloads:clear-finished': { input: z.undefined(), output: returns<void>() },
  /** Asks for a folder, then downloads every item into it without overwriting ("name (2).ext"). */
  'downloads:bulk': { input: z.object({ items: assetRefs }), output: returns<BulkDownloadResult>() },
  /** Electron pops a native menu of these actions (labels are main's); the web host says unsupported. */
  'menu:context': {
    input: z.object({
      actions: z
        .array(itemAction)
        .min(1)
        .max(itemActions.length)
        .refine((actions) => new Set(actions).size === actions.length, 'Each action once'),
      disabled: z.array(itemAction).max(itemActions.length).default([]),
      /** The visibility the items have now, shown checked. */
      checked: itemAction.optional(),
    }),
    output: returns<ContextMenuResult>(),
  },
  /** What is selected, so the app menu's item actions enable to match. */
  'menu:selection-changed': {
    input: z.object({
      count: z.number().int().min(0).max(1_000_000),
      files: z.number().int().min(0).max(1_000_000),
      datasets: z.number().int().min(0).max(1_000_000),
      textFocused: z.boolean(),
    }),
    output: returns<void>(),
  },
  /** Before a drag can start: Electron caches the bytes; the web host mints DownloadURL links. */
  'drag:prepare': { input: z.object({ items: assetRefs.max(MAX_DRAG_ITEMS) }), output: returns<DragPrepareResult>() },
  // ---- cache, offline, palette, notifications, links (issue 16) ----
  /**
   * The kept answer of a cacheable channel for that channel's own input (validated against its
   * schema here in main), or null: React Query's initialData, so rows show before Ouro answers.
   */
  'cache:get': {
    input: z.object({ channel: z.enum(cacheableChannels), input: z.unknown() }),
    output: returns<CachedAnswer | null>(),
  },
  /** Files, datasets and conversations matching `query`; a newer search from the same page cancels this one. */
  'palette:search': {
    input: z.object({ query: z.string().trim().min(1, 'Type something to search for').max(200), limit: z.number().int().min(1).max(50).optional() }),
    output: returns<PaletteResults>(),
  },
  /** Items opened recently under this account, newest first (kept by main, gone at sign-out). */
  'palette:recent': { input: z.undefined(), output: returns<RecentItem[]>() },
  /** A pasted Ouro web link, `ouro://` link or asset id, resolved to the item it names. */
  'palette:resolve': { input: z.object({ text: z.string().trim().min(1).max(2048) }), output: returns<ResolvedItem>() },
  /** One page of notifications, newest first; rows carry their kind for grouping. */
  'notifications:list': {
    input: z.object({ offset: z.number().int().min(0).max(100_000), limit: z.number().int().min(1).max(100), unreadOnly: z.boolean().optional() }),
    output: returns<NotificationPage>(),
  },
  /** The unread count main last polled (null before the first answer). */
  'notifications:unreads': { input: z.undefined(), output: returns<UnreadState>() },
  /** Opening one marks it read on Ouro and returns it (with the item to show). */
  'notifications:open': { input: z.object({ id: ouroId }), output: returns<NotificationRow>() },
  /** Items main asks the page to open (ouro:// links, clicked notifications), oldest first; taking empties the queue. */
  'links:take': { input: z.undefined(), output: returns<OpenRequest[]>() },
  /** "Copy desktop link": main builds the ouro:// link for an item (and copies it where it can). */
  'links:desktop-link': { input: z.object({ type: z.enum(itemTypes), id: ouroId }), output: returns<DesktopLink>() },
  /**
   * Sends a message now, or keeps it to send when Ouro is reachable again, with its own id so it is
   * never posted twice. `clientId` (optional): the page's own id for its pending bubble; sending
   * the same id again never makes a second message.
   */
  'outbox:send': {
    input: z.object({ conversationId: ouroId, text: z.string().trim().min(1, 'Write a message first').max(100_000), clientId: z.uuid().optional() }),
    output: returns<SendOutcome>(),
  },
  'outbox:list': { input: z.undefined(), output: returns<OutboxSnapshot>() },
  /** A failed message: try again now. */
  'outbox:retry': { input: z.object({ clientId: z.uuid() }), output: returns<void>() },
  /** A queued or failed message: forget it unsent. */
  'outbox:discard': { input: z.object({ clientId: z.uuid() }), output: returns<void>() },
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
  /** The Downloads list changed: only the items that changed, coalesced (~10 a second at most). */
  'downloads:changed': returns<DownloadsDelta>(),
  /** An item action was chosen in the app menu: the page applies it to its selection. */
  'menu:action': returns<{ action: ItemAction }>(),
  /** The unread notifications count changed (the sidebar's count; main also sets the icon badge). */
  'notifications:changed': returns<UnreadState>(),
  /** Main has items for the page to open (or links it refused): call `links:take`. */
  'links:requested': returns<{ pending: number }>(),
  /** The outbox changed: unsent messages, and any just delivered. */
  'outbox:changed': returns<OutboxSnapshot>(),
} satisfies Record<EventName, unknown>;

export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = (typeof channels)[C]['output'];
export type EventPayload<E extends EventName> = (typeof events)[E];
