// The one request core every Ouro call goes through — JSON calls, streamed downloads and streamed
// upload bodies: URL and headers, auth from the session, timeouts, classification of every failure
// into an AppError, one re-exchange after a 401, retries with backoff, and scrubbing of secrets.
import type { z } from 'zod';
import { AppError } from '../../shared/app-error';
import { Attempt } from './abort';
import { buildUrl, headerSafe } from './urls';
import { createRequestLoop, type AttemptState, type Policy } from './request-loop';
import { type Envelope, type ResponseFacts, httpError, parseJson, readEnvelope, responseFacts, validate } from './envelope';
import { isRecord, transportError } from './errors';
import { isRetryableCall, isTransient } from '../../shared/error-kinds';
import type { BodyWriter } from './body-writer';
import { createBodyTransport, type BodyResponse, type SendBody } from './body-transport';
import type { Session } from './session';
import type { Clock, Credentials, OuroLogger, RetryInfo, RetryOptions, TimeoutOptions } from './types';

import type { Query } from './urls';
export { buildUrl, headerSafe, pathOf, type Query, type QueryValue } from './urls';

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

  const run = createRequestLoop(deps);

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
