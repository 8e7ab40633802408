// The sync folders' words and the page's cache: status lines, the tray's summary, and deltas
// folded into the cached list.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { emptyActivity, syncStatusText, syncSummary, type SyncFolderView } from '../../../shared/sync';
import { applySyncDelta, syncKey } from '../../../renderer/src/sync/queries';

const folder = (id: string, status: SyncFolderView['status']): SyncFolderView => ({
  id,
  name: id,
  path: `/data/${id}`,
  destination: { visibility: 'private' },
  mirrorDeletions: false,
  ignore: [],
  status,
  synced: 0,
  pendingDeletes: null,
  activity: emptyActivity(),
});

describe('sync status words', () => {
  it('says what each state means', () => {
    expect(syncStatusText({ state: 'up-to-date' })).toBe('Up to date');
    expect(syncStatusText({ state: 'syncing', done: 2, total: 12 })).toBe('Uploading 3 of 12');
    expect(syncStatusText({ state: 'paused', reason: 'offline' })).toBe('Paused — offline');
    expect(syncStatusText({ state: 'paused', reason: 'sign-in' })).toBe('Paused — sign in again');
    expect(syncStatusText({ state: 'error', failed: 2, error: { kind: 'rate-limited', message: 'slow down' } })).toMatch(/^2 files not uploaded: /);
  });

  it('sums folders up for the Uploads tray', () => {
    expect(syncSummary([])).toBeNull();
    expect(syncSummary([folder('a', { state: 'up-to-date' })])).toBe('Sync: up to date');
    expect(syncSummary([folder('a', { state: 'syncing', done: 0, total: 3 }), folder('b', { state: 'paused', reason: 'by-you' })])).toBe('Sync: uploading 1 of 3, 1 paused');
  });
});

describe('sync deltas in the page cache', () => {
  it('replaces changed folders, appends new ones and drops removed ones', () => {
    const client = new QueryClient();
    client.setQueryData(syncKey, { folders: [folder('a', { state: 'starting' }), folder('b', { state: 'starting' })] });
    applySyncDelta(client, { folders: [folder('a', { state: 'up-to-date' }), folder('c', { state: 'scanning', checked: 0 })], removed: ['b'] });
    const data = client.getQueryData<{ folders: SyncFolderView[] }>(syncKey);
    expect(data?.folders.map((f) => [f.id, f.status.state])).toEqual([
      ['a', 'up-to-date'],
      ['c', 'scanning'],
    ]);
  });
});
