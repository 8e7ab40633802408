// The renderer's single door to main: unwraps the IPC envelope into a value or a thrown
// AppError, which React Query and the error views understand.
import { AppError } from '../../shared/app-error';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';

type CallArgs<C extends Channel> = undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

export async function call<C extends Channel>(channel: C, ...args: CallArgs<C>): Promise<ChannelOutput<C>> {
  const bridge = window.ouro as { invoke(channel: C, input: unknown): ReturnType<typeof window.ouro.invoke<C>> } | undefined;
  if (!bridge) {
    throw new AppError({ kind: 'internal', message: 'window.ouro is missing: the page was opened outside Ouro Desktop' });
  }
  const result = await bridge.invoke(channel, args[0]);
  if (result.ok) return result.data;
  throw new AppError(result.error);
}
