// Assets, files, datasets, conversations and messages as Ouro returns them (lenient: see lenient.ts).
import { z } from 'zod';
import { ProfileSummarySchema } from './people';
import { countNumber, opt, optText } from './lenient';

// ---- assets ------------------------------------------------------------------------------------

/** `{json: TipTap doc, text}`; older data may hold a bare string. */
export const DescriptionSchema = z.union([
  z.string(),
  z.looseObject({ json: z.unknown().optional(), text: opt(z.string()) }),
]);

/** Fields every asset type shares (ouro-api.md §3.1). Only `id` is required. */
export const assetShape = {
  id: z.string(),
  asset_type: opt(z.string()), // see `assetTypes`
  name: opt(z.string()),
  description: opt(DescriptionSchema),
  visibility: opt(z.string()), // see `visibilities`
  user_id: opt(z.string()),
  user: opt(ProfileSummarySchema),
  org_id: opt(z.string()),
  team_id: opt(z.string()),
  organization: opt(z.looseObject({ id: opt(z.string()), name: opt(z.string()) })),
  team: opt(z.looseObject({ id: opt(z.string()), org_id: opt(z.string()), name: opt(z.string()) })),
  parent_id: opt(z.string()),
  created_at: opt(z.string()),
  last_updated: opt(z.string()),
  metadata: opt(z.record(z.string(), z.unknown())),
  license_id: opt(z.string()),
  monetization: opt(z.string()),
  price: opt(z.number()),
  preview: z.unknown().optional(),
  state: opt(z.string()), // queued | in-progress | timed-out | success | error
  source: opt(z.string()),
  slug: opt(z.string()),
  url: opt(z.string()),
  /** Search hits only. */
  snippet: opt(z.string()),
  match_source: opt(z.string()),
};

export const AssetSchema = z.looseObject(assetShape);
export type Asset = z.infer<typeof AssetSchema>;

export const FileMetadataSchema = z.looseObject({
  id: opt(z.string()),
  name: opt(z.string()), // storage basename, not the display name
  path: opt(z.string()),
  bucket: opt(z.string()),
  type: opt(z.string()), // MIME type
  mimeType: opt(z.string()),
  extension: opt(z.string()),
  size: opt(countNumber),
  width: opt(z.number()),
  height: opt(z.number()),
  fullPath: opt(z.string()),
});
export type FileMetadata = z.infer<typeof FileMetadataSchema>;

export const FileSchema = z.looseObject({
  ...assetShape,
  metadata: opt(FileMetadataSchema),
});
export type OuroFile = z.infer<typeof FileSchema>;

/** `GET /files/{id}/data`. */
export const FileDataSchema = z.looseObject({ url: z.string() });

export const DatasetMetadataSchema = z.looseObject({
  table_name: opt(z.string()),
  schema: opt(z.string()),
  columns: opt(z.array(z.string())),
  refs: opt(z.record(z.string(), z.unknown())),
  enum_columns: opt(z.record(z.string(), z.unknown())),
});

export const DatasetSchema = z.looseObject({
  ...assetShape,
  metadata: opt(DatasetMetadataSchema),
  preview: opt(z.array(z.record(z.string(), z.unknown()))),
});
export type Dataset = z.infer<typeof DatasetSchema>;

/** One entry of `GET /datasets/{id}/schema`. `name`/`type` are aliases the client fills in. */
export const DatasetColumnSchema = z.looseObject({
  column_name: z.string(),
  data_type: opt(z.string()),
  name: opt(z.string()),
  type: opt(z.string()),
  semantic_type: opt(z.string()), // reference | enum
  ref_kind: opt(z.string()),
  asset_type: opt(z.string()),
  enum_values: opt(z.array(z.string())),
});
export type DatasetColumn = z.infer<typeof DatasetColumnSchema>;

/** `GET /datasets/{id}/stats`: at least `count`; other keys are unknown and kept. */
export const DatasetStatsSchema = z.looseObject({ count: countNumber });
export type DatasetStats = z.infer<typeof DatasetStatsSchema>;

export const DatasetRowSchema = z.record(z.string(), z.unknown());
export type DatasetRow = z.infer<typeof DatasetRowSchema>;

export const ConversationSchema = z.looseObject({
  ...assetShape,
  // What the conversation rows show, taken as parsed (see optText).
  name: optText,
  created_at: optText,
  last_updated: optText,
  summary: optText,
  metadata: opt(z.looseObject({ members: opt(z.array(z.string())), summary: optText })),
  users: opt(z.array(ProfileSummarySchema)),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const MessageSchema = z.looseObject({
  id: z.string(),
  conversation_id: opt(z.string()),
  turn_id: opt(z.string()),
  seq: opt(z.number()),
  user_id: optText,
  user: opt(ProfileSummarySchema),
  type: optText, // message | reasoning | tool_call
  text: opt(z.string()),
  json: z.unknown().optional(),
  viewers: opt(z.array(z.string())),
  metadata: opt(z.record(z.string(), z.unknown())),
  /** Required: ordering and the paging cursor are built from it. */
  created_at: z.string(),
  last_updated: opt(z.string()),
});
export type Message = z.infer<typeof MessageSchema>;
