// The palette's server search: files, datasets and conversations in one `/search/assets` call.
// Each page (sender) has at most one search in flight: a newer query aborts the older one, so a
// fast typist costs one request at a time, not one per keystroke still running.
import type { PaletteResults } from '../../shared/palette';
import type { OuroClient } from '../ouro/client';
import { itemFromAsset } from './palette-items';

export const PALETTE_DEFAULT_LIMIT = 20;

export interface PaletteSearch {
  search(query: string, options: { sender: string; limit?: number }): Promise<PaletteResults>;
  /** Aborts everything in flight (sign-out, quit). */
  abortAll(): void;
}

export function createPaletteSearch(deps: { client(): OuroClient }): PaletteSearch {
  const inFlight = new Map<string, AbortController>();
  return {
    async search(query, { sender, limit = PALETTE_DEFAULT_LIMIT }) {
      inFlight.get(sender)?.abort();
      const controller = new AbortController();
      inFlight.set(sender, controller);
      try {
        const page = await deps.client().search.assets({
          query,
          assetType: ['file', 'dataset', 'conversation'],
          scope: 'all',
          sort: 'relevant',
          limit,
          signal: controller.signal,
        });
        const items = page.items.flatMap((asset) => itemFromAsset(asset) ?? []);
        return { query, items };
      } finally {
        if (inFlight.get(sender) === controller) inFlight.delete(sender);
      }
    },
    abortAll() {
      for (const controller of inFlight.values()) controller.abort();
      inFlight.clear();
    },
  };
}
