// One entry point for every IPC call, whichever host carried it: checks the channel, validates
// the untrusted input against the contract's schema, runs the handler and always answers with
// the `{ ok, data } | { ok: false, error }` envelope. Nothing thrown escapes.
import { channels, isChannel, type Channel } from '../../shared/contract';
import { AppError } from '../../shared/app-error';
import type { CachedMark } from '../../shared/cache';
import { fail, ok, type IpcResult } from '../../shared/ipc-result';
import type { Logger } from '../log';
import type { HandlerContext, Handlers } from './handlers';

export type Dispatch = (channel: string, input: unknown, context: HandlerContext) => Promise<IpcResult<unknown>>;

export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, input, context) => {
    if (!isChannel(channel)) {
      return fail({ kind: 'invalid-input', message: `Unknown channel: ${String(channel).slice(0, 80)}` });
    }
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
      return fail({ kind: 'invalid-input', message: `Invalid input for ${channel}`, issues });
    }
    try {
      const handler = handlers[channel] as (input: unknown, context: HandlerContext) => unknown;
      let cached: CachedMark | undefined;
      const data = await handler(parsed.data, { ...context, markCached: (mark) => void (cached = mark) });
      return cached ? { ...ok(data), cached } : ok(data);
    } catch (error) {
      return fail(toErrorData(channel, error, log));
    }
  };
}

function toErrorData(channel: Channel, error: unknown, log: Logger) {
  if (error instanceof AppError) return error.toData();
  // An unexpected error may carry anything in its message (paths, payloads), so the renderer
  // gets a generic one and the detail goes to the (redacting) log only.
  log.error(`Handler for ${channel} failed`, error);
  return { kind: 'internal' as const, message: 'Unexpected error' };
}
