// Listing and searching assets (`GET /search/assets`, ouro-api.md §3.2): building clean
// `filters`/`metadata_filters`, clamping the page size, and paging by items actually received.
import { z } from 'zod';
import { AssetSchema, OffsetPaginationSchema, type Asset, type Page } from './models';
import { validate } from './envelope';
import type { Http } from './http';
import type { CallOptions } from './types';

export const SEARCH_MAX_LIMIT = 200;
export const SEARCH_DEFAULT_LIMIT = 20;

export type FilterValue = string | number | boolean | null | undefined | readonly (string | number | null | undefined)[];

export interface SearchParams extends CallOptions {
  /** Blank or absent = browse, newest first. */
  query?: string;
  scope?: 'personal' | 'org' | 'global' | 'all';
  sort?: 'relevant' | 'recent' | 'popular' | 'updated';
  timeWindow?: 'day' | 'week' | 'month' | 'all';
  assetType?: string | readonly string[];
  orgId?: string | null;
  teamId?: string | null;
  userId?: string | null;
  visibility?: string | null;
  source?: string | null;
  topLevelOnly?: boolean;
  /** e.g. `{extension: ['cif', 'xyz'], file_type: 'image'}`. */
  metadataFilters?: Record<string, FilterValue>;
  limit?: number;
  offset?: number;
}

/**
 * Drops blank strings, null and undefined (also inside arrays, and arrays left empty): Postgres
 * rejects `""` for uuid/enum filters (a 500) and `{"org_id": null}` matches nothing.
 * Returns undefined when nothing is left, so the parameter is omitted entirely.
 */
export function cleanFilters(filters: Record<string, FilterValue>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const keep = (v: unknown): boolean => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
  for (const [key, value] of Object.entries(filters)) {
    if (Array.isArray(value)) {
      const items = (value as readonly unknown[]).filter(keep).map((v) => (typeof v === 'string' ? v.trim() : v));
      if (items.length) out[key] = items;
    } else if (keep(value)) {
      out[key] = typeof value === 'string' ? value.trim() : value;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

export function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}

export function clampOffset(offset: number | undefined): number {
  return offset === undefined || !Number.isFinite(offset) ? 0 : Math.max(0, Math.floor(offset));
}

/** The query string for a search, exactly as sent. */
export function searchQuery(params: SearchParams): Record<string, string | number | undefined> {
  const filters = cleanFilters({
    asset_type: params.assetType,
    org_id: params.orgId,
    team_id: params.teamId,
    user_id: params.userId,
    visibility: params.visibility,
    source: params.source,
    top_level_only: params.topLevelOnly,
  });
  const metadata = params.metadataFilters ? cleanFilters(params.metadataFilters) : undefined;
  const query = params.query?.trim();
  return {
    query: query || undefined,
    scope: params.scope,
    sort: params.sort,
    time_window: params.timeWindow,
    filters: filters ? JSON.stringify(filters) : undefined,
    metadata_filters: metadata ? JSON.stringify(metadata) : undefined,
    limit: clampLimit(params.limit, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT),
    offset: clampOffset(params.offset),
  };
}

/**
 * Offset page from an envelope: `hasMore` from `pagination`; without one, a full page is taken to
 * mean "maybe more" (costs at most one extra empty request, never loses items).
 */
export function offsetPage<T>(items: T[], pagination: unknown, offset: number, limit: number): Page<T> {
  const parsed = OffsetPaginationSchema.safeParse(pagination);
  const meta = parsed.success ? parsed.data : undefined;
  const page: Page<T> = {
    items,
    hasMore: meta?.hasMore ?? items.length >= limit,
    nextOffset: offset + items.length,
  };
  if (typeof meta?.total === 'number') page.total = meta.total;
  // A server that says "more" but sent nothing would make a pager loop forever.
  if (items.length === 0) page.hasMore = false;
  return page;
}

export interface SearchApi {
  assets(params?: SearchParams): Promise<Page<Asset>>;
  /** Pages from `params.offset` until `hasMore` is false (browse with no query to see everything). */
  pages(params?: SearchParams): AsyncGenerator<Page<Asset>, void, undefined>;
}

export function createSearch(http: Http): SearchApi {
  const search: SearchApi = {
    async assets(params = {}) {
      const query = searchQuery(params);
      const limit = clampLimit(params.limit, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT);
      const offset = clampOffset(params.offset);
      const { body, facts } = await http.json({ method: 'GET', path: '/search/assets', query, ...(params.signal ? { signal: params.signal } : {}) });
      const items = validate(z.array(AssetSchema), body['data'], 'data', facts);
      return offsetPage(items, body['pagination'], offset, limit);
    },
    async *pages(params = {}) {
      // Paging everything defaults to the largest page the server allows.
      let offset = clampOffset(params.offset);
      const limit = clampLimit(params.limit, SEARCH_MAX_LIMIT, SEARCH_MAX_LIMIT);
      for (;;) {
        const page = await search.assets({ ...params, offset, limit });
        yield page;
        if (!page.hasMore) return;
        offset = page.nextOffset;
      }
    },
  };
  return search;
}
