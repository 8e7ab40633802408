// Puts the answer cache in front of the cacheable channels: every successful answer is kept, an
// unreachable Ouro is answered from what was kept (marked offline in the envelope), and
// `cache:get` hands the page a kept answer to show while the live one loads.
import { isAppError } from '../../shared/app-error';
import { channels } from '../../shared/contract';
import { cacheableChannels, isCacheableChannel, type CacheableChannel, type CachedAnswer } from '../../shared/cache';
import { AppError } from '../../shared/app-error';
import { isUnreachable } from '../../shared/error-kinds';
import type { Channel, ChannelParsedInput } from '../../shared/contract';
import type { Handler, HandlerContext, Handlers } from '../ipc/handlers';
import type { AccountScope } from './account-scope';
import type { AnswerCache } from './answer-cache';
import { cacheKey } from './cache-policy';

export interface CachedHandlerDeps {
  cache: AnswerCache;
  /** The signed-in account, or null (nothing is read or kept then). */
  scope(): Promise<AccountScope | null>;
  /** The account already knows Ouro is unreachable: answer from the cache without waiting on the network. */
  isOffline(): Promise<boolean>;
}

function wrap<C extends CacheableChannel>(channel: C, handler: Handler<C>, deps: CachedHandlerDeps): Handler<C> {
  const fromCache = async (scope: AccountScope, key: string, context: HandlerContext) => {
    const hit = await deps.cache.read(scope, key);
    if (hit) context.markCached?.({ savedAt: hit.savedAt, offline: true });
    return hit;
  };
  return async (input, context) => {
    const key = cacheKey(channel, input);
    const scope = key ? await deps.scope() : null;
    if (!key || !scope) return handler(input, context);
    if (await deps.isOffline()) {
      const hit = await fromCache(scope, key, context);
      if (hit) return hit.data as Awaited<ReturnType<Handler<C>>>;
    }
    try {
      const data = await handler(input, context);
      // Only if the same account is still signed in: an answer never lands in another's cache.
      if ((await deps.scope())?.id === scope.id) void deps.cache.write(scope, key, data);
      return data;
    } catch (error) {
      if (isAppError(error) && isUnreachable(error)) {
        const hit = await fromCache(scope, key, context);
        if (hit) return hit.data as Awaited<ReturnType<Handler<C>>>;
      }
      throw error;
    }
  };
}

/** The same handlers, the cacheable ones behind the cache. */
export function withAnswerCache<H extends Partial<Handlers>>(handlers: H, deps: CachedHandlerDeps): H {
  const out: Partial<Record<Channel, unknown>> = { ...handlers };
  for (const channel of cacheableChannels) {
    const handler = handlers[channel] as Handler<typeof channel> | undefined;
    if (handler) out[channel] = wrap(channel, handler, deps);
  }
  return out as H;
}

/** `cache:get`: validates the input against the named channel's own schema, then looks up its key. */
export function createCacheGetHandler(deps: CachedHandlerDeps): Handler<'cache:get'> {
  return async ({ channel, input }): Promise<CachedAnswer | null> => {
    if (!isCacheableChannel(channel)) return null;
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
      throw new AppError({ kind: 'invalid-input', message: `Invalid input for ${channel}`, issues });
    }
    const key = cacheKey(channel, parsed.data as ChannelParsedInput<typeof channel>);
    const scope = key ? await deps.scope() : null;
    return key && scope ? deps.cache.read(scope, key) : null;
  };
}
