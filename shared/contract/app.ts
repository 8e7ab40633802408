// The app and the account: version and host, opening links, updates, signing in and out.
import { z } from 'zod';
import type { AccountState } from '../account';
import type { Channel } from '../contract-names';
import { returns, type ChannelSpec } from './spec';

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

export interface UpdateState {
  ready: boolean;
  /** The version waiting to be installed. */
  version: string | null;
}

export const appChannels = {
  'app:info': { input: z.undefined(), output: returns<AppInfo>() },
  /** Opens an http(s) URL in the OS browser (main re-checks the scheme). */
  'app:open-external': { input: z.object({ url: z.url({ protocol: /^https?$/ }) }), output: returns<void>() },

  /** Whether an update has been downloaded and waits for a restart (never in development). */
  'app:update-state': { input: z.undefined(), output: returns<UpdateState>() },
  /** Quits and installs the downloaded update: only ever on the person's request. */
  'app:restart-to-update': { input: z.undefined(), output: returns<void>() },

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
} satisfies { [C in Channel]?: ChannelSpec };
