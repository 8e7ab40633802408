// The page keeps its copy of the queue from deltas: the next in sequence is applied, an old one
// ignored, and a gap (a missed delta) or a resync asks for the snapshot again.
import { describe, expect, it } from 'vitest';
import { applyDelta, replay } from '../../../renderer/src/uploads/apply-delta';
import type { UploadItem, UploadsDelta, UploadsSnapshot } from '../../../shared/uploads';

const item = (id: string, state: UploadItem['state'] = 'queued', bytesSent = 0): UploadItem => ({
  id,
  name: `${id}.bin`,
  kind: 'file',
  size: 100,
  state,
  bytesSent,
  bytesPerSecond: null,
  secondsLeft: null,
  createdAt: 1,
});
const header = { paused: null, concurrency: 3, waiting: [] };
const snapshot: UploadsSnapshot = { seq: 4, items: [item('a'), item('b'), item('c')], ...header };
const delta = (seq: number, items: UploadItem[], removed: string[] = [], extra: Partial<UploadsDelta> = {}): UploadsDelta => ({ seq, items, removed, ...header, ...extra });

describe('applyDelta', () => {
  it('replaces changed items in place, appends new ones, removes gone ones, takes the header', () => {
    const outcome = applyDelta(snapshot, delta(5, [item('b', 'uploading', 40), item('d')], ['a'], { waiting: [{ account: 'alice at x', count: 2 }] }));
    expect(outcome.kind).toBe('applied');
    if (outcome.kind !== 'applied') return;
    expect(outcome.snapshot.items.map((i) => [i.id, i.state, i.bytesSent])).toEqual([
      ['b', 'uploading', 40],
      ['c', 'queued', 0],
      ['d', 'queued', 0],
    ]);
    expect(outcome.snapshot).toMatchObject({ seq: 5, waiting: [{ account: 'alice at x', count: 2 }] });
  });

  it('ignores what it already has; a gap or a resync means re-reading the snapshot', () => {
    expect(applyDelta(snapshot, delta(4, [item('a', 'done')]))).toEqual({ kind: 'ignore' });
    expect(applyDelta(snapshot, delta(7, [item('a', 'done')]))).toEqual({ kind: 'refetch' });
    expect(applyDelta(snapshot, delta(5, [], [], { resync: true }))).toEqual({ kind: 'refetch' });
  });

  it('deltas that arrive while the snapshot is read are replayed on top of it, in order', () => {
    const result = replay(snapshot, [delta(6, [item('a', 'done')]), delta(4, [item('x')]), delta(5, [item('a', 'uploading', 50)])]);
    expect(result.stale).toBe(false);
    expect(result.snapshot.seq).toBe(6);
    expect(result.snapshot.items[0]?.state).toBe('done');
    expect(replay(snapshot, [delta(6, [])]).stale).toBe(true);
  });
});
