// The answer cache across accounts: opens the signed-in account's store (one open at a time),
// refuses to keep anything carrying a credential, and on sign-out closes and deletes the store and
// refuses that account's writes still in flight until it signs in again.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { CachedAnswer } from '../../shared/cache';
import type { Logger } from '../log';
import { accountFolder, type AccountScope } from './account-scope';
import { openAnswerStore, type AnswerStore } from './answer-store';

export const DEFAULT_CACHE_BUDGET_BYTES = 200 * 1024 * 1024;

export interface AnswerCacheDeps {
  dataDir: string;
  budgetBytes?: number;
  log: Logger;
  /** The key and tokens in use: an answer containing any of them is never written. */
  secrets(): readonly string[];
  now?: () => number;
}

export interface AnswerCache {
  read(scope: AccountScope, key: string): Promise<CachedAnswer | null>;
  write(scope: AccountScope, key: string, data: unknown): Promise<void>;
  /** Sign-out: closes and deletes the account's store; its late writes are dropped. */
  clear(scope: AccountScope): Promise<void>;
  /** Sign-in: the account may keep answers again. */
  allow(scope: AccountScope): void;
  usage(scope: AccountScope): Promise<{ bytes: number; entries: number } | null>;
  close(): Promise<void>;
}

/** Where an account's answers live inside its folder. */
export function answersDir(dataDir: string, scope: AccountScope): string {
  return path.join(accountFolder(dataDir, scope), 'answers');
}

export function createAnswerCache(deps: AnswerCacheDeps): AnswerCache {
  const now = deps.now ?? Date.now;
  const budgetBytes = deps.budgetBytes ?? DEFAULT_CACHE_BUDGET_BYTES;
  const cleared = new Set<string>();
  let open: { scopeId: string; store: Promise<AnswerStore | null> } | null = null;
  // Opening, switching and clearing run one at a time; reads and writes only wait for the open.
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  // Writes still landing: quitting waits for them, so the answers shown last are kept.
  const writing = new Set<Promise<void>>();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => {});
    return next;
  };

  async function closeOpen(): Promise<void> {
    const current = open;
    open = null;
    const store = await current?.store;
    await store?.close().catch((error: unknown) => deps.log.warn('Cache: closing the store failed', error));
  }

  function storeFor(scope: AccountScope): Promise<AnswerStore | null> {
    if (closed || cleared.has(scope.id)) return Promise.resolve(null);
    if (open?.scopeId === scope.id) return open.store;
    return exclusive(async () => {
      if (closed || cleared.has(scope.id)) return null;
      if (open?.scopeId === scope.id) return open.store;
      await closeOpen();
      const store = openAnswerStore({ dir: answersDir(deps.dataDir, scope), budgetBytes, log: deps.log, now }).catch((error: unknown) => {
        // Most likely another Ouro (the web host, a development run) has this data folder open:
        // this run works without a cache rather than not at all.
        deps.log.warn(`Cache unavailable for this run: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      open = { scopeId: scope.id, store };
      return store;
    });
  }

  return {
    async read(scope, key) {
      try {
        const hit = await (await storeFor(scope))?.get(key);
        return hit ? { data: JSON.parse(hit.json) as unknown, savedAt: hit.savedAt } : null;
      } catch (error) {
        deps.log.debug(`Cache read failed: ${String(error)}`);
        return null;
      }
    },

    async write(scope, key, data) {
      if (data === undefined) return;
      const json = JSON.stringify(data);
      if (deps.secrets().some((secret) => secret.length >= 8 && json.includes(secret))) {
        deps.log.warn('Cache: an answer contained a credential and was not kept');
        return;
      }
      const write = (async () => {
        try {
          await (await storeFor(scope))?.put(key, json, now());
        } catch (error) {
          // Cleared meanwhile, or the disk is full: a cache write is never worth a failure.
          deps.log.debug(`Cache write failed: ${String(error)}`);
        }
      })();
      writing.add(write);
      await write;
      writing.delete(write);
    },

    clear(scope) {
      cleared.add(scope.id);
      return exclusive(async () => {
        if (open?.scopeId === scope.id) await closeOpen();
        await rm(answersDir(deps.dataDir, scope), { recursive: true, force: true, maxRetries: 3 });
      });
    },

    allow(scope) {
      cleared.delete(scope.id);
    },

    async usage(scope) {
      return (await storeFor(scope))?.usage() ?? null;
    },

    async close() {
      await Promise.all([...writing]);
      closed = true;
      await exclusive(closeOpen);
    },
  };
}
