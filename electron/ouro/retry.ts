// Retry policy for idempotent requests: which failures are worth another attempt, and how long
// to wait (exponential backoff with full jitter, or the server's Retry-After).
import type { RetryOptions } from './types';

export const defaultRetry: Required<RetryOptions> = {
  maxRetries: 3,
  // ouro-py's never-wired constants were 0.5 s initial and 8 s max; Ouro asks for backoff on 429.
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/**
 * `Retry-After` as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unparsable; never negative.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.max(0, Number(value) * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Delay before retry number `attempt` (0 for the first retry). With a Retry-After the server's
 * wish is the delay (capped); otherwise full jitter: random() × min(maxDelay, base × 2^attempt).
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: Required<RetryOptions>,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxRetryAfterMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
