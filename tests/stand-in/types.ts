// Public types of the Ouro stand-in server: what tests and tools code against.
// Kept in one module so index.ts can re-export them without pulling in the implementation.
import type { NotifySpec } from './notifications';
export type { NotifySpec } from './notifications';

export interface StandInOptions {
  /** Port to listen on; 0 (default) lets the OS pick. */
  port?: number;
  /** Extra generated files (`sample-00001.txt` …) on top of the fixed seed; default 0. */
  seedFiles?: number;
  /** Where uploaded bytes go; default a fresh mkdtemp under os.tmpdir() (removed on close). */
  storageDir?: string;
  /** Lifetime of issued access tokens in seconds; default 3600. */
  tokenTtlSeconds?: number;
  /** The clock tokens are issued and checked against (default Date.now); tests move it to expire tokens. */
  now?: () => number;
  /** Requests with a larger body get 413; null (default) = no limit. */
  bodyLimitBytes?: number | null;
  /** Suppress console output. */
  quiet?: boolean;
}

export interface FaultSpec {
  /** HTTP method to match (case-insensitive); default any. */
  method?: string;
  /**
   * Exact URL path ('/user') or a prefix ending in '*' ('/files/*'); a '*' anywhere else stands
   * for one path segment, e.g. any dataset's rows: `/datasets/{*}/data` written without braces.
   * The query is ignored.
   */
  path: string;
  /** How many matching requests it applies to; default 1. */
  times?: number;
  /** Answer this status with an error body (custom `body` or a realistic default). */
  status?: number;
  /** Custom body: JSON value, or a string sent verbatim (HTML if it starts with '<'). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Retry-After header value (seconds or HTTP date). */
  retryAfter?: string;
  /** Delay before handling; without a status the request then succeeds normally. */
  latencyMs?: number;
  /** Destroy the socket before any response, or after headers + part of the body. */
  reset?: 'immediately' | 'mid-body';
  /**
   * Row writes (`POST /datasets/{id}/data`, or a create carrying rows): the last this-many rows of
   * the batch are not stored and the answer reports them as skipped with a warning, the way Ouro
   * reports rows its reference checks refuse.
   */
  skipRows?: number;
  /** Answer HTTP 200 with `{data: null, error: {...}}` (legacy envelope error). */
  envelopeError?: { status?: number | string; statusCode?: number | string; message: string };
}

export interface FaultController {
  add(spec: FaultSpec): void;
  clear(): void;
  /** Number of fault applications still pending (sum of remaining `times`). */
  pending(): number;
  setBodyLimit(bytes: number | null): void;
  setTokenTtl(seconds: number): void;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Final HTTP status; 0 when the socket was reset before any response. */
  status: number;
  authorized: boolean;
  userId?: string;
  headers: {
    userAgent?: string;
    ouroClient?: string;
    keyName?: string;
    authorizationScheme: 'bare' | 'bearer' | 'none';
  };
  /** Request body bytes the server read. */
  bodyBytes: number;
  upload?: { size: number; sha256: string };
  durationMs: number;
  /** Arrival time, epoch ms. */
  at: number;
}

export interface StoredUpload {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  /** Absolute path of the stored bytes on disk. */
  path: string;
  /** What `POST /files/upload` answered: the bucket and storage path a file record must name. */
  bucket: string;
  storagePath: string;
  createdAt: string;
}

export interface SeedUser {
  id: string;
  username: string;
}

export interface SeedSummary {
  users: { alice: SeedUser; bob: SeedUser; carol: SeedUser };
  globalOrgId: string;
  globalTeamId: string;
  orgs: { id: string; name: string; members: string[] }[];
  teams: { id: string; name: string; org_id: string; source_policy: string | null }[];
  files: {
    id: string;
    name: string;
    extension: string;
    size: number;
    visibility: string;
    /** Owner's username ('alice', 'bob', 'carol-agent'). */
    owner: string;
    owner_id: string;
    org_id: string;
    team_id: string;
  }[];
  /** Number of generated `sample-NNNNN.txt` files (not listed in `files`). */
  generatedFiles: number;
  datasets: { id: string; name: string; rows: number; owner: string; visibility: string; org_id: string; team_id: string }[];
  conversations: { id: string; name: string | null; messageCount: number; members: string[] }[];
  /** Seeded notifications (alice: mention, comment, new-message unread; share, reference read; bob: one mention). */
  notifications: { id: string; type: string; to: string; read: boolean; assetId: string | null }[];
}

export interface StandIn {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** Valid key for alice (key name "laptop-key"). */
  apiKey: string;
  /** Valid key for bob. */
  otherApiKey: string;
  faults: FaultController;
  /** Every request in arrival order, excluding /__stand-in/* control requests. */
  log: RequestLogEntry[];
  clearLog(): void;
  /** Later exchanges with this key fail 401; tokens issued for it stop working too. */
  revokeKey(key: string): void;
  uploads(): StoredUpload[];
  seed: SeedSummary;
  /** Creates a notification, as Ouro does when someone mentions, comments, messages or shares. */
  notify(spec: NotifySpec): { id: string };
  close(): Promise<void>;
}
