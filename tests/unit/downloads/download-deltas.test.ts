// The Downloads list's deltas: one pending update per item however often it changes, state
// changes on the next tick, byte counts no more often than the interval, removals sent as such,
// and only items the page may see (the signed-in account's) sent in full.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DownloadItem } from '../../../shared/actions';
import { createDownloadDeltas } from '../../../electron/downloads/download-deltas';

const item = (id: string) => ({ id, fileName: `${id}.bin` }) as DownloadItem;

function setup(visible = new Set(['a', 'b'])) {
  const sent: Array<{ upserted: DownloadItem[]; removed: string[] }> = [];
  const deltas = createDownloadDeltas({
    emit: ((event: string, payload: { upserted: DownloadItem[]; removed: string[] }) => {
      if (event === 'downloads:changed') sent.push(payload);
    }) as never,
    intervalMs: 100,
    view: (id) => (visible.has(id) ? item(id) : null),
  });
  return { sent, deltas };
}

describe('createDownloadDeltas', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces byte counts into one update per item, at most once per interval', () => {
    const { sent, deltas } = setup();
    deltas.flush();
    for (let i = 0; i < 50; i++) deltas.changed('a', false);
    deltas.changed('b', false);
    vi.advanceTimersByTime(99);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ upserted: [item('a'), item('b')], removed: [] }]);
  });

  it('sends a state change on the next tick, without waiting for the interval', () => {
    const { sent, deltas } = setup();
    deltas.flush();
    deltas.changed('a', false);
    deltas.changed('a', true);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([{ upserted: [item('a')], removed: [] }]);
  });

  it('sends removals, drops a pending update of a removed item, and never sends an item the page may not see', () => {
    const { sent, deltas } = setup(new Set(['a']));
    deltas.changed('a', true);
    deltas.changed('b', true);
    deltas.removed('a');
    deltas.flushRemovals();
    expect(sent).toEqual([{ upserted: [], removed: ['a'] }]);
    deltas.flushRemovals();
    vi.runAllTimers();
    expect(sent).toHaveLength(1);
  });

  it('sends nothing after dispose', () => {
    const { sent, deltas } = setup();
    deltas.changed('a', false);
    deltas.dispose();
    vi.runAllTimers();
    expect(sent).toEqual([]);
  });
});
