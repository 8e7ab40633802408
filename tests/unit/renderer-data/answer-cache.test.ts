// Opening from main's kept answers: a kept answer is put in place (as an infinite list's first
// page where the query pages), dated by when main saved it and marked "Updated …", and due for a
// refresh; a live answer clears the mark; an answer main served from its cache because Ouro was
// unreachable is marked offline; nothing kept leaves the query alone.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveCall, seedFromCache, type Freshness } from '../../../renderer/src/queries/answer-cache';
import { queryKeys } from '../../../renderer/src/queries/keys';

type Answer = { ok: true; data: unknown; cached?: { savedAt: number; offline: true } };
let answers: Record<string, Answer>;
let calls: { channel: string; input: unknown }[];

beforeEach(() => {
  answers = {};
  calls = [];
  (globalThis as { window?: unknown }).window = {
    ouro: {
      invoke: async (channel: string, input: unknown) => {
        calls.push({ channel, input });
        return answers[channel] ?? { ok: true, data: null };
      },
    },
  };
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

const id = '11111111-1111-4111-8111-111111111111';
const key = queryKeys.file.record(id);
const listKey = queryKeys.conversations.list();

describe('seedFromCache', () => {
  it('puts the kept answer in place, dated and marked, and stale so the live call refreshes it', async () => {
    const client = new QueryClient();
    answers['cache:get'] = { ok: true, data: { data: { id, name: 'kept.csv' }, savedAt: 1_000 } };
    expect(await seedFromCache(client, key, { channel: 'files:get', input: { id } })).toBe(1_000);
    expect(calls).toEqual([{ channel: 'cache:get', input: { channel: 'files:get', input: { id } } }]);
    expect(client.getQueryData(key)).toEqual({ id, name: 'kept.csv' });
    expect(client.getQueryState(key)?.dataUpdatedAt).toBe(1_000);
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
    expect(client.getQueryData<Freshness>(queryKeys.freshness(key))).toEqual({ savedAt: 1_000, offline: false });
  });

  it('an infinite list gets the kept page as its first page', async () => {
    const client = new QueryClient();
    const page = { items: [], hasMore: false, nextOffset: 0 };
    answers['cache:get'] = { ok: true, data: { data: page, savedAt: 2_000 } };
    await seedFromCache(client, listKey, { channel: 'conversations:list', input: { offset: 0, limit: 50 }, firstPageParam: 0 });
    expect(client.getQueryData(listKey)).toEqual({ pages: [page], pageParams: [0] });
  });

  it('never replaces data already there, and nothing kept changes nothing', async () => {
    const client = new QueryClient();
    client.setQueryData(key, { id, name: 'live.csv' });
    answers['cache:get'] = { ok: true, data: { data: { id, name: 'kept.csv' }, savedAt: 1_000 } };
    await seedFromCache(client, key, { channel: 'files:get', input: { id } });
    expect(client.getQueryData(key)).toEqual({ id, name: 'live.csv' });

    const empty = new QueryClient();
    answers['cache:get'] = { ok: true, data: null };
    expect(await seedFromCache(empty, key, { channel: 'files:get', input: { id } })).toBeNull();
    expect(empty.getQueryData(key)).toBeUndefined();
    expect(empty.getQueryData(queryKeys.freshness(key))).toBeUndefined();
  });
});

describe('liveCall', () => {
  it('marks an answer served from the cache as offline, and a live answer clears the mark', async () => {
    const client = new QueryClient();
    answers['files:get'] = { ok: true, data: { id, name: 'kept.csv' }, cached: { savedAt: 5_000, offline: true } };
    expect(await liveCall(client, key, 'files:get', { id })).toEqual({ id, name: 'kept.csv' });
    expect(client.getQueryData<Freshness>(queryKeys.freshness(key))).toEqual({ savedAt: 5_000, offline: true });

    answers['files:get'] = { ok: true, data: { id, name: 'live.csv' } };
    expect(await liveCall(client, key, 'files:get', { id })).toEqual({ id, name: 'live.csv' });
    expect(client.getQueryData(queryKeys.freshness(key))).toBeNull();
  });

  it('a failure throws the AppError, like call()', async () => {
    const client = new QueryClient();
    (answers as Record<string, unknown>)['files:get'] = { ok: false, error: { kind: 'network', message: 'offline' } };
    await expect(liveCall(client, key, 'files:get', { id })).rejects.toMatchObject({ kind: 'network' });
  });
});
