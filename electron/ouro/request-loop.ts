// The loop around every attempt of every call (JSON, download or streamed body): the session's
// token, one re-exchange after a 401 (only /users/get-token refusing the key signs out, in
// session.ts), retries with backoff under the call's policy, and secrets scrubbed from whatever
// fails, including what onRetry hears.
import { AppError, isAppError } from '../../shared/app-error';
import { cancelledError, scrub, unauthorizedAfterExchange } from './errors';
import { retryDelay } from './retry';
import type { Session } from './session';
import type { Credentials, OuroLogger, RetryOptions } from './types';

export type AttemptState = { retryAfterMs?: number | undefined };
/** What the loop needs of a call: its name for the log, its own credentials and secrets, its signal. */
export interface CallShape {
  method: string;
  path: string;
  /** Explicit credentials (verifying a key): no session token, no re-exchange. */
  credentials?: Credentials | undefined;
  secrets?: readonly string[] | undefined;
  signal?: AbortSignal | undefined;
}

export interface Policy {
  retryable(failure: AppError): boolean;
  retry: Required<RetryOptions>;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  onRetry(failure: AppError, delayMs: number, attempt: number): void;
}

export interface RequestLoopDeps {
  session?: Session;
  log?: OuroLogger;
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

export function createRequestLoop(deps: RequestLoopDeps) {
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
  return run;
}
