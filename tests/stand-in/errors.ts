// Error bodies in the shapes the real Ouro API uses (ouro-api.md §2.2) and the HttpError that
// handlers throw to send them. Centralised so every route fails the same way.

export class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type?: string;
}

/** FastAPI-style validation failure: `{detail: [{loc, msg, type}]}`. */
export function validationError(issues: ValidationIssue[], status = 400): HttpError {
  return new HttpError(status, {
    detail: issues.map((i) => ({ loc: i.loc, msg: i.msg, type: i.type ?? 'value_error' })),
  });
}

export function assetNotFound(id: string): HttpError {
  return new HttpError(404, {
    data: null,
    error: { name: 'HttpError', message: `Asset ${id} not found`, status: 404, code: 'asset_not_found' },
  });
}

export function forbidden(message: string, code = 'forbidden'): HttpError {
  return new HttpError(403, {
    data: null,
    error: { name: 'HttpError', message, status: 403, code },
  });
}

export function conflict(message: string): HttpError {
  return new HttpError(409, {
    data: null,
    error: { name: 'HttpError', message, status: 409, code: 'conflict' },
  });
}

export function unauthorized(message = 'Invalid or expired token'): HttpError {
  return new HttpError(401, { data: null, error: { message, status: 401 } });
}

export function payloadTooLarge(limit: number, received?: number): HttpError {
  const detail = received === undefined ? '' : ` (received at least ${received} bytes)`;
  return new HttpError(413, {
    data: null,
    error: {
      name: 'HttpError',
      message: `Request body too large: the limit is ${limit} bytes${detail}`,
      status: 413,
      code: 'payload_too_large',
      limit,
    },
  });
}

/** What Postgres says when a blank or malformed string reaches a uuid/enum column. */
export function postgresInvalidInput(kind: 'uuid' | string, value: string): HttpError {
  const message =
    kind === 'uuid'
      ? `invalid input syntax for type uuid: "${value}"`
      : `invalid input value for enum ${kind}: "${value}"`;
  return new HttpError(500, {
    data: null,
    error: { message, code: '22P02', details: null, hint: null },
  });
}

/** A realistic default body for a fault that only names a status. */
export function defaultErrorBody(status: number, path: string): unknown {
  switch (status) {
    case 400:
      return { detail: [{ loc: ['body'], msg: 'Invalid request', type: 'value_error' }] };
    case 401:
      return { data: null, error: { message: 'Invalid or expired token', status: 401 } };
    case 403:
      return { data: null, error: { message: 'Forbidden', statusCode: '403' } };
    case 404: {
      const id = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(path)?.[0] ?? 'unknown';
      return assetNotFound(id).body;
    }
    case 409:
      return conflict('Conflict: the resource already exists').body;
    case 413:
      return payloadTooLarge(1_000_000).body;
    case 422:
      return { detail: [{ loc: ['body'], msg: 'Unprocessable entity', type: 'value_error' }] };
    case 429:
      return { data: null, error: { message: 'Too many requests, slow down', status: 429, code: 'rate_limited' } };
    case 500:
      return { data: null, error: { message: 'Internal server error', status: 500 } };
    case 502:
      return { data: null, error: { message: 'Bad gateway', status: 502 } };
    case 503:
      return { data: null, error: { message: 'Service temporarily unavailable', status: 503 } };
    case 504:
      return { data: null, error: { message: 'Gateway timeout', status: 504 } };
    default:
      return { data: null, error: { message: `HTTP ${status}`, status } };
  }
}
