// What the renderer receives when browsing: slim, display-ready rows mapped in main from Ouro's
// full asset records, so a 20,000-item list crosses IPC as small objects.

export const sections = ['files', 'datasets', 'conversations'] as const;
export type Section = (typeof sections)[number];

/** Mine / My organizations / All of Ouro → Ouro's `scope`. */
export const scopes = ['personal', 'org', 'all'] as const;
export type Scope = (typeof scopes)[number];

export const sortOrders = ['recent', 'updated', 'popular', 'relevant'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface AssetRow {
  id: string;
  name: string;
  assetType: string;
  /** Lowercase, no dot (files). */
  extension: string | null;
  mimeType: string | null;
  /** Bytes (files). */
  size: number | null;
  /** Row count when Ouro includes it in the listing (datasets); details use /stats. */
  rowCount: number | null;
  owner: string | null;
  orgId: string | null;
  /** Formatted with shared/display-names.ts; the renderer prefers my organizations' display names by id. */
  orgName: string | null;
  teamId: string | null;
  teamName: string | null;
  visibility: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** The asset's page on the Ouro website. */
  url: string | null;
  /** The matching passage, for search hits. */
  snippet: string | null;
}

export interface AssetPage {
  items: AssetRow[];
  hasMore: boolean;
  nextOffset: number;
  total: number | null;
}

export interface OrgOption {
  id: string;
  name: string;
}

export interface TeamOption {
  id: string;
  name: string;
  orgId: string;
}

export interface FileDetails extends AssetRow {
  description: string | null;
  state: string | null;
  license: string | null;
  width: number | null;
  height: number | null;
}

/** A small PNG for the Files list, or why there is none (the list then shows the type badge). */
export type FileThumbnail = { dataUrl: string } | { dataUrl: null; reason: 'not-an-image' | 'too-large' | 'unavailable' | 'undecodable' };

export type FilePreview =
  | { kind: 'image'; dataUrl: string }
  | { kind: 'text'; text: string; truncated: boolean }
  | { kind: 'csv'; columns: string[]; rows: string[][] }
  | { kind: 'none'; reason: string };

export interface DatasetColumnInfo {
  name: string;
  type: string;
  semanticType: string | null;
  enumValues: string[] | null;
}

export interface DatasetDetails extends AssetRow {
  description: string | null;
  columns: DatasetColumnInfo[];
  /** From /stats; null when Ouro did not say. */
  rowCount: number | null;
}

export interface DatasetRowsPage {
  rows: Record<string, unknown>[];
  hasMore: boolean;
}

export interface ConversationRow {
  id: string;
  /** The conversation's name, or its members' names when it has none. */
  title: string;
  memberNames: string[];
  lastActivity: string | null;
  summary: string | null;
}

export interface ConversationPage {
  items: ConversationRow[];
  hasMore: boolean;
  nextOffset: number;
}

export interface MessageRow {
  id: string;
  authorName: string;
  authorId: string | null;
  text: string;
  createdAt: string;
  seq: number | null;
  type: string | null;
}

export interface MessagesPage {
  /** Oldest first. */
  messages: MessageRow[];
  hasMore: boolean;
  /** Pass as `before` to get the page before this one. */
  nextBefore: string | null;
}

export interface SaveResult {
  /** False when the person cancelled the save dialog. */
  saved: boolean;
  path?: string;
  bytes?: number;
}

export interface DownloadProgress {
  id: string;
  bytes: number;
  total: number | null;
  done: boolean;
}

export interface RetryNotice {
  kind: 'rate-limited' | 'server' | 'network';
  retryInSeconds: number;
}
