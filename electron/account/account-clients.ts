// One Ouro client per API address for the key in use, each bound to the key's generation: once the
// key changes, an old client can no longer obtain a key, so work started under one account (an
// upload between two steps) never carries on under the next one's key.
import type { OuroClient } from '../ouro/client';

export interface ClientHooks {
  getApiKey: () => string | null;
  onUnauthorized: () => void;
}

export interface AccountClientsDeps {
  createClient(baseUrl: string, hooks: ClientHooks): OuroClient;
  /** The key in use now (null when signed out). */
  currentKey(): string | null;
  /** Ouro refused the current generation's key even after a fresh exchange. */
  onRefused(): void;
}

export interface AccountClients {
  clientFor(base: string): OuroClient;
  /** The key is about to change: drop every client (and its cached token) of the old one. */
  newGeneration(): void;
  /** Forgets the clients without resetting them (the app is shutting down). */
  clear(): void;
}

export function createAccountClients(deps: AccountClientsDeps): AccountClients {
  let clients = new Map<string, OuroClient>();
  let generation = 0;
  return {
    clientFor(base) {
      let client = clients.get(base);
      if (!client) {
        const bound = generation;
        client = deps.createClient(base, {
          getApiKey: () => (generation === bound ? deps.currentKey() : null),
          onUnauthorized: () => {
            if (generation === bound) deps.onRefused();
          },
        });
        clients.set(base, client);
      }
      return client;
    },
    newGeneration() {
      generation++;
      for (const client of clients.values()) client.reset();
      clients = new Map();
    },
    clear() {
      clients = new Map();
    },
  };
}
