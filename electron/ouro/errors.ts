// Failure classification: HTTP status → ErrorKind, Ouro's error-body message extraction
// (ouro-api.md §2.2), transport errors → network/timeout/cancelled, and scrubbing of secrets.
import { AppError } from '../../shared/app-error';
import type { ErrorKind } from '../../shared/error-kinds';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Maps an HTTP (or envelope-hinted) status to the kind the app shows. */
export function kindForStatus(status: number): ErrorKind {
  switch (status) {
    case 400:
    case 422:
      return 'bad-request';
    case 401:
      return 'unauthorized';
    case 402:
      return 'request-failed';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 408:
      return 'timeout';
    case 409:
      return 'conflict';
    case 413:
      return 'too-large';
    case 429:
      return 'rate-limited';
  }
  if (status >= 500 && status <= 599) return 'server';
  // Other 4xx are not documented by Ouro; "the request failed" is the honest generic outcome.
  if (status >= 400 && status <= 499) return 'request-failed';
  // 1xx/3xx (fetch follows redirects, so a 3xx here is unusable) or a 2xx carrying an error.
  return 'invalid-response';
}

const MAX_MESSAGE = 300;

function truncate(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** FastAPI-style `detail`: a string, or a list of `{loc, msg}` joined as `loc.path: msg; …`. */
function detailMessage(detail: unknown): string | undefined {
  const text = nonBlank(detail);
  if (text) return text;
  if (!Array.isArray(detail)) return undefined;
  const parts = detail
    .map((item) => {
      if (!isRecord(item)) return nonBlank(item);
      const msg = nonBlank(item['msg']) ?? nonBlank(item['message']);
      const loc = Array.isArray(item['loc']) ? item['loc'].map(String).join('.') : undefined;
      if (!msg) return undefined;
      return loc ? `${loc}: ${msg}` : msg;
    })
    .filter((part): part is string => part !== undefined);
  return parts.length ? parts.join('; ') : undefined;
}

function messageOf(source: unknown): string | undefined {
  const text = nonBlank(source);
  if (text) return text;
  if (!isRecord(source)) return undefined;
  return (
    nonBlank(source['message']) ??
    detailMessage(source['detail']) ??
    nonBlank(source['error']) ??
    (Object.keys(source).length ? JSON.stringify(source) : undefined)
  );
}

/**
 * The order ouro-py uses: `error` as string → `error.message` → `error.detail` (string or list) →
 * `error.error` → the stringified object. Without an `error` key the same runs on the whole body.
 * Falls back to `HTTP <status>`.
 */
export function extractErrorMessage(body: unknown, status: number): string {
  const source = isRecord(body) && 'error' in body && body['error'] ? body['error'] : body;
  const message = messageOf(source);
  return message ? truncate(message) : `HTTP ${status}`;
}

/** `error.status` / `error.statusCode`, as a number or a digit string; undefined otherwise. */
export function envelopeStatusHint(error: unknown): number | undefined {
  if (!isRecord(error)) return undefined;
  for (const key of ['status', 'statusCode'] as const) {
    const value = error[key];
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 100 && n <= 599) return n;
  }
  return undefined;
}

/** Ouro's machine code (`asset_not_found`, `update_forbidden`, a Postgres code…), when present. */
export function errorCode(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const error = body['error'];
  return (isRecord(error) ? nonBlank(error['code']) : undefined) ?? nonBlank(body['code']);
}

/**
 * A 401 on an ordinary call right after Ouro accepted the key at `/users/get-token`: the key is
 * fine (Ouro just said so), so this is Ouro contradicting itself, not a refused key. It must not
 * sign anyone out or delete a good key; it is a server-side fault, with the request id for support.
 */
export function unauthorizedAfterExchange(error: AppError): AppError {
  return new AppError(
    {
      kind: 'server',
      message: `Ouro refused a request right after accepting the API key (HTTP 401): ${error.message}`,
      status: error.status ?? 401,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    },
    { cause: error },
  );
}

// ---- secrets ----------------------------------------------------------------------------------

// JWTs are three base64url segments, the first starting with `eyJ` (base64 of `{"`).
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** Removes known secrets and anything JWT-shaped, so no message can carry a key or token. */
export function scrub(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short "secrets" would shred ordinary words; real keys and JWTs are long.
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out.replace(JWT_PATTERN, '[redacted]');
}

// ---- transport --------------------------------------------------------------------------------

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Node error code (`ECONNRESET`…) from an error or its cause chain; Electron uses `net::ERR_…`. */
export function transportCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (isRecord(current) || current instanceof Error) {
      const record = current as { code?: unknown; message?: unknown; cause?: unknown };
      if (typeof record.code === 'string') return record.code;
      if (typeof record.message === 'string') {
        const net = /net::ERR_[A-Z_]+/.exec(record.message);
        if (net) return net[0];
      }
      current = record.cause;
    } else break;
  }
  return undefined;
}

/**
 * OpenSSL's verdicts on a certificate chain (Node), and Chromium's (Electron's net): the server
 * presented a certificate this computer does not trust, e.g. a corporate TLS-inspection proxy's
 * whose CA is not installed. Not retried: the same certificate will be presented again.
 */
const UNTRUSTED_CERTIFICATE = /^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|CERT_UNTRUSTED|CERT_REVOKED|ERR_TLS_CERT_ALTNAME_INVALID|net::ERR_CERT_[A-Z_]+)$/;

/**
 * A failed fetch or body read that was not an abort: `network`, `timeout` for socket timeouts,
 * or `untrusted-certificate` when TLS refused Ouro's certificate.
 */
export function transportError(error: unknown, what: string): AppError {
  const code = transportCode(error);
  if (code && UNTRUSTED_CERTIFICATE.test(code)) {
    return new AppError({ kind: 'untrusted-certificate', message: `${what} failed: the certificate presented for Ouro is not trusted (${code})`, code }, { cause: error });
  }
  if (code && (TIMEOUT_CODES.has(code) || code === 'net::ERR_TIMED_OUT')) {
    return new AppError({ kind: 'timeout', message: `${what} timed out (${code})` }, { cause: error });
  }
  return new AppError({ kind: 'network', message: `Could not reach Ouro${code ? ` (${code})` : ''}` }, { cause: error });
}

export function cancelledError(): AppError {
  return new AppError({ kind: 'cancelled', message: 'The request was cancelled' });
}

export function timeoutError(phase: 'response' | 'request' | 'download', ms: number): AppError {
  const what = phase === 'response' ? 'Ouro did not answer' : phase === 'download' ? 'The download stalled' : 'The request did not finish';
  return new AppError({ kind: 'timeout', message: `${what} within ${Math.round(ms / 1000)} s` });
}
