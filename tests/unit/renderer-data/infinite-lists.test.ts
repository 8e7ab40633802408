// Infinite lists refresh by their first page only: kept pages when it is unchanged, a restart
// from it when it changed, and never a request per loaded page.
import { InfiniteQueryObserver, QueryClient, type InfiniteData } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshFirstPage, refreshInfiniteLists } from '../../../renderer/src/queries/infinite-lists';

interface Page {
  items: { id: string }[];
  next: number | null;
}

const page = (...ids: string[]): Page => ({ items: ids.map((id) => ({ id })), next: null });
const key = ['asset-lists', 'files', { q: 'x' }] as const;

function listWith(client: QueryClient, fetchFirst: () => Promise<Page>) {
  const queryFn = vi.fn(async ({ pageParam }: { pageParam: number }) => page(`p${pageParam}`));
  const observer = new InfiniteQueryObserver<Page, Error, InfiniteData<Page, number>, typeof key, number>(client, {
    queryKey: key,
    queryFn,
    initialPageParam: 0,
    getNextPageParam: () => undefined,
    meta: { firstPageRefresh: { fetchFirst, ids: (p: Page) => p.items.map((i) => i.id) } },
    refetchOnWindowFocus: false,
    refetchOnMount: false,
    staleTime: Infinity,
  });
  client.setQueryData<InfiniteData<Page, number>>(key, { pages: [page('a', 'b'), page('c', 'd'), page('e')], pageParams: [0, 2, 4] });
  const unsubscribe = observer.subscribe(() => {});
  return { queryFn, unsubscribe };
}

describe('first-page refresh', () => {
  const clients: QueryClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.clear()));
  const client = () => {
    const c = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    clients.push(c);
    return c;
  };

  it('fetches one page, and keeps the later pages when the first still holds the same items', async () => {
    const queryClient = client();
    const fetchFirst = vi.fn(async () => ({ ...page('a', 'b'), fresh: true }));
    const { queryFn, unsubscribe } = listWith(queryClient, fetchFirst);
    const query = queryClient.getQueryCache().find({ queryKey: key, exact: true });
    if (!query) throw new Error('no query');
    await refreshFirstPage(queryClient, query);
    const data = queryClient.getQueryData<InfiniteData<Page & { fresh?: boolean }, number>>(key);
    expect(fetchFirst).toHaveBeenCalledTimes(1);
    expect(queryFn).not.toHaveBeenCalled();
    expect(data?.pages.map((p) => p.items.map((i) => i.id))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(data?.pages[0]?.fresh).toBe(true);
    expect(data?.pageParams).toEqual([0, 2, 4]);
    unsubscribe();
  });

  it('restarts from the fresh first page when its items changed', async () => {
    const queryClient = client();
    const fetchFirst = vi.fn(async () => page('new', 'a'));
    const { unsubscribe } = listWith(queryClient, fetchFirst);
    refreshInfiniteLists(queryClient, () => true);
    await vi.waitFor(() => expect(queryClient.getQueryData<InfiniteData<Page, number>>(key)?.pages).toHaveLength(1));
    const data = queryClient.getQueryData<InfiniteData<Page, number>>(key);
    expect(data?.pages[0]?.items.map((i) => i.id)).toEqual(['new', 'a']);
    expect(data?.pageParams).toEqual([0]);
    unsubscribe();
  });

  it('keeps what is shown when the refresh fails', async () => {
    const queryClient = client();
    const { unsubscribe } = listWith(queryClient, () => Promise.reject(new Error('offline')));
    const query = queryClient.getQueryCache().find({ queryKey: key, exact: true });
    if (!query) throw new Error('no query');
    await refreshFirstPage(queryClient, query);
    expect(queryClient.getQueryData<InfiniteData<Page, number>>(key)?.pages).toHaveLength(3);
    unsubscribe();
  });

  it('marks a list that is not on screen stale instead of fetching it', async () => {
    const queryClient = client();
    const fetchFirst = vi.fn(async () => page('a', 'b'));
    const { unsubscribe } = listWith(queryClient, fetchFirst);
    unsubscribe();
    refreshInfiniteLists(queryClient, () => true);
    await Promise.resolve();
    expect(fetchFirst).not.toHaveBeenCalled();
    expect(queryClient.getQueryCache().find({ queryKey: key, exact: true })?.state.isInvalidated).toBe(true);
  });

  it('with onlyStale, leaves fresh lists alone', async () => {
    const queryClient = client();
    const fetchFirst = vi.fn(async () => page('a', 'b'));
    const { unsubscribe } = listWith(queryClient, fetchFirst);
    refreshInfiniteLists(queryClient, () => true, { onlyStale: true });
    await Promise.resolve();
    expect(fetchFirst).not.toHaveBeenCalled();
    unsubscribe();
  });
});
