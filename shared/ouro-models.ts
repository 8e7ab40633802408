// Lenient zod models of what the Ouro REST API returns, shared by main (which validates) and the
// renderer (which only uses the types). No Node, DOM or Electron imports: the renderer loads this.
//
// Leniency rules, because the server is not ours and changes under us (ouro-api.md §10):
// - every object is `z.looseObject`: unknown keys are kept, so a new server field never breaks us;
// - only the fields the app cannot work without are required (mostly `id`);
// - optional fields are `nullish` and `.catch(undefined)`: a wrong type on a field we merely
//   display is dropped rather than failing the whole page;
// - enums are plain strings (known values listed in comments/consts) so a new enum value is kept.
import { z } from 'zod';

/** Optional, nullable, and dropped (→ undefined) when the server sends an unexpected type. */
function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

/** Counts sometimes arrive as digit strings (Postgres bigint through JSON). */
const countNumber = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
  z.number(),
);

export const assetTypes = ['file', 'dataset', 'post', 'comment', 'conversation', 'service', 'route', 'quest'] as const;
export const visibilities = ['public', 'private', 'organization', 'monetized', 'inherit'] as const;
export const sourcePolicies = ['any', 'web_only', 'api_only'] as const;

// ---- people and places -------------------------------------------------------------------------

/** `GET /user`: the auth-level user (Supabase-style extra keys are kept). */
export const UserSchema = z.looseObject({
  id: z.string(),
  email: opt(z.string()),
});
export type User = z.infer<typeof UserSchema>;

/** Profile subset embedded in assets (`user`) and the own profile of `GET /user/profile`. */
export const ProfileSummarySchema = z.looseObject({
  user_id: opt(z.string()),
  id: opt(z.string()),
  username: opt(z.string()),
  avatar_path: opt(z.string()),
  bio: opt(z.string()),
  actor_type: opt(z.string()), // base | agent | verified
  is_agent: opt(z.boolean()),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

/** `GET /user/profile`. */
export const ProfileSchema = ProfileSummarySchema.extend({
  user_id: z.string(),
  email: opt(z.string()),
  display_name: opt(z.string()),
  name: opt(z.string()),
  plan_type: opt(z.string()), // free | gold
  last_active: opt(z.string()),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const MembershipSchema = z.looseObject({
  role: opt(z.string()), // read | write | admin | none
  membership_type: opt(z.string()),
  user_id: opt(z.string()),
});

export const OrganizationSchema = z.looseObject({
  id: z.string(),
  name: opt(z.string()), // the global org is named `all`
  display_name: opt(z.string()),
  avatar_path: opt(z.string()),
  mission: opt(z.string()),
  base_role: opt(z.string()),
  join_policy: opt(z.string()),
  actor_type_policy: opt(z.string()),
  source_policy: opt(z.string()), // any | web_only | api_only
  visibility: opt(z.string()),
  membership: opt(MembershipSchema),
  /** Member count (ouro-api.md §7.3). */
  size: opt(countNumber),
  created_at: opt(z.string()),
  last_updated: opt(z.string()),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const TeamSchema = z.looseObject({
  id: z.string(),
  org_id: opt(z.string()),
  organization: opt(
    z.looseObject({ id: opt(z.string()), name: opt(z.string()), source_policy: opt(z.string()) }),
  ),
  name: opt(z.string()),
  slug: opt(z.string()),
  description: opt(z.union([z.string(), z.looseObject({ text: opt(z.string()), json: z.unknown().optional() })])),
  default_role: opt(z.string()),
  visibility: opt(z.string()),
  actor_type_policy: opt(z.string()),
  /** May be null on the team, meaning "inherit the organization's" (see `teams.list`). */
  source_policy: opt(z.string()),
  userMembership: opt(MembershipSchema),
  memberCount: opt(countNumber),
  /** Only with `include_members=true` (users-orgs/sdk-team-with-members). */
  members: opt(
    z.array(z.looseObject({ user_id: opt(z.string()), role: opt(z.string()), added_at: opt(z.string()), user: opt(ProfileSummarySchema) })),
  ),
  created_at: opt(z.string()),
  last_updated: opt(z.string()),
});
export type Team = z.infer<typeof TeamSchema>;

/** A team as `teams.list` returns it: `source_policy` resolved against the organization's. */
export type TeamWithPolicy = Team & {
  source_policy: string | null;
  /** True when the team itself had no policy and the organization's was used. */
  source_policy_inherited: boolean;
};

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
  summary: opt(z.string()),
  metadata: opt(z.looseObject({ members: opt(z.array(z.string())), summary: opt(z.string()) })),
  users: opt(z.array(ProfileSummarySchema)),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const MessageSchema = z.looseObject({
  id: z.string(),
  conversation_id: opt(z.string()),
  turn_id: opt(z.string()),
  seq: opt(z.number()),
  user_id: opt(z.string()),
  user: opt(ProfileSummarySchema),
  type: opt(z.string()), // message | reasoning | tool_call
  text: opt(z.string()),
  json: z.unknown().optional(),
  viewers: opt(z.array(z.string())),
  metadata: opt(z.record(z.string(), z.unknown())),
  /** Required: ordering and the paging cursor are built from it. */
  created_at: z.string(),
  last_updated: opt(z.string()),
});
export type Message = z.infer<typeof MessageSchema>;

// ---- pagination --------------------------------------------------------------------------------

export const OffsetPaginationSchema = z.looseObject({
  offset: opt(z.number()),
  limit: opt(z.number()),
  hasMore: opt(z.boolean()),
  total: opt(z.number()),
});

export const CursorPaginationSchema = z.looseObject({
  limit: opt(z.number()),
  hasMore: opt(z.boolean()),
  nextCursor: opt(z.looseObject({ before: opt(z.string()) })),
});

/** One page of an offset-paged list. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
  /** Offset of the next page: this page's offset plus the items actually received. */
  nextOffset: number;
  total?: number;
}
