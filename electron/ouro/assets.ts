// Generic per-asset calls (ouro-api.md §3.3) the app makes for any asset type: the view record
// ouro-py sends whenever it retrieves an asset, which keeps Ouro's view and unread counts right.
import { z } from 'zod';
import { pathOf, type Http } from './http';
import type { CallOptions } from './types';

const AssetTypeSchema = z.looseObject({ asset_type: z.string() });

export interface AssetsApi {
  /**
   * `POST /assets/{id}/view` with the SDK's body. Not retried (a lost view is harmless, a doubled
   * one is not); callers treat it as best-effort.
   */
  recordView(id: string, options?: CallOptions): Promise<void>;
  /** `GET /assets/{id}/type`: which kind of asset an id names (file, dataset, conversation, post…). */
  type(id: string, options?: CallOptions): Promise<string>;
}

export function viewBody(id: string): { source: 'api'; type: 'full'; pathname: string } {
  // The pathname carries the raw id, like the SDK's f-string; the URL path is what gets encoded.
  return { source: 'api', type: 'full', pathname: `/assets/${id}` };
}

export function createAssets(http: Http): AssetsApi {
  return {
    async recordView(id, options) {
      await http.json({ method: 'POST', path: pathOf`/assets/${id}/view`, body: viewBody(id), idempotent: false, ...options });
    },
    async type(id, options) {
      return (await http.data({ method: 'GET', path: pathOf`/assets/${id}/type`, ...options }, AssetTypeSchema)).asset_type;
    },
  };
}
