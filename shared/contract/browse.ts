// Browsing: asset lists and search, file and dataset details, previews, thumbnails, downloads, conversations.
import { z } from 'zod';
import { scopes, sortOrders, type AssetPage, type ConversationPage, type ConversationRow, type DatasetDetails, type DatasetRowsPage, type FileDetails, type FilePreview, type FileThumbnail, type MessagesPage, type SaveResult } from '../browse';
import type { Channel } from '../contract-names';
import { returns, type ChannelSpec, ouroId, assetId, byId } from './spec';

export const browseChannels = {
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
} satisfies { [C in Channel]?: ChannelSpec };
