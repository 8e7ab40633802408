import { afterEach, describe, expect, it, vi } from 'vitest';
import { quitAfterCleanup, type QuittableApp } from '../../../electron/app/graceful-quit';

/** Electron's quit as far as before-quit goes: listeners may cancel it with preventDefault(). */
function fakeApp() {
  const listeners: Array<(event: { preventDefault(): void }) => void> = [];
  let quits = 0;
  const app: QuittableApp & { quitRequests(): { prevented: boolean }[] } = {
    on: (_event, listener) => listeners.push(listener),
    quit: () => {
      quits += 1;
      requests.push(fire());
    },
    quitRequests: () => requests,
  };
  const requests: { prevented: boolean }[] = [];
  const fire = () => {
    const outcome = { prevented: false };
    for (const listener of listeners) listener({ preventDefault: () => (outcome.prevented = true) });
    return outcome;
  };
  return { app, quitCount: () => quits };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

afterEach(() => vi.useRealTimers());

describe('quitting', () => {
  it('holds the first quit back until cleanup has finished, then quits for real', async () => {
    const { app } = fakeApp();
    const cleanup = deferred();
    const order: string[] = [];
    const info = vi.fn((message: string) => void order.push(message));
    quitAfterCleanup(app, {
      cleanup: async () => {
        order.push('cleanup started');
        await cleanup.promise;
        order.push('cleanup finished');
      },
      timeoutMs: 5_000,
      onCleanupStart: () => order.push('windows hidden'),
      log: { info, warn: vi.fn() },
    });
    app.quit();
    expect(app.quitRequests()).toEqual([{ prevented: true }]);
    await Promise.resolve();
    expect(order).toEqual(['windows hidden', 'cleanup started']);

    cleanup.resolve();
    await vi.waitFor(() => expect(app.quitRequests()).toHaveLength(2));
    expect(order).toEqual(['windows hidden', 'cleanup started', 'cleanup finished', 'Cleaned up; quitting']);
    // Our own second quit() goes through.
    expect(app.quitRequests()[1]).toEqual({ prevented: false });
  });

  it('a second quit request while cleaning is held too, and cleanup runs once', async () => {
    const { app, quitCount } = fakeApp();
    const cleanup = deferred();
    const run = vi.fn(() => cleanup.promise);
    quitAfterCleanup(app, { cleanup: run, timeoutMs: 5_000, log: { info: vi.fn(), warn: vi.fn() } });
    app.quit();
    app.quit();
    expect(app.quitRequests()).toEqual([{ prevented: true }, { prevented: true }]);
    cleanup.resolve();
    await vi.waitFor(() => expect(quitCount()).toBe(3));
    expect(run).toHaveBeenCalledOnce();
    expect(app.quitRequests()[2]).toEqual({ prevented: false });
  });

  it('quits anyway when cleanup takes longer than the time limit', async () => {
    vi.useFakeTimers();
    const { app } = fakeApp();
    const warn = vi.fn();
    quitAfterCleanup(app, { cleanup: () => new Promise<void>(() => {}), timeoutMs: 5_000, log: { info: vi.fn(), warn } });
    app.quit();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(app.quitRequests()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(app.quitRequests()).toEqual([{ prevented: true }, { prevented: false }]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('5000 ms'));
  });

  it('a failing cleanup is logged and the app still quits', async () => {
    const { app } = fakeApp();
    const warn = vi.fn();
    quitAfterCleanup(app, {
      cleanup: () => {
        throw new Error('disk full');
      },
      timeoutMs: 5_000,
      log: { info: vi.fn(), warn },
    });
    app.quit();
    await vi.waitFor(() => expect(app.quitRequests()).toHaveLength(2));
    expect(warn).toHaveBeenCalledWith('Cleanup before quitting failed', expect.any(Error));
  });
});
