// The whole main↔renderer surface, declared once: for each channel its input schema (zod) and
// output type; for each event its payload. Main validates input against these schemas, the
// preload and the web bridge expose exactly these names, and the renderer calls them typed, so
// renaming a channel is a compile error on every side.
import { z } from 'zod';
import type { AccountState } from './account';
import type { Channel, EventName } from './contract-names';

export { channelNames, eventNames, isChannel, isEventName, eventChannel } from './contract-names';
export type { Channel, EventName } from './contract-names';

/** Phantom marker: carries an output type in the contract without a runtime value. */
function returns<T>(): T {
  return undefined as T;
}

interface ChannelSpec {
  input: z.ZodType;
  output: unknown;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** The Ouro API the app talks to (OURO_BACKEND_URL, then OURO_BASE_URL, then production). */
  apiBaseUrl: string;
  /** 'electron' for the desktop app, 'web' for the loopback web host used in development and tests. */
  host: 'electron' | 'web';
}

/** An API key as typed: trimmed, non-empty, bounded. Never echoed back in any output. */
const apiKeyInput = z.string().trim().min(1, 'Enter your API key').max(4096);

export const channels = {
  'app:info': { input: z.undefined(), output: returns<AppInfo>() },
  /** Opens an http(s) URL in the OS browser (main re-checks the scheme). */
  'app:open-external': { input: z.object({ url: z.url({ protocol: /^https?$/ }) }), output: returns<void>() },

  'account:get': { input: z.undefined(), output: returns<AccountState>() },
  /** Verifies the key with Ouro, then stores it (keychain, or memory with sessionOnly). */
  'account:sign-in': {
    input: z.object({
      apiKey: apiKeyInput,
      apiBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
      sessionOnly: z.boolean().optional(),
    }),
    output: returns<AccountState>(),
  },
  'account:sign-out': { input: z.undefined(), output: returns<AccountState>() },
  'account:reconnect': { input: z.undefined(), output: returns<AccountState>() },
} satisfies Record<Channel, ChannelSpec>;

export const events = {
  /** A short message from main for the person (later issues add account and upload events). */
  'app:notice': returns<{ message: string }>(),
  /** Sign-in, sign-out, a refused key, going offline or back online. */
  'account:changed': returns<AccountState>(),
} satisfies Record<EventName, unknown>;

export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = (typeof channels)[C]['output'];
export type EventPayload<E extends EventName> = (typeof events)[E];
