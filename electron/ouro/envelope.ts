// Ouro's response envelope `{data, error, pagination?, …siblings}` (ouro-api.md §2.1–2.2): turning
// a response body into either the whole body (success) or an AppError, and validating `data`
// against a lenient schema with issues that name the failing field path.
import type { z } from 'zod';
import { AppError } from '../../shared/app-error';
import { envelopeStatusHint, errorCode, extractErrorMessage, isRecord, kindForStatus } from './errors';
import { parseRetryAfter } from './retry';

export type Envelope = Record<string, unknown>;

export interface ResponseFacts {
  status: number;
  requestId?: string;
  retryAfterSeconds?: number;
  contentType?: string;
}

/**
 * What every answer's headers say, from fetch's Headers or node:http's: the status, Ouro's request
 * id, Retry-After (also as ms for the retry loop) and the content type.
 */
export function responseFacts(status: number, header: (name: string) => string | null | undefined, now: number): { facts: ResponseFacts; retryAfterMs?: number } {
  const facts: ResponseFacts = { status };
  const requestId = header('x-request-id');
  if (requestId) facts.requestId = requestId;
  const retryAfterMs = parseRetryAfter(header('retry-after') ?? undefined, now);
  if (retryAfterMs !== undefined) facts.retryAfterSeconds = retryAfterMs / 1000;
  const contentType = header('content-type');
  if (contentType) facts.contentType = contentType;
  return retryAfterMs === undefined ? { facts } : { facts, retryAfterMs };
}

/** Parses a body as JSON; undefined when it is not JSON (an HTML proxy page, an empty body). */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function withFacts(kind: AppError['kind'], message: string, status: number, facts: ResponseFacts, code?: string): AppError {
  return new AppError({
    kind,
    message: code && !message.includes(code) ? `${message} (${code})` : message,
    status,
    ...(facts.requestId !== undefined ? { requestId: facts.requestId } : {}),
    ...(kind === 'rate-limited' && facts.retryAfterSeconds !== undefined ? { retryAfterSeconds: facts.retryAfterSeconds } : {}),
    ...(code ? { code } : {}),
  });
}

/**
 * Error for a non-2xx response. A JSON body supplies the message; a non-JSON body (a proxy's
 * HTML 413 page) is never shown and the kind comes from the HTTP status alone.
 */
export function httpError(text: string, facts: ResponseFacts): AppError {
  const body = parseJson(text);
  const kind = kindForStatus(facts.status);
  if (body === undefined) return withFacts(kind, `HTTP ${facts.status}`, facts.status, facts);
  return withFacts(kind, extractErrorMessage(body, facts.status), facts.status, facts, errorCode(body));
}

/**
 * The legacy 200-with-error form: any truthy `error` is a failure. `error.status`/`statusCode`
 * (number or digit string) picks the kind; without a hint the request "failed" with status 200.
 */
export function envelopeError(body: unknown, facts: ResponseFacts): AppError | undefined {
  if (!isRecord(body) || !body['error']) return undefined;
  const hint = envelopeStatusHint(body['error']);
  const status = hint ?? facts.status;
  const kind = hint !== undefined ? kindForStatus(hint) : 'request-failed';
  return withFacts(kind, extractErrorMessage(body, status), status, facts, errorCode(body));
}

/** A successful response body as an envelope object, or the error it carries. */
export function readEnvelope(text: string, facts: ResponseFacts): Envelope {
  const body = parseJson(text);
  if (!isRecord(body)) {
    throw new AppError({
      kind: 'invalid-response',
      message: body === undefined ? 'Ouro answered with something that is not JSON' : 'Ouro answered JSON that is not an object',
      status: facts.status,
      ...(facts.requestId !== undefined ? { requestId: facts.requestId } : {}),
    });
  }
  const error = envelopeError(body, facts);
  if (error) throw error;
  return body;
}

/** `data[3].id`-style path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // zod's own text ("Invalid input: expected string, received undefined") is wordy; the short
  // form keeps the renderer's "(a; b; c)" list readable. Never includes the received value.
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return issue.message;
}

/** Validates `value` (found at `label`, e.g. `data`) or throws `invalid-response` naming each path. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, label: string, facts?: ResponseFacts): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 20).map((issue) => `${formatPath([label, ...issue.path])}: ${describeIssue(issue)}`);
  throw new AppError({
    kind: 'invalid-response',
    message: `Ouro's answer did not have the expected shape: ${issues.slice(0, 3).join('; ')}`,
    issues,
    ...(facts?.status !== undefined ? { status: facts.status } : {}),
    ...(facts?.requestId !== undefined ? { requestId: facts.requestId } : {}),
  });
}
