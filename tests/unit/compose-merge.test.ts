// Merging what main pushes into what the page shows: downloads deltas (upserts by id, then
// removals) and polled or just-sent messages into a conversation's newest page.
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { DownloadItem } from '../../shared/actions';
import type { MessageRow, MessagesPage } from '../../shared/browse';
import { applyDownloadsDelta } from '../../renderer/src/downloads/use-downloads';
import { mergeNewest } from '../../renderer/src/conversations/outbox';
import { queryKeys } from '../../renderer/src/queries/keys';

const download = (id: string, over: Partial<DownloadItem> = {}): DownloadItem => ({ id, assetId: id, assetType: 'file', fileName: `${id}.txt`, state: 'queued', bytes: 0, total: null, batchId: null, createdAt: 1, ...over });
const message = (id: string, createdAt: string): MessageRow => ({ id, authorName: 'alice', authorId: null, text: id, createdAt, seq: null, type: null });

describe('downloads deltas', () => {
  it('upserts by id, then removes; keeps creation order', () => {
    const start = { items: [download('a'), download('b', { createdAt: 2 })], canShowInFolder: true };
    const next = applyDownloadsDelta(start, { upserted: [download('b', { state: 'done', createdAt: 2 }), download('c', { createdAt: 3 })], removed: ['a'] });
    expect(next.items.map((i) => [i.id, i.state])).toEqual([['b', 'done'], ['c', 'queued']]);
    expect(next.canShowInFolder).toBe(true);
  });
});

describe('new messages into the newest page', () => {
  it('adds only unseen ids, in time order, and keeps older pages', () => {
    const client = new QueryClient();
    const key = queryKeys.conversations.messages('conv');
    const older: MessagesPage = { messages: [message('m0', '2026-01-01T00:00:00Z')], hasMore: false, nextBefore: null };
    const newest: MessagesPage = { messages: [message('m1', '2026-01-02T00:00:00Z'), message('m2', '2026-01-03T00:00:00Z')], hasMore: true, nextBefore: 'x' };
    client.setQueryData<InfiniteData<MessagesPage, string | null>>(key, { pages: [newest, older], pageParams: [null, 'x'] });
    const added = mergeNewest(client, 'conv', [message('m2', '2026-01-03T00:00:00Z'), message('m3', '2026-01-04T00:00:00Z'), message('m0', '2026-01-01T00:00:00Z')]);
    expect(added).toBe(1);
    const data = client.getQueryData<InfiniteData<MessagesPage, string | null>>(key);
    expect(data?.pages[0]?.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(data?.pages[1]).toBe(older);
  });
});
