// The one request core every Ouro call goes through — JSON calls, streamed downloads and streamed
// upload bodies: URL and headers, auth from the session, timeouts, classification of every failure
// into an AppError, one re-exchange after a 401, retries with backoff, and scrubbing of secrets.
import type { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import { Attempt } from './abort';
import { type Envelope, type ResponseFacts, httpError, parseJson, readEnvelope, responseFacts, validate } from './envelope';
import { cancelledError, isRecord, scrub, transportError, unauthorizedAfterExchange } from './errors';
import { isRetryableCall, isTransient } from '../../shared/error-kinds';
import type { BodyWriter } from './body-writer';
import { createBodyTransport, type BodyResponse, type SendBody } from './body-transport';
import { retryDelay } from './retry';
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

/** A request whose body is streamed from a writer (an upload), and what the caller hears of it. */
export interface BodyCall {
  method: 'POST' | 'PUT';
  path: string;
  body: BodyWriter;
  signal: AbortSignal;
  /** Source bytes sent in the current attempt (back to 0 when a retry sends the body again). */
  onProgress?(sent: number): void;
  /** Before each retry; replaces the client's own onRetry for this call. */
  onRetry?(error: AppError, delayMs: number): void;
  /** Retry policy for this call (uploads keep trying longer than a JSON call), and its clock. */
  retry?: Required<RetryOptions>;
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  random?(): number;
  inFlightChunks?: number;
  idleTimeoutMs?: number;
}

export interface Http {
  /** The whole JSON body. With `envelope` (default) a truthy `error` in a 2xx body is a failure. */
  json(request: HttpRequest, options?: { envelope?: boolean }): Promise<JsonResult>;
  /** `data` of the envelope, validated against a lenient schema. */
  data<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.output<S>>;
  /** A 2xx response handed to `consume` inside the retry loop (for streamed downloads). */
  stream<T>(request: HttpRequest, consume: (response: Response, context: StreamContext) => Promise<T>): Promise<T>;
  /**
   * Streams `call.body` (sent again from the start on every retry) and returns Ouro's envelope.
   * Retried on any transient failure, 500 included: both bodies sent this way are safe to repeat
   * (an upload names a new object each time; a content replacement writes the same bytes again).
   */
  sendBody(call: BodyCall): Promise<JsonResult>;
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
  /** How streamed bodies are sent (node:http(s) through the host's proxy and CA agent). */
  sendBody?: SendBody;
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

type AttemptState = { retryAfterMs?: number | undefined };
type CallShape = Pick<HttpRequest, 'method' | 'path' | 'credentials' | 'secrets' | 'signal'>;

interface Policy {
  retryable(failure: AppError): boolean;
  retry: Required<RetryOptions>;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  onRetry(failure: AppError, delayMs: number, attempt: number): void;
}

export function createHttp(deps: HttpDeps): Http {
  const agent = `ouro-desktop/${deps.appVersion}`;

  /** The headers every request carries: who is calling, and the session's token. */
  function headersFor(accept: string | undefined, credentials: Credentials | undefined): Record<string, string> {
    const headers: Record<string, string> = { Accept: accept ?? 'application/json', 'User-Agent': agent, 'X-Ouro-Client': agent };
    if (credentials) {
      headers['Authorization'] = credentials.token;
      if (credentials.keyName) headers['X-Ouro-Key-Name'] = headerSafe(credentials.keyName);
    }
    return headers;
  }

  async function readText(response: Response, attempt: Attempt): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw attempt.abortError ?? transportError(error, 'Reading the answer');
    }
  }

  /** One fetch attempt. `state.retryAfterMs` is left for the retry loop to read. */
  async function attemptOnce<T>(
    request: HttpRequest,
    credentials: Credentials | undefined,
    consume: (response: Response, attempt: Attempt, facts: ResponseFacts) => Promise<T>,
    streaming: boolean,
    state: AttemptState,
  ): Promise<T> {
    const attempt = new Attempt(request.signal);
    const started = Date.now();
    attempt.startTimer('connect', deps.timeouts.connectMs, 'response');
    // Streamed bodies are bounded by the idle timer instead (see TimeoutOptions.idleMs).
    if (!streaming) attempt.startTimer('total', deps.timeouts.totalMs, 'request');
    let response: Response | undefined;
    try {
      if (attempt.abortError) throw attempt.abortError;
      const headers = headersFor(request.accept, credentials);
      if (request.body !== undefined) headers['Content-Type'] = 'application/json';
      const init: RequestInit = { method: request.method, headers, signal: attempt.signal, redirect: 'follow' };
      if (request.body !== undefined) init.body = JSON.stringify(request.body);
      try {
        response = await deps.fetch(buildUrl(deps.baseUrl, request.path, request.query), init);
      } catch (error) {
        throw attempt.abortError ?? transportError(error, 'Connecting to Ouro');
      }
      attempt.stopTimer('connect');
      const { facts, retryAfterMs } = responseFacts(response.status, (name) => response?.headers.get(name), deps.clock.now());
      state.retryAfterMs = retryAfterMs;
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

  /** The policy of a JSON call or download: idempotent ones retry gateway and network failures. */
  function callPolicy(request: HttpRequest): Policy {
    const idempotent = request.idempotent ?? request.method === 'GET';
    return {
      retryable: (failure) => idempotent && isRetryableCall(failure),
      retry: deps.retry,
      sleep: deps.clock.sleep,
      random: deps.random,
      onRetry: (failure, delayMs, attempt) =>
        deps.onRetry?.({ kind: failure.kind, delayMs, attempt, ...(failure.status ? { status: failure.status } : {}) }),
    };
  }

  /**
   * The loop around every attempt: the session's token, one re-exchange after a 401, retries
   * with backoff under `policy`, and secrets scrubbed from whatever fails.
   */
  async function run<T>(request: CallShape, policy: Policy, once: (credentials: Credentials | undefined, state: AttemptState) => Promise<T>): Promise<T> {
    const secrets = (): string[] => [...(request.secrets ?? []), ...(deps.session?.secrets() ?? []), ...(request.credentials ? [request.credentials.token] : [])];
    let retries = 0;
    let renewed = false;
    let credentials: Credentials | undefined = request.credentials;
    try {
      for (;;) {
        if (request.signal?.aborted) throw cancelledError();
        // After a renewal the renewed token stays in use: re-exchanges are limited to one per call.
        if (!request.credentials && deps.session && !renewed) credentials = await deps.session.current(request.signal);
        const state: AttemptState = {};
        let failure: AppError;
        try {
          return await once(credentials, state);
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
          // A 401 after a good exchange is Ouro contradicting itself: a server fault.
          failure = unauthorizedAfterExchange(failure);
        }
        if (policy.retryable(failure) && retries < policy.retry.maxRetries) {
          const delay = retryDelay(retries, state.retryAfterMs, policy.retry, policy.random);
          retries++;
          deps.log?.warn(`${request.method} ${request.path}: ${failure.kind}${failure.status ? ` ${failure.status}` : ''}, retry ${retries} of ${policy.retry.maxRetries} in ${delay} ms`);
          policy.onRetry(scrubError(failure, secrets()), delay, retries);
          try {
            await policy.sleep(delay, request.signal);
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

  const sendBody = deps.sendBody ?? createBodyTransport();

  /** One attempt at a streamed body. */
  async function bodyOnce(call: BodyCall, credentials: Credentials | undefined, state: AttemptState): Promise<JsonResult> {
    call.onProgress?.(0);
    const started = Date.now();
    const response: BodyResponse = await sendBody({
      url: buildUrl(deps.baseUrl, call.path),
      method: call.method,
      headers: headersFor(undefined, credentials),
      body: call.body,
      signal: call.signal,
      ...(call.onProgress ? { onProgress: call.onProgress } : {}),
      ...(call.inFlightChunks ? { inFlightChunks: call.inFlightChunks } : {}),
      ...(call.idleTimeoutMs ? { idleTimeoutMs: call.idleTimeoutMs } : {}),
    });
    const header = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const { facts, retryAfterMs } = responseFacts(response.status, header, deps.clock.now());
    state.retryAfterMs = retryAfterMs;
    deps.log?.debug(`${call.method} ${call.path} → ${response.status} (${Date.now() - started} ms)`);
    if (response.status < 200 || response.status >= 300) throw httpError(response.text, facts);
    return { body: readEnvelope(response.text, facts), facts };
  }

  const http: Http = {
    json(request, options) {
      const envelope = options?.envelope ?? true;
      const consume = async (response: Response, attempt: Attempt, facts: ResponseFacts): Promise<JsonResult> => {
        const text = await readText(response, attempt);
        if (envelope) return { body: readEnvelope(text, facts), facts };
        const body = parseJson(text);
        if (!isRecord(body)) {
          throw new AppError({ kind: 'invalid-response', message: 'Ouro answered with something that is not a JSON object', status: facts.status, ...(facts.requestId ? { requestId: facts.requestId } : {}) });
        }
        return { body, facts };
      };
      return run(request, callPolicy(request), (credentials, state) => attemptOnce(request, credentials, consume, false, state));
    },
    async data(request, schema) {
      const { body, facts } = await http.json(request);
      return validate(schema, body['data'], 'data', facts);
    },
    stream(request, consume) {
      const toContext = (response: Response, attempt: Attempt, facts: ResponseFacts) =>
        consume(response, {
          signal: attempt.signal,
          facts,
          touch: () => attempt.startTimer('idle', deps.timeouts.idleMs, 'download'),
          abortError: () => attempt.abortError,
        });
      return run(request, callPolicy(request), (credentials, state) => attemptOnce(request, credentials, toContext, true, state));
    },
    sendBody(call) {
      const policy: Policy = {
        retryable: isTransient,
        retry: call.retry ?? deps.retry,
        sleep: call.sleep ?? deps.clock.sleep,
        random: call.random ?? deps.random,
        onRetry: (failure, delayMs) => call.onRetry?.(failure, delayMs),
      };
      return run(call, policy, (credentials, state) => bodyOnce(call, credentials, state));
    },
  };
  return http;
}
