// Main's events become cache state in one place: upload deltas apply in order (a gap or a resync
// has the queue read again); an upload that finishes refreshes only the asset lists (first page),
// never a dataset's row blocks; a sign-out or another account drops the account's data; a
// reconnected event stream has what events keep current read again.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { AccountState } from '../../../shared/account';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { UploadItem, UploadsDelta, UploadsSnapshot } from '../../../shared/uploads';
import { queryKeys } from '../../../renderer/src/queries/keys';
import { connectMainEvents } from '../../../renderer/src/queries/main-events';

function fakeBridge() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

const item = (id: string, state: UploadItem['state']): UploadItem => ({
  id,
  name: `${id}.bin`,
  kind: 'file',
  size: 10,
  state,
  bytesSent: 0,
  bytesPerSecond: null,
  secondsLeft: null,
  createdAt: 0,
});
const snapshot = (seq: number, ...items: UploadItem[]): UploadsSnapshot => ({ seq, items, paused: null, concurrency: 3, waiting: [] });
const delta = (seq: number, items: UploadItem[], extra: Partial<UploadsDelta> = {}): UploadsDelta => ({ seq, items, removed: [], paused: null, concurrency: 3, waiting: [], ...extra });

describe('connectMainEvents', () => {
  it('puts each event in its query and unsubscribes everything on dispose', () => {
    const queryClient = new QueryClient();
    const bridge = fakeBridge();
    const dispose = connectMainEvents(queryClient, bridge);
    bridge.emit('app:update-ready', { ready: true, version: '9.9.9' });
    bridge.emit('downloads:progress', { id: 'f1', bytes: 5, total: 10, done: false });
    bridge.emit('requests:retrying', { kind: 'rate-limited', retryInSeconds: 3 });
    expect(queryClient.getQueryData(queryKeys.app.update())).toEqual({ ready: true, version: '9.9.9' });
    expect(queryClient.getQueryData(queryKeys.downloads.progress('f1'))).toMatchObject({ bytes: 5 });
    expect(queryClient.getQueryData(queryKeys.notices.retrying())).toMatchObject({ kind: 'rate-limited', retryInSeconds: 3 });
    dispose();
    expect(bridge.count()).toBe(0);
  });

  it('a finished upload invalidates the asset lists and nothing else', () => {
    const queryClient = new QueryClient();
    const bridge = fakeBridge();
    connectMainEvents(queryClient, bridge);
    const listKey = queryKeys.assetLists.list({ section: 'datasets', scope: 'personal', sort: 'recent' });
    queryClient.setQueryData(listKey, { pages: [{ items: [] }], pageParams: [0] });
    queryClient.setQueryData(queryKeys.dataset.rows('d1', 0), { rows: [], hasMore: false });
    queryClient.setQueryData(queryKeys.dataset.record('d1'), { id: 'd1' });
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    queryClient.setQueryData(queryKeys.uploads.queue(), snapshot(0));
    bridge.emit('uploads:changed', delta(1, [item('u1', 'uploading')]));
    expect(invalidate).not.toHaveBeenCalled();
    bridge.emit('uploads:changed', delta(2, [item('u1', 'done')]));
    expect(queryClient.getQueryData(queryKeys.uploads.queue())).toEqual(snapshot(2, item('u1', 'done')));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate.mock.calls[0]?.[0]).toMatchObject({ queryKey: listKey, exact: true });
    expect(queryClient.getQueryState(queryKeys.dataset.rows('d1', 0))?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(queryKeys.dataset.record('d1'))?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);

    // The same done item again is not news, and an old delta is ignored.
    bridge.emit('uploads:changed', delta(3, [item('u1', 'done')]));
    bridge.emit('uploads:changed', delta(2, [item('u1', 'uploading')]));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(queryClient.getQueryData(queryKeys.uploads.queue())).toEqual(snapshot(3, item('u1', 'done')));
  });

  it('a missed delta, or main asking for a resync, has the queue read again rather than patched', () => {
    const queryClient = new QueryClient();
    const bridge = fakeBridge();
    connectMainEvents(queryClient, bridge);
    queryClient.setQueryData(queryKeys.uploads.queue(), snapshot(4, item('u1', 'queued')));
    bridge.emit('uploads:changed', delta(6, [item('u2', 'queued')]));
    expect(queryClient.getQueryState(queryKeys.uploads.queue())?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData(queryKeys.uploads.queue())).toEqual(snapshot(4, item('u1', 'queued')));

    queryClient.setQueryData(queryKeys.uploads.queue(), snapshot(6, item('u1', 'queued')));
    bridge.emit('uploads:changed', delta(7, [], { resync: true }));
    expect(queryClient.getQueryState(queryKeys.uploads.queue())?.isInvalidated).toBe(true);
  });

  it('after the event stream was interrupted, the account and the queue are read again', () => {
    const queryClient = new QueryClient();
    const bridge = fakeBridge();
    connectMainEvents(queryClient, bridge);
    queryClient.setQueryData(queryKeys.uploads.queue(), snapshot(1));
    queryClient.setQueryData(queryKeys.account.state(), { status: 'signed-out', reason: 'never', apiBaseUrl: 'http://x', keychain: { available: true } });
    queryClient.setQueryData(queryKeys.file.record('f'), { id: 'f' });
    bridge.emit('events:reconnected', {});
    expect(queryClient.getQueryState(queryKeys.uploads.queue())?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.account.state())?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.file.record('f'))?.isInvalidated).toBe(false);
  });

  it('another account signing in drops the previous account’s cached data', () => {
    const queryClient = new QueryClient();
    const bridge = fakeBridge();
    connectMainEvents(queryClient, bridge);
    const as = (id: string): AccountState => ({
      status: 'signed-in',
      user: { id, username: id, displayName: null, email: null },
      keyHint: '•••• abcd',
      keyName: null,
      storage: 'keychain',
      apiBaseUrl: 'http://x',
      connection: 'online',
    });
    queryClient.setQueryData(queryKeys.account.state(), as('alice'));
    queryClient.setQueryData(queryKeys.file.record('f'), { id: 'f' });
    // The same account again (a new key, back online): nothing is dropped.
    bridge.emit('account:changed', as('alice'));
    expect(queryClient.getQueryData(queryKeys.file.record('f'))).toEqual({ id: 'f' });
    bridge.emit('account:changed', as('bob'));
    expect(queryClient.getQueryData(queryKeys.file.record('f'))).toBeUndefined();
    expect(queryClient.getQueryData(queryKeys.account.state())).toMatchObject({ user: { id: 'bob' } });
  });

  it('signing out drops the account’s cached data but keeps app info', () => {
    const queryClient = new QueryClient();
    const bridge = fakeBridge();
    connectMainEvents(queryClient, bridge);
    const signedIn: AccountState = {
      status: 'signed-in',
      user: null,
      keyHint: '•••• abcd',
      keyName: null,
      storage: 'keychain',
      apiBaseUrl: 'http://x',
      connection: 'online',
    };
    queryClient.setQueryData(queryKeys.account.state(), signedIn);
    queryClient.setQueryData(queryKeys.app.info(), { version: '1' });
    queryClient.setQueryData(queryKeys.destinations(), { organizations: [] });
    queryClient.setQueryData(queryKeys.file.record('f'), { id: 'f' });
    bridge.emit('account:changed', { status: 'signed-out', reason: 'revoked', apiBaseUrl: 'http://x', keychain: { available: true } });
    expect(queryClient.getQueryData(queryKeys.destinations())).toBeUndefined();
    expect(queryClient.getQueryData(queryKeys.file.record('f'))).toBeUndefined();
    expect(queryClient.getQueryData(queryKeys.app.info())).toEqual({ version: '1' });
    expect(queryClient.getQueryData(queryKeys.account.state())).toMatchObject({ status: 'signed-out' });
  });
});

describe('query keys', () => {
  it('lists, a dataset’s record and its row blocks never share a root', () => {
    const list = queryKeys.assetLists.list({ section: 'datasets', scope: 'personal', sort: 'recent' });
    expect(list[0]).not.toBe(queryKeys.dataset.rows('d', 0)[0]);
    expect(list[0]).not.toBe(queryKeys.dataset.record('d')[0]);
    expect(queryKeys.file.record('f')[0]).not.toBe(list[0]);
  });
});
