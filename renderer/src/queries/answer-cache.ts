// Opens instantly from main's answer cache: before a cacheable query first asks Ouro, its kept
// answer (`cache:get`) is put in place, marked with when it was saved, and the live call then
// refreshes it in the background. A live answer main served from its cache because Ouro was
// unreachable is marked offline. The mark ("freshness") lives beside the query, under its own
// key, so views can say "Updated 5 min ago" or "Offline · Updated 5 min ago".
import { skipToken, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { AppError } from '../../../shared/app-error';
import type { CacheableChannel, CachedAnswer } from '../../../shared/cache';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { call } from '../ouro';
import { queryKeys } from './keys';

/** Where the data a query shows came from, when not from a live answer. */
export interface Freshness {
  /** When main saved the answer (epoch ms). */
  savedAt: number;
  /** Ouro was unreachable and main answered from its cache. */
  offline: boolean;
}

/** A kept answer is only a head start: never wait long for it. */
const SEED_WAIT_MS = 1500;

/** The kept answer for a channel's input, or null (none kept, or main could not say): never throws. */
async function readCachedAnswer<C extends CacheableChannel>(channel: C, input: ChannelInput<C>): Promise<CachedAnswer<ChannelOutput<C>> | null> {
  try {
    return (await call('cache:get', { channel, input })) as CachedAnswer<ChannelOutput<C>> | null;
  } catch {
    return null;
  }
}

function bridge() {
  if (typeof window.ouro === 'undefined') {
    throw new AppError({ kind: 'internal', message: 'window.ouro is missing: the page was opened outside Ouro Desktop' });
  }
  return window.ouro;
}

/**
 * The live call of a cacheable channel for the query `key`: the value, or a thrown AppError, like
 * `call()` — and the query's freshness mark set from how main answered (cleared when live).
 */
export async function liveCall<C extends CacheableChannel>(queryClient: QueryClient, key: QueryKey, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const invoke = bridge().invoke as (channel: C, input: ChannelInput<C>) => ReturnType<typeof window.ouro.invoke<C>>;
  const result = await invoke(channel, input);
  if (!result.ok) throw new AppError(result.error);
  const mark: Freshness | null = result.cached ? { savedAt: result.cached.savedAt, offline: true } : null;
  const markKey = queryKeys.freshness(key);
  if (mark || queryClient.getQueryData(markKey)) queryClient.setQueryData(markKey, mark);
  return result.data;
}

export interface SeedSpec<C extends CacheableChannel> {
  channel: C;
  /** Exactly the live call's input (main keys kept answers by it). */
  input: ChannelInput<C>;
  /** Infinite lists keep pages: the kept answer becomes the first one. */
  firstPageParam?: unknown;
  /** A query that holds part of the answer: what it would make of this one. */
  shape?: (answer: ChannelOutput<C>) => unknown;
  /** False where main keeps nothing for this input (a typed search, a later page). */
  enabled?: boolean;
}

function timeout(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

/** Puts the kept answer in `key`'s place if nothing is there yet, marked and due for a refresh. */
export async function seedFromCache<C extends CacheableChannel>(queryClient: QueryClient, key: QueryKey, spec: SeedSpec<C>): Promise<number | null> {
  const hit = await Promise.race([readCachedAnswer(spec.channel, spec.input), timeout(SEED_WAIT_MS)]);
  if (!hit || queryClient.getQueryData(key) !== undefined) return hit?.savedAt ?? null;
  const shaped = spec.shape ? spec.shape(hit.data) : hit.data;
  const data = 'firstPageParam' in spec ? { pages: [shaped], pageParams: [spec.firstPageParam] } : shaped;
  queryClient.setQueryData(key, data, { updatedAt: hit.savedAt });
  queryClient.setQueryData<Freshness>(queryKeys.freshness(key), { savedAt: hit.savedAt, offline: false });
  // However recently it was saved, what a start shows is refreshed from Ouro once.
  await queryClient.invalidateQueries({ queryKey: key, exact: true, refetchType: 'none' });
  return hit.savedAt;
}

/**
 * Reads the kept answer for `key` once per session (before its live query first runs). Returns
 * whether the live query may start: pass it as the live query's `enabled`.
 */
export function useCacheSeed<C extends CacheableChannel>(key: QueryKey, spec: SeedSpec<C>): boolean {
  const queryClient = useQueryClient();
  const enabled = spec.enabled ?? true;
  const seed = useQuery({
    queryKey: queryKeys.cacheSeed(key),
    queryFn: enabled ? () => seedFromCache(queryClient, key, spec) : skipToken,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  return !enabled || seed.status !== 'pending';
}

/** The freshness mark of the query `key`: null while it shows a live answer. */
export function useFreshness(key: QueryKey): Freshness | null {
  return useQuery<Freshness | null>({ queryKey: queryKeys.freshness(key), queryFn: skipToken }).data ?? null;
}
