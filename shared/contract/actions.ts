// Acting on content (issue 13): editing, moving, deleting, replacing, messages, downloads, drags and menus.
import { z } from 'zod';
import type { Channel } from '../contract-names';
import { actionAssetTypes, editVisibilities, MAX_DESCRIPTION_CHARS, MAX_DRAG_ITEMS, MAX_ITEMS_PER_ACTION, type BulkDownloadResult, type DeletePreview, type DeleteResult, type DownloadsSnapshot, type DragPrepareResult, type ReplaceQueued } from '../actions';
import type { AssetRow } from '../browse';
import { itemActions, type ContextMenuResult } from '../item-actions';
import { returns, type ChannelSpec, ouroId } from './spec';

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

export const actionChannels = {
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
} satisfies { [C in Channel]?: ChannelSpec };
