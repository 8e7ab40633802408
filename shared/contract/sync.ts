// Sync folders (issue 15): a folder chosen in main's dialog, kept in step with Ouro.
import { z } from 'zod';
import type { Channel } from '../contract-names';
import { MAX_IGNORE_PATTERN_CHARS, MAX_IGNORE_PATTERNS, type ChooseSyncFolderResult, type SyncFolderView, type SyncSnapshot } from '../sync';
import { uploadVisibilities } from '../uploads';
import { returns, type ChannelSpec, ouroId } from './spec';

export const syncChannels = {
  /** This account's sync folders and what each is doing. */
  'sync:list': { input: z.undefined(), output: returns<SyncSnapshot>() },
  /** Main's folder dialog (the web host: OURO_DESKTOP_PICK_FOLDER); the choice is a handle main keeps, never a path the page sends back. */
  'sync:choose-folder': { input: z.undefined(), output: returns<ChooseSyncFolderResult>() },
  /** Starts syncing a folder chosen in `sync:choose-folder` (by its handle) into a destination. */
  'sync:add': {
    input: z.strictObject({
      handle: z.uuid(),
      destination: z.strictObject({ orgId: ouroId.optional(), teamId: ouroId.optional(), visibility: z.enum(uploadVisibilities) }),
      /** 'upload': files already in the folder are uploaded now; 'skip': only new and changed ones. */
      existing: z.enum(['upload', 'skip']),
    }),
    output: returns<SyncFolderView>(),
  },
  /** Pause or resume, Mirror deletions (the page confirms first), or the folder's own ignore patterns. */
  'sync:update': {
    input: z.strictObject({
      id: z.uuid(),
      paused: z.boolean().optional(),
      mirrorDeletions: z.boolean().optional(),
      ignore: z.array(z.string().max(MAX_IGNORE_PATTERN_CHARS)).max(MAX_IGNORE_PATTERNS).optional(),
    }),
    output: returns<SyncFolderView>(),
  },
  /** Stops syncing a folder and forgets its index; never deletes anything on Ouro or on disk. */
  'sync:remove': { input: z.object({ id: z.uuid() }), output: returns<void>() },
} satisfies { [C in Channel]?: ChannelSpec };
