// The shape of the main-process implementation of the contract: one function per channel.
import type { CachedMark } from '../../shared/cache';
import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';

export interface HandlerContext {
  /** Which host the call came through: the Electron window or the loopback web host. */
  host: 'electron' | 'web';
  /** Electron: the calling page's webContents id (a native menu pops up over its window). */
  senderId?: number;
  /** Which page made the call (a webContents id in Electron), so its newer call can supersede an older one. */
  sender?: string;
  /** Set by the dispatcher: a handler answering from the cache (Ouro unreachable) marks the envelope. */
  markCached?: (mark: CachedMark) => void;
}

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  context: HandlerContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in Channel]: Handler<C> };
