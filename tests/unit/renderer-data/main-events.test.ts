// Main's events become cache state in one place; an upload that finishes refreshes only the
// asset lists (first page), never a dataset's row blocks; a sign-out drops the account's data.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { AccountState } from '../../../shared/account';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { UploadItem, UploadsSnapshot } from '../../../shared/uploads';
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
const snapshot = (...items: UploadItem[]): UploadsSnapshot => ({ items, paused: null, concurrency: 3 });

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

    bridge.emit('uploads:changed', snapshot(item('u1', 'uploading')));
    expect(invalidate).not.toHaveBeenCalled();
    bridge.emit('uploads:changed', snapshot(item('u1', 'done')));
    expect(queryClient.getQueryData(queryKeys.uploads.queue())).toEqual(snapshot(item('u1', 'done')));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate.mock.calls[0]?.[0]).toMatchObject({ queryKey: listKey, exact: true });
    expect(queryClient.getQueryState(queryKeys.dataset.rows('d1', 0))?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(queryKeys.dataset.record('d1'))?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);

    // The same done item again is not news.
    bridge.emit('uploads:changed', snapshot(item('u1', 'done')));
    expect(invalidate).toHaveBeenCalledTimes(1);
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
