// Options and small shared types of the Ouro client. No behaviour lives here.
import type { AgentFor } from './body-transport';

export interface OuroLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Injectable time source so tests can run retries and token expiry without waiting. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`; rejects (with the signal's reason) when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface TimeoutOptions {
  /** Time allowed until response headers arrive. */
  connectMs: number;
  /** Time allowed for a whole JSON request, headers and body. */
  totalMs: number;
  /**
   * Streamed downloads: longest silence between two chunks. A download has no total limit
   * because a large file on a slow link legitimately takes longer than `totalMs`.
   */
  idleMs?: number;
}

export interface RetryOptions {
  /** Retries after the first attempt (so `maxRetries + 1` attempts at most). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest `Retry-After` we honour as a delay; longer values are capped to this. */
  maxRetryAfterMs?: number;
}

export interface OuroClientOptions {
  baseUrl: string;
  fetch: typeof fetch;
  /** The agent streamed upload bodies use for a URL (the host's proxy and certificate authorities). */
  agentFor?: AgentFor;
  /** The stored key (from the keychain), or null when signed out. Asked only when exchanging. */
  getApiKey: () => string | null | Promise<string | null>;
  appVersion: string;
  timeouts?: Partial<TimeoutOptions>;
  retry?: Partial<RetryOptions>;
  clock?: Clock;
  /** In [0, 1); jitter source. */
  random?: () => number;
  /** Called when the stored key is refused by `/users/get-token` itself (never for other 401s). */
  onUnauthorized?: () => void;
  log?: OuroLogger;
  /** Told before each automatic retry, so the app can say "retrying in N s". */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  kind: string;
  status?: number;
  delayMs: number;
  /** 1 for the first retry. */
  attempt: number;
}

/** Every call takes an optional signal; aborting it ends the call with kind `cancelled`. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** A signed-in session's token, from the key exchange (token.ts) and kept by session.ts. */
export interface Credentials {
  /** The bare JWT, sent as `Authorization: <jwt>` (no `Bearer `; the backend adds it). */
  token: string;
  /** `api_key_name` from the exchange, echoed as `X-Ouro-Key-Name`. */
  keyName?: string;
  /** `exp` in epoch ms; undefined when the token has no readable `exp` (never refreshed early). */
  expMs?: number;
}
