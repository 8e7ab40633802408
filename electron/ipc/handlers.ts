// The shape of the main-process implementation of the contract: one function per channel.
import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';

export interface HandlerContext {
  /** Which host the call came through: the Electron window or the loopback web host. */
  host: 'electron' | 'web';
  /** Electron: the calling page's webContents id (a native menu pops up over its window). */
  senderId?: number;
}

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  context: HandlerContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in Channel]: Handler<C> };
