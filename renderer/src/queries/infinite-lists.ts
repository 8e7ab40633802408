// Infinite lists refresh their first page, never every page: React Query's own refetch re-reads
// each page loaded so far, so a Files list scrolled to row 10,000 would cost 50 requests on every
// window focus. Here the first page is fetched again; when it still holds the same items the
// later pages stay as they are, otherwise the list restarts from the fresh first page and loads
// on as it scrolls.
import {
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
  type Query,
  type QueryClient,
  type QueryKey,
  type UseInfiniteQueryOptions,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { isInfiniteList } from './keys';

const META = 'firstPageRefresh';

interface FirstPageSpec<P> {
  /** Fetches the first page again, with the list's own input. */
  fetchFirst(): Promise<P>;
  /** The ids on a page, to tell whether the first page still ends where it did. */
  ids(page: P): readonly string[];
}

function specOf(query: Query): FirstPageSpec<unknown> | undefined {
  return query.meta?.[META] as FirstPageSpec<unknown> | undefined;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Refetches one infinite query's first page and merges it in (see the module comment). */
export async function refreshFirstPage(queryClient: QueryClient, query: Query): Promise<void> {
  const spec = specOf(query);
  const before = query.state.data as InfiniteData<unknown> | undefined;
  // A fetch already under way (first load, next page) brings fresh data by itself.
  if (!spec || !before?.pages.length || query.state.fetchStatus === 'fetching') return;
  let fresh: unknown;
  try {
    fresh = await spec.fetchFirst();
  } catch {
    // Keep what is shown; the list's own fetches report errors, and the next focus tries again.
    return;
  }
  const now = query.state.data as InfiniteData<unknown> | undefined;
  // Something else replaced the pages meanwhile (a next page, a reset): theirs is newer.
  if (!now || now.pages[0] !== before.pages[0]) return;
  const keepRest = sameIds(spec.ids(fresh), spec.ids(now.pages[0]));
  const next: InfiniteData<unknown> = keepRest
    ? { pages: [fresh, ...now.pages.slice(1)], pageParams: now.pageParams }
    : { pages: [fresh], pageParams: now.pageParams.slice(0, 1) };
  queryClient.setQueryData(query.queryKey, next);
}

/**
 * Refreshes the infinite lists `matches` selects: the ones on screen fetch their first page now;
 * the others are marked stale and refresh the same way when they are shown again.
 */
export function refreshInfiniteLists(queryClient: QueryClient, matches: (key: QueryKey) => boolean, { onlyStale = false } = {}): void {
  for (const query of queryClient.getQueryCache().findAll({ predicate: (q) => isInfiniteList(q.queryKey) && matches(q.queryKey) })) {
    if (onlyStale && !query.isStale()) continue;
    if (query.isActive()) void refreshFirstPage(queryClient, query);
    else void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType: 'none' });
  }
}

type ListOptions<P, Param> = Omit<
  UseInfiniteQueryOptions<P, Error, InfiniteData<P, Param>, QueryKey, Param>,
  'refetchOnWindowFocus' | 'refetchOnReconnect' | 'refetchOnMount' | 'meta'
> & { queryKey: QueryKey; ids(page: P): readonly string[]; fetchFirst(): Promise<P> };

/**
 * useInfiniteQuery with the first-page refresh: React Query never refetches it wholesale (on
 * focus, reconnect or remount); a stale list shown again refreshes its first page instead.
 */
export function useInfiniteList<P, Param>({ ids, fetchFirst, ...options }: ListOptions<P, Param>) {
  const queryClient = useQueryClient();
  const result = useInfiniteQuery<P, Error, InfiniteData<P, Param>, QueryKey, Param>({
    ...options,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
    meta: { [META]: { fetchFirst, ids } satisfies FirstPageSpec<P> },
  });
  const hash = JSON.stringify(options.queryKey);
  useEffect(() => {
    const query = queryClient.getQueryCache().find({ queryKey: JSON.parse(hash) as QueryKey, exact: true });
    if (query?.state.data && query.isStale()) void refreshFirstPage(queryClient, query);
  }, [queryClient, hash]);
  return result;
}
