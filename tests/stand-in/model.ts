// In-memory data model of the stand-in: records for users, orgs, teams and assets, plus the
// backing content of files, datasets and conversations. Pure types; Store owns the instances.

export type AssetType = 'file' | 'dataset' | 'post' | 'comment' | 'conversation' | 'service' | 'route' | 'quest';
export type Visibility = 'public' | 'private' | 'organization' | 'monetized' | 'inherit';
export type SourcePolicy = 'any' | 'web_only' | 'api_only';
export type Role = 'read' | 'write' | 'admin';

export const VISIBILITIES: readonly Visibility[] = ['public', 'private', 'organization', 'monetized', 'inherit'];
export const ASSET_TYPES: readonly AssetType[] = ['file', 'dataset', 'post', 'comment', 'conversation', 'service', 'route', 'quest'];

export interface UserRecord {
  id: string;
  email: string;
  username: string;
  display_name: string;
  bio: string;
  actor_type: 'base' | 'agent' | 'verified';
  avatar_path: string;
  created_at: string;
}

export interface OrgRecord {
  id: string;
  name: string;
  display_name: string;
  mission: string;
  avatar_path: string | null;
  source_policy: SourcePolicy;
  join_policy: 'invite_only' | 'request' | 'open';
  visibility: 'public' | 'private';
  members: Map<string, Role>;
  created_at: string;
}

export interface TeamRecord {
  id: string;
  org_id: string;
  name: string;
  slug: string;
  description: string;
  default_role: Role | 'none';
  visibility: 'public' | 'private';
  /** null → falls back to the org's policy. */
  source_policy: SourcePolicy | null;
  members: Map<string, Role>;
  created_at: string;
}

export interface RichText {
  json: unknown;
  text: string;
}

export interface AssetRecord {
  id: string;
  asset_type: AssetType;
  name: string | null;
  description: RichText | null;
  visibility: Visibility;
  user_id: string;
  org_id: string;
  team_id: string;
  parent_id: string | null;
  created_at: string;
  last_updated: string;
  metadata: Record<string, unknown> | null;
  preview: unknown;
  state: 'queued' | 'in-progress' | 'timed-out' | 'success' | 'error';
  source: 'web' | 'api';
  license_id: string | null;
  monetization: 'none' | 'pay-to-unlock' | 'pay-per-use';
  price: number | null;
  attribution: Record<string, unknown>;
  summary?: string | null;
  views: number;
  downloads: number;
}

/** Where a file's bytes live: in memory, on disk, or computed on demand. */
export type FileContent =
  | { kind: 'buffer'; bytes: Buffer }
  | { kind: 'disk'; path: string; size: number }
  | { kind: 'generated'; size: number; generate: () => Buffer };

export interface StoredObject {
  id: string;
  owner: string;
  fileName: string;
  bucket: 'public-files' | 'files';
  /** Storage path `<user_id>/<uuid>.<ext>`. */
  storagePath: string;
  contentType: string | null;
  content: FileContent;
  sha256: string;
  createdAt: string;
}

export type ColumnType = 'integer' | 'real' | 'text' | 'timestamp' | 'boolean' | 'enum';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  enumValues?: string[];
}

export type Row = Record<string, unknown>;

export interface DatasetBacking {
  columns: ColumnDef[];
  /** Rows computed from their index (large seeded datasets); count 0 after an overwrite. */
  generated: { count: number; rowAt: (index: number) => Row } | null;
  /** Rows inserted through the API (after the generated ones). */
  rows: Row[];
}

export interface MessageRecord {
  id: string;
  conversation_id: string;
  turn_id: string;
  seq: number;
  user_id: string;
  type: 'message' | 'reasoning' | 'tool_call';
  text: string;
  json: unknown;
  viewers: string[];
  metadata: Record<string, unknown> | null;
  created_at: string;
  last_updated: string;
}

export interface ConversationBacking {
  members: string[];
  /** Oldest first. */
  messages: MessageRecord[];
}

/** A notification for one user (ouro-api.md §8.5), in ouro-py's model's fields. */
export interface NotificationRecord {
  id: string;
  /** The recipient. */
  user_id: string;
  source_user_id: string;
  asset_id: string | null;
  org_id: string | null;
  type: string;
  content: { text?: string; asset?: { assetId: string; assetType: string } };
  read: boolean;
  read_at: string | null;
  created_at: string;
  last_updated: string;
}
