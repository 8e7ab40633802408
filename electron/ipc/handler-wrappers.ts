// What wraps the handlers services.ts builds: reachability tracking (the offline notice follows
// every call that reaches Ouro) and the start-up gate (nothing answers before the keychain is read).
import { isAppError } from '../../shared/app-error';
import { isUnreachable } from '../../shared/error-kinds';
import type { Channel } from '../../shared/contract';
import type { AccountService } from '../account/account-service';
import type { Handler, Handlers } from './handlers';

/**
 * Every browse call tells the account whether Ouro was reachable, so the offline banner
 * appears on the first network failure and goes on the next success.
 */
export function trackReachability<C extends Channel>(handler: Handler<C>, account: AccountService, { failuresOnly = false } = {}): Handler<C> {
  return async (input, context) => {
    try {
      const result = await handler(input, context);
      if (!failuresOnly) account.noteReachability(true);
      return result;
    } catch (error) {
      if (isAppError(error) && isUnreachable(error)) account.noteReachability(false);
      throw error;
    }
  };
}

/**
 * `failuresOnly`: for handlers that may answer from their own disk without reaching Ouro (list
 * thumbnails) — a success there proves nothing, and noting it would flip an offline app online.
 */
export function trackAll<H extends Partial<Handlers>>(handlers: H, account: AccountService, options: { failuresOnly?: boolean } = {}): H {
  const tracked: Partial<Record<Channel, unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [Channel, Handler<Channel>][]) {
    tracked[channel] = trackReachability(handler, account, options);
  }
  return tracked as H;
}

export function pick<H extends object, K extends keyof H>(handlers: H, keys: readonly K[]): Pick<H, K> {
  return Object.fromEntries(keys.map((key) => [key, handlers[key]])) as Pick<H, K>;
}

/** Channels that do not depend on the account or the queue, so they answer while start() waits. */
const ANSWERS_BEFORE_START = new Set<Channel>(['app:open-external', 'app:update-state', 'app:restart-to-update']);

/**
 * Makes every handler wait for start(). Without this a call arriving while the keychain is still
 * being read would see the initial "signed out" state, and the page would flash the sign-in screen.
 */
export function afterStart(handlers: Handlers, start: () => Promise<void>): Handlers {
  const gated: Partial<Record<Channel, unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [Channel, Handler<Channel>][]) {
    gated[channel] = ANSWERS_BEFORE_START.has(channel)
      ? handler
      : async (input: never, context: never) => {
          await start();
          return handler(input, context);
        };
  }
  return gated as Handlers;
}
