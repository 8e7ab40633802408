// The signed-in session: one cached JWT for the stored key, refreshed 300 s before `exp`
// (ouro-py's buffer) or after a 401, with concurrent callers sharing a single exchange.
import { AppError, isAppError } from '../../shared/app-error';
import { isTransient } from '../../shared/error-kinds';
import { raceAbort } from './abort';
import type { Clock, Credentials, OuroLogger } from './types';

export const REFRESH_MARGIN_MS = 300_000;

export interface Session {
  /** A usable token, exchanging the key first when there is none or it is about to expire. */
  current(signal?: AbortSignal): Promise<Credentials>;
  /**
   * After a 401 with `failed`: exchange again (or join the exchange another caller started). Only
   * a refusal at the exchange itself calls onUnauthorized: a 401 elsewhere never signs anyone out.
   */
  renew(failed: Credentials, signal?: AbortSignal): Promise<Credentials>;
  /** Sign-out / key change: forget the token; exchanges already running will not repopulate it. */
  reset(): void;
  /** Values no error message may contain. */
  secrets(): string[];
}

export interface SessionDeps {
  exchange: (key: string) => Promise<Credentials>;
  getApiKey: () => string | null | Promise<string | null>;
  clock: Clock;
  onUnauthorized?: () => void;
  log?: OuroLogger;
}

export function createSession(deps: SessionDeps): Session {
  let cached: Credentials | undefined;
  let pending: Promise<Credentials> | undefined;
  let generation = 0;
  // Kept in memory only, so messages can be scrubbed of it; never logged or returned.
  let lastKey: string | undefined;

  const fresh = (c: Credentials): boolean => c.expMs === undefined || deps.clock.now() < c.expMs - REFRESH_MARGIN_MS;
  const unexpired = (c: Credentials): boolean => c.expMs === undefined || deps.clock.now() < c.expMs;

  function exchange(): Promise<Credentials> {
    if (pending) return pending;
    const gen = generation;
    const run = (async () => {
      // Pasted keys often carry a stray newline or space.
      const key = (await deps.getApiKey())?.trim();
      if (!key) throw new AppError({ kind: 'not-signed-in', message: 'No Ouro API key is stored' });
      lastKey = key;
      deps.log?.debug('Exchanging the API key for an access token');
      try {
        const credentials = await deps.exchange(key);
        if (gen === generation) cached = credentials;
        return credentials;
      } catch (error) {
        if (isAppError(error) && error.kind === 'unauthorized' && gen === generation) deps.onUnauthorized?.();
        throw error;
      }
    })();
    pending = run;
    // The exchange is shared and never tied to one caller's signal: one caller giving up must
    // not fail the others. Clearing `pending` lets the next call start a new one.
    run.then(
      () => {
        if (pending === run) pending = undefined;
      },
      () => {
        if (pending === run) pending = undefined;
      },
    );
    return run;
  }

  return {
    async current(signal) {
      const have = cached;
      if (have && fresh(have)) return have;
      if (have && unexpired(have)) {
        // Inside the refresh margin but still valid: if the early refresh fails for a transient
        // reason, the old token still works, so use it rather than fail the request.
        try {
          return await raceAbort(exchange(), signal);
        } catch (error) {
          if (isAppError(error) && isTransient(error)) {
            deps.log?.warn(`Early token refresh failed (${error.kind}); using the current token until it expires`);
            return have;
          }
          throw error;
        }
      }
      return raceAbort(exchange(), signal);
    },
    renew(failed, signal) {
      if (cached && cached.token !== failed.token && fresh(cached)) return Promise.resolve(cached);
      if (cached?.token === failed.token) cached = undefined;
      return raceAbort(exchange(), signal);
    },
    reset() {
      generation++;
      cached = undefined;
      pending = undefined;
      lastKey = undefined;
    },
    secrets() {
      const out: string[] = [];
      if (cached) out.push(cached.token);
      if (lastKey) out.push(lastKey);
      return out;
    },
  };
}
