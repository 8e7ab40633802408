// Which answers are kept, and under which key: derived in main from a channel and its validated
// input, so the page never names a key or a file. A later page, a typed search or an older page
// of messages is not kept: the cache is for what a start or an offline hour shows first.
import type { CacheableChannel } from '../../shared/cache';
import type { ChannelParsedInput } from '../../shared/contract';

type Keep = { [C in CacheableChannel]: (input: ChannelParsedInput<C>) => boolean };

const keep: Keep = {
  // The first page of each section and filter; what someone typed is a search, not a view.
  'assets:search': (input) => input.offset === 0 && !input.query?.trim(),
  'files:get': () => true,
  'files:preview': () => true,
  'datasets:get': () => true,
  'datasets:stats': () => true,
  'conversations:list': (input) => input.offset === 0,
  'conversations:get': () => true,
  // The newest messages only.
  'conversations:messages': (input) => input.before === undefined,
};

/** JSON with object keys sorted and undefined left out, so equal inputs give equal keys. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** The key an answer is kept under, or null when this input's answer is not kept. */
export function cacheKey<C extends CacheableChannel>(channel: C, input: ChannelParsedInput<C>): string | null {
  const kept = (keep[channel] as (input: ChannelParsedInput<C>) => boolean)(input);
  return kept ? `${channel} ${stableJson(input)}` : null;
}
