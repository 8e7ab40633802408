// The one request pipeline every Ouro call goes through: URL and headers, auth from the session,
// connect/total timeouts, classification of every failure into an AppError, one re-exchange after
// a 401, retries with backoff for idempotent requests, and scrubbing of secrets from messages.
import type { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import { Attempt } from './abort';
import { type Envelope, type ResponseFacts, httpError, parseJson, readEnvelope, validate } from './envelope';
import { cancelledError, isRecord, scrub, transportError, unauthorizedAfterExchange } from './errors';
import { isRetryableCall } from '../../shared/error-kinds';
import { parseRetryAfter, retryDelay } from './retry';
import type { Session } from './session';
import type { Clock, Credentials, OuroLogger, RetryInfo, RetryOptions, TimeoutOptions } from './types';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Safe to repeat after a transient failure. Defaults to true for GET only. */
  idempotent?: boolean;
  /** Use this token instead of the session's (verifying a key); no re-exchange on 401. */
  credentials?: Credentials;
  /** Extra values to scrub from messages (e.g. a key being exchanged). */
  secrets?: readonly string[];
  accept?: string;
  signal?: AbortSignal;
}

export interface JsonResult {
  body: Envelope;
  facts: ResponseFacts;
}

/** Given to a streaming consumer: the attempt's signal, and `touch()` to reset the idle timer. */
export interface StreamContext {
  signal: AbortSignal;
  facts: ResponseFacts;
  touch(): void;
  /** The abort reason (cancelled/timeout) if the attempt was aborted. */
  abortError(): AppError | undefined;
}

export interface Http {
  /** The whole JSON body. With `envelope` (default) a truthy `error` in a 2xx body is a failure. */
  json(request: HttpRequest, options?: { envelope?: boolean }): Promise<JsonResult>;
  /** `data` of the envelope, validated against a lenient schema. */
  data<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.output<S>>;
  /** A 2xx response handed to `consume` inside the retry loop (for streamed downloads). */
  stream<T>(request: HttpRequest, consume: (response: Response, context: StreamContext) => Promise<T>): Promise<T>;
}

export interface HttpDeps {
  baseUrl: string;
  fetch: typeof fetch;
  appVersion: string;
  timeouts: Required<TimeoutOptions>;
  retry: Required<RetryOptions>;
  clock: Clock;
  random: () => number;
  log?: OuroLogger;
  onRetry?: (info: RetryInfo) => void;
  /** Absent for the unauthenticated pipeline that performs the key exchange itself. */
  session?: Session;
}

/** Joins base and path (a base may carry a path prefix) and encodes the query. */
export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    // Ouro reads booleans as the strings "true"/"false" (ouro-api.md §1.3).
    url.searchParams.set(name, typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));
  }
  return url.toString();
}

/**
 * `/files/{id}` with the id encoded, so an odd id can never change the path: `.` and `..` (which
 * URL resolution would collapse: `/files/..` is `GET /`), empty ids and ids that cannot be
 * encoded (lone surrogates) are refused. The contract only lets UUIDs in from the page; this also
 * covers ids read from Ouro's own answers.
 */
export function pathOf(template: TemplateStringsArray, ...ids: string[]): string {
  const segment = (id: string | undefined): string => {
    if (!id || id === '.' || id === '..') throw badId();
    try {
      return encodeURIComponent(id);
    } catch {
      throw badId();
    }
  };
  return template.reduce((out, part, i) => out + part + (i < ids.length ? segment(ids[i]) : ''), '');
}

function badId(): AppError {
  return new AppError({ kind: 'invalid-input', message: 'Not a valid Ouro id' });
}

/**
 * Header values must be Latin-1 for fetch, and a key name is user-chosen text: keep printable
 * ASCII as is and percent-encode anything else rather than let fetch throw.
 */
export function headerSafe(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : encodeURIComponent(value);
}

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError({ kind: 'internal', message: 'Unexpected error in the Ouro client' }, { cause: error });
}

function scrubError(error: AppError, secrets: readonly string[]): AppError {
  const message = scrub(error.message, secrets);
  const issues = error.issues?.map((issue) => scrub(issue, secrets));
  const changed = message !== error.message || issues?.some((issue, i) => issue !== error.issues?.[i]);
  if (!changed) return error;
  return new AppError({ ...error.toData(), message, ...(issues ? { issues } : {}) }, { cause: error.cause });
}

export function createHttp(deps: HttpDeps): Http {
  const agent = `ouro-desktop/${deps.appVersion}`;

  function headersFor(request: HttpRequest, credentials: Credentials | undefined): Record<string, string> {
    const headers: Record<string, string> = {
      Accept: request.accept ?? 'application/json',
      'User-Agent': agent,
      'X-Ouro-Client': agent,
    };
    if (credentials) {
      headers['Authorization'] = credentials.token;
      if (credentials.keyName) headers['X-Ouro-Key-Name'] = headerSafe(credentials.keyName);
    }
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    return headers;
  }

  async function readText(response: Response, attempt: Attempt): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw attempt.abortError ?? transportError(error, 'Reading the answer');
    }
  }

  /** One attempt. `state.retryAfterMs` is left for the retry loop to read. */
  async function attemptOnce<T>(
    request: HttpRequest,
    credentials: Credentials | undefined,
    consume: (response: Response, attempt: Attempt, facts: ResponseFacts) => Promise<T>,
    streaming: boolean,
    state: { retryAfterMs?: number | undefined },
  ): Promise<T> {
    const attempt = new Attempt(request.signal);
    const started = Date.now();
    attempt.startTimer('connect', deps.timeouts.connectMs, 'response');
    // Streamed bodies are bounded by the idle timer instead (see TimeoutOptions.idleMs).
    if (!streaming) attempt.startTimer('total', deps.timeouts.totalMs, 'request');
    let response: Response | undefined;
    try {
      if (attempt.abortError) throw attempt.abortError;
      const init: RequestInit = { method: request.method, headers: headersFor(request, credentials), signal: attempt.signal, redirect: 'follow' };
      if (request.body !== undefined) init.body = JSON.stringify(request.body);
      try {
        response = await deps.fetch(buildUrl(deps.baseUrl, request.path, request.query), init);
      } catch (error) {
        throw attempt.abortError ?? transportError(error, 'Connecting to Ouro');
      }
      attempt.stopTimer('connect');
      const requestId = response.headers.get('x-request-id') ?? undefined;
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.clock.now());
      state.retryAfterMs = retryAfterMs;
      const facts: ResponseFacts = { status: response.status };
      if (requestId) facts.requestId = requestId;
      if (retryAfterMs !== undefined) facts.retryAfterSeconds = retryAfterMs / 1000;
      const contentType = response.headers.get('content-type');
      if (contentType) facts.contentType = contentType;
      deps.log?.debug(`${request.method} ${request.path} → ${response.status} (${Date.now() - started} ms)`);
      if (!response.ok) {
        if (streaming) attempt.startTimer('total', deps.timeouts.totalMs, 'request');
        throw httpError(await readText(response, attempt), facts);
      }
      return await consume(response, attempt, facts);
    } catch (error) {
      // Drop whatever is left of the body so the connection is released.
      response?.body?.cancel().catch(() => undefined);
      // A caller abort or a timeout explains any secondary error it caused.
      throw attempt.abortError ?? error;
    } finally {
      attempt.dispose();
    }
  }

  async function run<T>(
    request: HttpRequest,
    consume: (response: Response, attempt: Attempt, facts: ResponseFacts) => Promise<T>,
    streaming = false,
  ): Promise<T> {
    const idempotent = request.idempotent ?? request.method === 'GET';
    const secrets = (): string[] => [...(request.secrets ?? []), ...(deps.session?.secrets() ?? []), ...(request.credentials ? [request.credentials.token] : [])];
    let retries = 0;
    let renewed = false;
    let credentials: Credentials | undefined = request.credentials;
    try {
      for (;;) {
        if (request.signal?.aborted) throw cancelledError();
        // After a renewal the renewed token stays in use: re-exchanges are limited to one per call.
        if (!request.credentials && deps.session && !renewed) credentials = await deps.session.current(request.signal);
        const state: { retryAfterMs?: number | undefined } = {};
        let failure: AppError;
        try {
          return await attemptOnce(request, credentials, consume, streaming, state);
        } catch (error) {
          failure = toAppError(error);
        }
        if (failure.kind === 'cancelled') throw failure;
        if (failure.kind === 'unauthorized' && deps.session && !request.credentials && credentials) {
          if (!renewed) {
            // Tokens can be revoked or expire early: exchange once more and repeat the request.
            // Safe even for creates, since a 401 means the server did nothing.
            renewed = true;
            deps.log?.info(`${request.method} ${request.path}: 401, exchanging the key again`);
            // A refusal of the key itself surfaces here, from /users/get-token (session.ts).
            credentials = await deps.session.renew(credentials, request.signal);
            continue;
          }
          throw unauthorizedAfterExchange(failure);
        }
        if (idempotent && isRetryableCall(failure) && retries < deps.retry.maxRetries) {
          const delay = retryDelay(retries, state.retryAfterMs, deps.retry, deps.random);
          retries++;
          deps.log?.warn(`${request.method} ${request.path}: ${failure.kind}${failure.status ? ` ${failure.status}` : ''}, retry ${retries} of ${deps.retry.maxRetries} in ${delay} ms`);
          deps.onRetry?.({ kind: failure.kind, delayMs: delay, attempt: retries, ...(failure.status ? { status: failure.status } : {}) });
          try {
            await deps.clock.sleep(delay, request.signal);
          } catch {
            throw cancelledError();
          }
          continue;
        }
        throw failure;
      }
    } catch (error) {
      throw scrubError(toAppError(error), secrets());
    }
  }

  const http: Http = {
    json(request, options) {
      const envelope = options?.envelope ?? true;
      return run(request, async (response, attempt, facts) => {
        const text = await readText(response, attempt);
        if (envelope) return { body: readEnvelope(text, facts), facts };
        const body = parseJson(text);
        if (!isRecord(body)) {
          throw new AppError({ kind: 'invalid-response', message: 'Ouro answered with something that is not a JSON object', status: facts.status, ...(facts.requestId ? { requestId: facts.requestId } : {}) });
        }
        return { body, facts };
      });
    },
    async data(request, schema) {
      const { body, facts } = await http.json(request);
      return validate(schema, body['data'], 'data', facts);
    },
    stream(request, consume) {
      return run(
        request,
        (response, attempt, facts) =>
          consume(response, {
            signal: attempt.signal,
            facts,
            touch: () => attempt.startTimer('idle', deps.timeouts.idleMs, 'download'),
            abortError: () => attempt.abortError,
          }),
        true,
      );
    },
  };
  return http;
}
