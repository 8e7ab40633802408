// The items opened recently under each account, newest first and bounded, kept in the account's
// folder (so they go with it at sign-out) for the palette to offer before anything is typed.
import path from 'node:path';
import { z } from 'zod';
import { itemTypes } from '../../shared/links';
import type { PaletteItem, RecentItem } from '../../shared/palette';
import { accountFolder, type AccountScope } from '../cache/account-scope';
import type { Logger } from '../log';
import { readJson, writeJsonAtomic } from '../storage/atomic-json';

export const RECENT_MAX = 20;

const RecentFile = z.object({
  items: z.array(z.object({ type: z.enum(itemTypes), id: z.string(), name: z.string(), detail: z.string().nullable(), openedAt: z.number() })).max(RECENT_MAX * 2),
});

export interface RecentItems {
  add(scope: AccountScope, item: PaletteItem): Promise<void>;
  list(scope: AccountScope): Promise<RecentItem[]>;
  /** Sign-out: forget every account's list; resolves once no save is running (the files go with the account folders). */
  forgetAll(): Promise<void>;
  /** Resolves once every save so far has landed (quit). */
  idle(): Promise<void>;
}

export function createRecentItems(deps: { dataDir: string; log: Logger; now?: () => number; max?: number }): RecentItems {
  const now = deps.now ?? Date.now;
  const max = deps.max ?? RECENT_MAX;
  const lists = new Map<string, Promise<RecentItem[]>>();
  const forgotten = new Set<string>();
  const fileOf = (scope: AccountScope) => path.join(accountFolder(deps.dataDir, scope), 'recent.json');
  // Saves in order, so an older list never lands after a newer one; opens in quick succession
  // share one save of the latest list.
  let saving: Promise<void> = Promise.resolve();
  const queued = new Set<string>();

  const load = (scope: AccountScope) => {
    let list = lists.get(scope.id);
    if (!list) {
      list = readJson(fileOf(scope), RecentFile).then((file) => (file?.items ?? []).slice(0, max));
      lists.set(scope.id, list);
    }
    return list;
  };

  return {
    async add(scope, item) {
      forgotten.delete(scope.id);
      const current = await load(scope);
      const next: RecentItem[] = [{ ...item, openedAt: now() }, ...current.filter((entry) => entry.id !== item.id)].slice(0, max);
      lists.set(scope.id, Promise.resolve(next));
      if (queued.has(scope.id)) return saving;
      queued.add(scope.id);
      saving = saving.then(async () => {
        queued.delete(scope.id);
        // Signed out meanwhile: never recreate the account's folder.
        if (forgotten.has(scope.id)) return;
        const latest = await lists.get(scope.id);
        if (!latest) return;
        await writeJsonAtomic(fileOf(scope), { items: latest }).catch((error: unknown) => deps.log.warn('Could not save recent items', error));
      });
      await saving;
    },
    list: load,
    forgetAll() {
      for (const id of [...lists.keys(), ...queued]) forgotten.add(id);
      lists.clear();
      return saving;
    },
    idle: () => saving,
  };
}
