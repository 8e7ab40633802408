// The whole main↔renderer surface, declared once: for each channel its input schema (zod) and
// output type; for each event its payload. Main validates input against these schemas, the
// preload and the web bridge expose exactly these names, and the renderer calls them typed, so
// renaming a channel is a compile error on every side. Each domain declares its channels in its
// own module; this index composes them and checks that every channel name is declared.
import type { z } from 'zod';
import type { Channel, EventName } from '../contract-names';
import { actionChannels } from './actions';
import { appChannels } from './app';
import { browseChannels } from './browse';
import { desktopChannels } from './desktop';
import { events } from './events';
import type { ChannelSpec } from './spec';
import { syncChannels } from './sync';
import { uploadChannels } from './uploads';

export { channelNames, eventNames, isChannel, isEventName, eventChannel } from '../contract-names';
export type { Channel, EventName } from '../contract-names';
export type { AppInfo, UpdateState } from './app';
export { events };

export const channels = {
  ...appChannels,
  ...browseChannels,
  ...uploadChannels,
  ...actionChannels,
  ...desktopChannels,
  ...syncChannels,
} satisfies Record<Channel, ChannelSpec>;

export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = (typeof channels)[C]['output'];
export type EventPayload<E extends EventName> = (typeof events)[E];
