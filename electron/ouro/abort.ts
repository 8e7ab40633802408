// Signal plumbing: one AbortController per attempt that fires on the caller's abort or on a
// timeout, remembering which, so the failure is classified `cancelled` vs `timeout`.
import { cancelledError, timeoutError } from './errors';
import type { AppError } from '../../shared/app-error';
import type { Clock } from './types';

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason as Error);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

type Phase = 'response' | 'request' | 'download';

/**
 * Timeouts use real timers, not the injected clock: the clock drives backoff and token expiry
 * (which tests fast-forward), while a timeout must bound real waiting on a real socket.
 */
export class Attempt {
  readonly controller = new AbortController();
  private reason: AppError | undefined;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly onCallerAbort = (): void => this.fail(cancelledError());

  constructor(private readonly callerSignal: AbortSignal | undefined) {
    if (callerSignal?.aborted) this.fail(cancelledError());
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the attempt was aborted, if it was. */
  get abortError(): AppError | undefined {
    return this.reason;
  }

  /** (Re)starts a named timer; `startTimer` with the same name replaces the previous one. */
  startTimer(name: string, ms: number, phase: Phase): void {
    this.stopTimer(name);
    if (!Number.isFinite(ms) || ms <= 0) return;
    const timer = setTimeout(() => this.fail(timeoutError(phase, ms)), ms);
    // A pending timeout must not keep a CLI or test process alive.
    if (typeof timer === 'object' && 'unref' in timer) timer.unref();
    this.timers.set(name, timer);
  }

  stopTimer(name: string): void {
    const timer = this.timers.get(name);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(name);
  }

  private fail(error: AppError): void {
    if (this.reason) return;
    this.reason = error;
    this.controller.abort(error);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }
}

/** Awaits `promise` but gives up with `cancelled` as soon as `signal` aborts (the work goes on). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
