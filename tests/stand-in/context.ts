// Per-request plumbing shared by all handlers: the request context, a byte-counting body reader
// that enforces the body limit while streaming, and JSON response helpers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthService } from './auth';
import { HttpError, payloadTooLarge, validationError } from './errors';
import type { Store } from './store';
import type { FaultSpec, RequestLogEntry, StoredUpload } from './types';

/** Long-lived services handlers may use (one instance per stand-in). */
export interface StandInServices {
  store: Store;
  auth: AuthService;
  storageDir: string;
  uploads: StoredUpload[];
  config: { bodyLimitBytes: number | null; tokenTtlSeconds: number };
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Authenticated user id ('' on routes that need no auth). */
  userId: string;
  baseUrl: string;
  body: BodyReader;
  entry: RequestLogEntry;
  services: StandInServices;
  /** The fault matched for this request when it lets the handler answer (e.g. `skipRows`). */
  fault?: FaultSpec | undefined;
}

export class BodyReader {
  bytesRead = 0;

  constructor(
    private readonly req: IncomingMessage,
    private readonly limit: number | null,
  ) {}

  /** Request body chunks; throws a 413 HttpError as soon as the limit is crossed. */
  async *chunks(): AsyncGenerator<Buffer> {
    // destroyOnReturn: false — stopping early (413, bad base64) must not kill the socket before
    // the error response goes out.
    for await (const chunk of this.req.iterator({ destroyOnReturn: false })) {
      const buf = chunk as Buffer;
      this.bytesRead += buf.length;
      if (this.limit !== null && this.bytesRead > this.limit) throw payloadTooLarge(this.limit, this.bytesRead);
      yield buf;
    }
  }

  /** Whole body parsed as JSON (small bodies only; uploads use upload-stream.ts). */
  async json(): Promise<unknown> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks()) parts.push(chunk);
    const text = Buffer.concat(parts).toString('utf8');
    if (!text.trim()) throw validationError([{ loc: ['body'], msg: 'field required', type: 'missing' }]);
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw validationError([
        { loc: ['body', 0], msg: `JSON decode error: ${(err as Error).message}`, type: 'json_invalid' },
      ]);
    }
  }

  /** Reads and discards the body (so the log counts it and keep-alive stays usable). */
  async drain(): Promise<void> {
    for await (const chunk of this.chunks()) void chunk;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(payload.length),
  });
  res.end(payload);
}

/** The standard envelope `{data, error: null, ...extra}`. */
export function ok(ctx: RequestContext, data: unknown, extra: Record<string, unknown> = {}): void {
  sendJson(ctx.res, 200, { data, error: null, ...extra });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses an optional non-negative integer query parameter. */
export function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  opts: { min?: number; max?: number; status?: number } = {},
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  const min = opts.min ?? 0;
  const status = opts.status ?? 422;
  if (!Number.isInteger(value)) {
    throw validationError([{ loc: ['query', name], msg: 'Input should be a valid integer', type: 'int_parsing' }], status);
  }
  if (value < min) {
    throw validationError([{ loc: ['query', name], msg: `Input should be greater than or equal to ${min}`, type: 'greater_than_equal' }], status);
  }
  if (opts.max !== undefined && value > opts.max) {
    throw validationError([{ loc: ['query', name], msg: `Input should be less than or equal to ${opts.max}`, type: 'less_than_equal' }], status);
  }
  return value;
}

export { HttpError };
