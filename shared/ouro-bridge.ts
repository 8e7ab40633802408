// The type of `window.ouro`: what the preload (Electron) and the web bridge (web host) both build.
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from './contract';
import type { IpcResult } from './ipc-result';

/** Channels whose input is `undefined` may be invoked without an argument. */
type InvokeArgs<C extends Channel> = undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

export interface OuroBridge {
  invoke<C extends Channel>(channel: C, ...args: InvokeArgs<C>): Promise<IpcResult<ChannelOutput<C>>>;
  /** Subscribe to an event pushed by main; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
