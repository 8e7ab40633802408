// Hooks for the end-to-end tests only (as mattermost/desktop does it): they exist when
// OURO_TEST_HOOKS=1 — set by tests/e2e/fixtures.ts — in an unpackaged run, and none of them can
// reach the API key.
//  - OURO_TEST_KEYCHAIN_GATE=<file>: keychain reads wait until <file> exists (a locked keyring,
//    without a real unlock prompt), and <file>.waiting appears while one is waiting.
//  - globalThis.__ouroTest: what a spec reaches with electronApplication.evaluate().
import { existsSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../account/keychain';

export const TEST_GLOBAL = '__ouroTest';

export interface TestHooks {
  wrapKeychain(store: SecretStore): SecretStore;
  /** Puts `value` on globalThis.__ouroTest[name]. */
  expose(name: string, value: unknown): void;
  /** Appends `item` to the list globalThis.__ouroTest[name] (the latest 20), e.g. every notification made. */
  collect(name: string, item: unknown): void;
}

const COLLECTED_MAX = 20;

type Env = Record<string, string | undefined>;

/** Null unless asked for; a packaged (installed) app never has them. */
export function testHooksFromEnv(env: Env, options: { packaged: boolean; warn(message: string): void }): TestHooks | null {
  if (env.OURO_TEST_HOOKS !== '1') return null;
  if (options.packaged) {
    options.warn('OURO_TEST_HOOKS is ignored in an installed app');
    return null;
  }
  const gate = env.OURO_TEST_KEYCHAIN_GATE?.trim() || null;
  return {
    wrapKeychain: (store) => (gate ? gatedKeychain(store, path.resolve(gate)) : store),
    expose,
    collect(name, item) {
      const list = Array.isArray(hooksGlobal()[name]) ? (hooksGlobal()[name] as unknown[]) : [];
      expose(name, [...list, item].slice(-COLLECTED_MAX));
    },
  };
}

function hooksGlobal(): Record<string, unknown> {
  const root = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
  return (root[TEST_GLOBAL] ??= {});
}

function expose(name: string, value: unknown): void {
  hooksGlobal()[name] = value;
}

function gatedKeychain(store: SecretStore, gate: string): SecretStore {
  return {
    ...store,
    get: async (account) => {
      await waitForFile(gate);
      return store.get(account);
    },
  };
}

/** Resolves once `file` exists; writes `<file>.waiting` so a test knows a read is being held. */
export function waitForFile(file: string): Promise<void> {
  if (existsSync(file)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const watcher = watch(path.dirname(file), () => {
      if (!existsSync(file)) return;
      watcher.close();
      resolve();
    });
    watcher.on('error', (error) => {
      watcher.close();
      reject(error);
    });
    // It may have appeared between the first check and the watcher starting.
    if (existsSync(file)) {
      watcher.close();
      resolve();
      return;
    }
    writeFileSync(`${file}.waiting`, '');
  });
}
