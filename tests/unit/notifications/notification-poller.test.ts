// The unread poller with a fake API and hand-driven timers: the interval, backoff after failures
// (and Retry-After), no polls while paused, new notifications announced but never the backlog,
// and nothing of one account's poll shown after another's has begun.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import type { NotificationRow } from '../../../shared/notifications';
import { createLogger } from '../../../electron/log';
import { createNotificationPoller, type Timers } from '../../../electron/notifications/notification-poller';
import type { NotificationsApi, OuroNotification } from '../../../electron/ouro/notifications';

function fakeTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    set: (run, ms) => {
      pending.set(++next, { run, ms });
      return next;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    timers,
    count: () => pending.size,
    /** Runs the one scheduled timer, returning its delay. */
    fire: () => {
      const [id, timer] = [...pending.entries()][0] ?? [];
      if (id === undefined || !timer) throw new Error('nothing scheduled');
      pending.delete(id);
      timer.run();
      return timer.ms;
    },
  };
}

function fakeApi() {
  const state = { unread: [] as OuroNotification[], failures: [] as AppError[], calls: [] as string[] };
  const api: NotificationsApi = {
    unreads: async (options) => {
      state.calls.push(`unreads retry=${String(options?.retry)}`);
      const failure = state.failures.shift();
      if (failure) throw failure;
      return state.unread.length;
    },
    list: async (params) => {
      state.calls.push(`list unreadOnly=${String(params?.unreadOnly)}`);
      return { items: [...state.unread].reverse(), hasMore: false, nextOffset: state.unread.length };
    },
    read: async (id) => ({ id, read: true }),
  };
  const add = (id: string, type = 'mention') => state.unread.push({ id, type, read: false, source_user: { username: 'bob' }, content: { text: `about ${id}` } });
  return { api, state, add };
}

async function setup(interval = 1_000) {
  const time = fakeTimers();
  const server = fakeApi();
  const counts: (number | null)[] = [];
  const announced: NotificationRow[][] = [];
  const poller = createNotificationPoller({
    api: () => server.api,
    intervalMs: interval,
    maxBackoffMs: 8_000,
    timers: time.timers,
    onUnread: (count) => counts.push(count),
    onNew: (rows) => announced.push(rows),
    log: createLogger({ write: () => {} }),
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { time, server, counts, announced, poller, settle };
}

describe('notification poller', () => {
  it('polls at once, then every interval, without the client’s own retries', async () => {
    const { poller, time, server, counts, settle } = await setup();
    server.add('n1');
    poller.resume();
    await settle();
    expect(counts).toEqual([1]);
    expect(poller.unread()).toBe(1);
    expect(server.state.calls).toEqual(['unreads retry=false', 'list unreadOnly=true']);
    expect(poller.nextDelayMs()).toBe(1_000);
    time.fire();
    await settle();
    // Same count: no list fetched again.
    expect(server.state.calls.slice(2)).toEqual(['unreads retry=false']);
  });

  it('announces new notifications, never the backlog found at the first poll', async () => {
    const { poller, time, server, announced, settle } = await setup();
    server.add('old-1');
    server.add('old-2');
    poller.resume();
    await settle();
    expect(announced).toEqual([]);
    server.add('new-1', 'comment');
    time.fire();
    await settle();
    expect(announced).toHaveLength(1);
    expect(announced[0]?.map((row) => [row.id, row.kind, row.title])).toEqual([['new-1', 'comment', 'bob commented on something']]);
    time.fire();
    await settle();
    expect(announced).toHaveLength(1);
  });

  it('backs off after failures, doubling up to the ceiling, honours Retry-After, and recovers', async () => {
    const { poller, time, server, settle } = await setup();
    server.state.failures.push(
      new AppError({ kind: 'server', message: '503' }),
      new AppError({ kind: 'network', message: 'down' }),
      new AppError({ kind: 'server', message: '503' }),
      new AppError({ kind: 'server', message: '503' }),
      new AppError({ kind: 'rate-limited', message: '429', retryAfterSeconds: 7 }),
    );
    poller.resume();
    await settle();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      delays.push(poller.nextDelayMs() ?? -1);
      time.fire();
      await settle();
    }
    expect(delays).toEqual([2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(poller.nextDelayMs()).toBe(1_000);
  });

  it('waits as long as a 429 asks when that is longer than its own backoff', async () => {
    const { poller, server, settle } = await setup();
    server.state.failures.push(new AppError({ kind: 'rate-limited', message: '429', retryAfterSeconds: 5 }));
    poller.resume();
    await settle();
    expect(poller.nextDelayMs()).toBe(5_000);
  });

  it('does not poll while paused (offline), and polls at once when resumed', async () => {
    const { poller, time, server, settle } = await setup();
    poller.resume();
    await settle();
    poller.pause();
    expect(time.count()).toBe(0);
    const calls = server.state.calls.length;
    await settle();
    expect(server.state.calls.length).toBe(calls);
    poller.resume();
    await settle();
    expect(server.state.calls.length).toBe(calls + 1);
    expect(time.count()).toBe(1);
  });

  it('stops when the account is refused or gone, and forgets everything at reset', async () => {
    const { poller, time, server, counts, settle } = await setup();
    server.add('n1');
    poller.resume();
    await settle();
    server.state.failures.push(new AppError({ kind: 'unauthorized', message: 'refused' }));
    time.fire();
    await settle();
    expect(time.count()).toBe(0);
    poller.reset();
    expect(poller.unread()).toBeNull();
    expect(counts.at(-1)).toBeNull();
  });

  it('another account: a poll still running for the last one is dropped, and the new one is polled right after', async () => {
    const { poller, server, counts, announced, settle } = await setup();
    let release: (count: number) => void = () => {};
    server.api.unreads = () => new Promise<number>((resolve) => (release = resolve));
    poller.resume();
    // The account changes while its poll waits on Ouro.
    poller.reset();
    server.api.unreads = async () => 4;
    server.add('bobs-1');
    poller.resume();
    release(9);
    await settle();
    await settle();
    // The old account's 9 never shows; the new account's 4 does, without waiting an interval.
    expect(counts).not.toContain(9);
    expect(poller.unread()).toBe(4);
    expect(announced).toEqual([]);
    expect(poller.nextDelayMs()).toBe(1_000);
  });

  it('drops the count at once when one is opened here, once per notification', async () => {
    const { poller, server, counts, settle } = await setup();
    server.add('a');
    server.add('b');
    poller.resume();
    await settle();
    poller.markedRead('a');
    poller.markedRead('a');
    expect(counts).toEqual([2, 1]);
  });
});
