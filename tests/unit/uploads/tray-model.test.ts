// The Uploads tray's words and order: the summary line, failed first, done folding after a while,
// one status per row (a retry replaces speed and time left), and the attempt number.
import { describe, expect, it } from 'vitest';
import type { UploadItem } from '../../../shared/uploads';
import { foldDone, FOLD_DONE_AFTER_MS, orderForTray, summarize } from '../../../renderer/src/uploads/tray-model';
import { statusLine } from '../../../renderer/src/uploads/UploadRow';

let next = 0;
const item = (state: UploadItem['state'], fields: Partial<UploadItem> = {}): UploadItem => ({
  id: `u${++next}`,
  name: `file-${next}.bin`,
  kind: 'file',
  size: 10_000_000,
  state,
  bytesSent: 0,
  bytesPerSecond: null,
  secondsLeft: null,
  createdAt: next,
  ...fields,
});

describe('summarize', () => {
  it('says how far a batch is, what failed, and how fast it goes', () => {
    const items = [
      item('done'),
      item('done'),
      item('uploading', { bytesPerSecond: 21_000_000 }),
      item('uploading', { bytesPerSecond: 21_000_000 }),
      item('failed'),
      ...Array.from({ length: 7 }, () => item('queued')),
    ];
    expect(summarize(items, null)).toBe('Uploading 4 of 12 · 1 failed · 42 MB/s');
  });

  it('once nothing is left to do, counts what was uploaded and what failed', () => {
    expect(summarize([item('done'), item('done'), item('failed'), item('cancelled')], null)).toBe('2 uploaded · 1 failed · 1 cancelled');
    expect(summarize([], null)).toBe('No uploads');
  });

  it('leaves out the speed of an upload that is waiting to retry', () => {
    expect(summarize([item('uploading', { bytesPerSecond: 5_000_000, note: 'Retrying in 8 s (Ouro error 500)' })], null)).toBe('Uploading 1 of 1');
  });

  it('says when the queue is paused for a sign-in', () => {
    expect(summarize([item('queued'), item('queued')], 'sign-in')).toBe('Paused: 2 waiting to upload');
  });
});

describe('orderForTray', () => {
  it('puts failed first, then active, waiting, stopped, and done newest first', () => {
    const items = [item('done', { name: 'd1' }), item('queued', { name: 'q1' }), item('failed', { name: 'f1' }), item('uploading', { name: 'u1' }), item('cancelled', { name: 'c1' }), item('processing', { name: 'p1' }), item('failed', { name: 'f2' }), item('done', { name: 'd2' })];
    expect(orderForTray(items).map((i) => i.name)).toEqual(['f1', 'f2', 'u1', 'p1', 'q1', 'c1', 'd2', 'd1']);
  });
});

describe('foldDone', () => {
  it('folds uploads finished a while ago, and only those', () => {
    const old = item('done');
    const fresh = item('done');
    const failed = item('failed');
    const seen = new Map([
      [old.id, 0],
      [fresh.id, FOLD_DONE_AFTER_MS],
    ]);
    const { shown, folded } = foldDone([old, fresh, failed], seen, FOLD_DONE_AFTER_MS + 1);
    expect(folded).toEqual([old]);
    expect(shown).toEqual([fresh, failed]);
  });
});

describe('statusLine', () => {
  it('shows bytes, speed and time left while uploading', () => {
    expect(statusLine(item('uploading', { bytesSent: 4_000_000, bytesPerSecond: 2_000_000, secondsLeft: 3 }), 4_000_000)).toBe('4.0 MB of 10 MB · 2.0 MB/s · 3 s left');
  });

  it('while waiting to retry, shows only that (and the attempt), never speed or time left', () => {
    const waiting = item('uploading', { bytesSent: 0, bytesPerSecond: null, secondsLeft: null, note: 'Retrying in 8 s (Ouro error 500)', attempt: 2 });
    expect(statusLine(waiting, 6_000_000)).toBe('Retrying in 8 s (Ouro error 500) · attempt 2');
  });

  it('counts bytes from the most shown so far, with the attempt number', () => {
    expect(statusLine(item('uploading', { bytesSent: 1_000_000, attempt: 2 }), 6_000_000)).toBe('6.0 MB of 10 MB · attempt 2');
  });

  it('a finished dataset says how many rows were added and skipped', () => {
    // rowsSent counts rows Ouro acknowledged; rowsInserted those it says it added.
    expect(statusLine(item('done', { kind: 'dataset', rowsSent: 4873, rowsTotal: 4873, rowsInserted: 4870, rowsSkipped: 3 }), 0)).toBe('4,870 of 4,873 rows added — 3 skipped');
    expect(statusLine(item('done', { kind: 'dataset', rowsSent: 10, rowsTotal: 10, rowsInserted: 10 }), 0)).toBe('10 rows added');
    expect(statusLine(item('done', { kind: 'dataset', rowsSent: 10, rowsTotal: 10, rowsInserted: 10, ignoredColumns: ['extra'] }), 0)).toBe('10 rows added · 1 column ignored: extra');
  });
});
