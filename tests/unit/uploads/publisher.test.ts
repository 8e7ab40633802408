// However fast the queue changes, the page gets at most one `uploads:changed` per interval (a few
// a second), each a delta; nothing is sent when nothing changed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUploadPublisher } from '../../../electron/uploads/upload-publisher';
import type { UploadsDelta, UploadsSnapshot } from '../../../shared/uploads';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('upload publisher', () => {
  it('sends at most one delta per interval while changes pour in', () => {
    let pending = 0;
    let seq = 0;
    const sent: UploadsDelta[] = [];
    const publisher = createUploadPublisher({
      intervalMs: 200,
      hooks: {},
      emit: (_event, payload) => sent.push(payload as UploadsDelta),
      snapshot: () => ({ seq, items: [], paused: null, concurrency: 3, waiting: [] }) satisfies UploadsSnapshot,
      takeDelta: () => {
        if (pending === 0) return null;
        pending = 0;
        return { seq: ++seq, items: [], removed: [], paused: null, concurrency: 3, waiting: [] };
      },
    });
    // 2,000 items finishing over 2 s: a change every millisecond.
    for (let ms = 0; ms < 2_000; ms++) {
      pending++;
      publisher.changed(true);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(1_000);
    expect(sent.length).toBeGreaterThanOrEqual(9);
    expect(sent.length).toBeLessThanOrEqual(11);
    // Nothing changed: nothing sent.
    publisher.changed(false);
    vi.advanceTimersByTime(1_000);
    expect(sent.length).toBeLessThanOrEqual(11);
    publisher.dispose();
  });
});
