// Polls Ouro's unread count while signed in and online: a steady interval, a growing backoff after
// failures (never the client's own retries, which would stack on top), nothing while offline.
// When the count changes it fetches the unread notifications to find the new ones; the backlog
// found at start is remembered, never announced.
import { isAppError } from '../../shared/app-error';
import type { NotificationRow } from '../../shared/notifications';
import type { Logger } from '../log';
import type { NotificationsApi } from '../ouro/notifications';
import { toNotificationRow } from './notification-rows';

export const DEFAULT_POLL_INTERVAL_MS = 60_000;
const DEFAULT_MAX_BACKOFF_MS = 15 * 60_000;
/** How many unread notifications one poll looks at for new ones. */
const NEW_PAGE = 20;
/** Ids remembered as seen; older ones are long read or off the first page anyway. */
const SEEN_MAX = 500;

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (run, ms) => {
    const handle = setTimeout(run, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PollerDeps {
  /** The signed-in account's notifications; throws `not-signed-in` when there is none. */
  api(): NotificationsApi;
  intervalMs?: number;
  maxBackoffMs?: number;
  timers?: Timers;
  /** The count changed (null: unknown, e.g. signed out). */
  onUnread(count: number | null): void;
  /** Unread notifications that arrived since the last poll, newest first. */
  onNew(rows: NotificationRow[]): void;
  log: Logger;
}

export interface NotificationPoller {
  /** Signed in and online: poll now, then every interval. */
  resume(): void;
  /** Offline: no polls until resumed (the last count stays). */
  pause(): void;
  /** Signed out: stop and forget the count and what was seen. */
  reset(): void;
  unread(): number | null;
  /** Opened (so read) here: the count drops now rather than at the next poll. */
  markedRead(id: string): void;
  /** One poll now (also what the timer runs). */
  pollNow(): Promise<void>;
  /** The delay before the next poll, or null when none is scheduled (for tests). */
  nextDelayMs(): number | null;
}

export function createNotificationPoller(deps: PollerDeps): NotificationPoller {
  const interval = deps.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const maxBackoff = Math.max(interval, deps.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS);
  const timers = deps.timers ?? realTimers;
  let running = false;
  let timer: unknown;
  let nextDelay: number | null = null;
  let failures = 0;
  let unread: number | null = null;
  let primed = false;
  let generation = 0;
  const seen = new Set<string>();
  const read = new Set<string>();
  /** The poll running now, and the account generation it belongs to. */
  let inFlight: { generation: number; done: Promise<void> } | undefined;

  const setUnread = (count: number | null) => {
    if (count === unread) return;
    unread = count;
    deps.onUnread(count);
  };

  const remember = (id: string) => {
    seen.delete(id);
    seen.add(id);
    while (seen.size > SEEN_MAX) seen.delete(seen.values().next().value as string);
  };

  const schedule = (ms: number) => {
    if (timer !== undefined) timers.clear(timer);
    nextDelay = ms;
    timer = timers.set(() => {
      timer = undefined;
      nextDelay = null;
      void poll();
    }, ms);
  };

  const stopTimer = () => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    nextDelay = null;
  };

  async function pollOnce(mine: number): Promise<void> {
    try {
      const api = deps.api();
      const count = await api.unreads({ retry: false });
      if (mine !== generation) return;
      const changed = count !== unread;
      setUnread(count);
      if (count > 0 && (changed || !primed)) {
        const page = await api.list({ unreadOnly: true, limit: NEW_PAGE, retry: false });
        if (mine !== generation) return;
        const rows = page.items.map(toNotificationRow).filter((row) => !row.read && !read.has(row.id));
        const fresh = primed ? rows.filter((row) => !seen.has(row.id)) : [];
        for (const row of rows) remember(row.id);
        if (fresh.length) deps.onNew(fresh);
      }
      primed = true;
      failures = 0;
      if (running) schedule(interval);
    } catch (error) {
      if (mine !== generation || !running) return;
      if (isAppError(error) && (error.kind === 'not-signed-in' || error.kind === 'unauthorized')) {
        // The account is on its way out; its events resume polling after the next sign-in.
        running = false;
        stopTimer();
        return;
      }
      failures += 1;
      const backoff = Math.min(maxBackoff, interval * 2 ** failures);
      const asked = isAppError(error) && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
      deps.log.debug(`Notifications poll failed (${isAppError(error) ? error.kind : 'error'}); next in ${Math.max(backoff, asked)} ms`);
      schedule(Math.min(maxBackoff, Math.max(backoff, asked)));
    }
  }

  /**
   * One poll at a time. A poll still running for the previous account (reset meanwhile) is not
   * joined — its answer is dropped — so the new account's first poll follows right after it.
   */
  function poll(): Promise<void> {
    const mine = generation;
    if (inFlight?.generation === mine) return inFlight.done;
    const before = inFlight?.done ?? Promise.resolve();
    const done: Promise<void> = before.then(() => pollOnce(mine)).finally(() => {
      if (inFlight?.done === done) inFlight = undefined;
    });
    inFlight = { generation: mine, done };
    return done;
  }

  return {
    resume() {
      if (running) return;
      running = true;
      void poll();
    },
    pause() {
      running = false;
      stopTimer();
    },
    reset() {
      running = false;
      generation += 1;
      stopTimer();
      seen.clear();
      read.clear();
      primed = false;
      failures = 0;
      setUnread(null);
    },
    unread: () => unread,
    markedRead(id) {
      if (read.has(id)) return;
      read.add(id);
      while (read.size > SEEN_MAX) read.delete(read.values().next().value as string);
      remember(id);
      if (unread !== null && unread > 0) setUnread(unread - 1);
    },
    pollNow: poll,
    nextDelayMs: () => nextDelay,
  };
}
