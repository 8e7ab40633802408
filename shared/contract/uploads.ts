// Uploads (issue 7): the queue, adding granted files or staged copies, destinations and preferences.
import { z } from 'zod';
import type { Channel } from '../contract-names';
import { MAX_STAGED_BYTES_OVER_IPC, uploadVisibilities, type AddUploadsResult, type ChooseFilesResult, type UploadDestinations, type UploadsSnapshot } from '../uploads';
import { returns, type ChannelSpec, ouroId } from './spec';

export const uploadChannels = {
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
} satisfies { [C in Channel]?: ChannelSpec };
