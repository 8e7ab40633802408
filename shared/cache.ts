// What the renderer may ask of main's answer cache: the channels whose answers main keeps on disk
// per account, the shape of a cached answer, and the mark on an answer served from the cache
// because Ouro was unreachable. The page never names a key or a file: it names a channel and that
// channel's own input, and main derives the rest.
/**
 * Channels whose successful answers are kept: the first page of each list (per section and
 * filter), item details, previews, and the newest conversation messages. Main decides per input
 * (a later page, a typed search or an older page of messages is not kept).
 */
export const cacheableChannels = [
  'assets:search',
  'files:get',
  'files:preview',
  'datasets:get',
  'datasets:stats',
  'conversations:list',
  'conversations:get',
  'conversations:messages',
] as const;
export type CacheableChannel = (typeof cacheableChannels)[number];

export function isCacheableChannel(name: unknown): name is CacheableChannel {
  return typeof name === 'string' && (cacheableChannels as readonly string[]).includes(name);
}

/** A kept answer and when main saved it (epoch ms): React Query's initialData / initialDataUpdatedAt. */
export interface CachedAnswer<T = unknown> {
  data: T;
  savedAt: number;
}

/** On `{ ok: true }` envelopes served from the cache instead of Ouro (which was unreachable). */
export interface CachedMark {
  savedAt: number;
  offline: true;
}

/** "Updated 5 min ago" for a savedAt, relative to `now`. */
export function updatedAgo(savedAt: number, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - savedAt) / 1000));
  if (seconds < 60) return 'Updated just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `Updated ${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `Updated ${hours} h ago`;
  const days = Math.round(hours / 24);
  return `Updated ${days} day${days === 1 ? '' : 's'} ago`;
}
