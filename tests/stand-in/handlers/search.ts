// GET /search/assets — the one listing/search endpoint (ouro-api.md §3.2): scope, sort,
// JSON-string `filters`/`metadata_filters` with Postgres-like failures on blank values, text and
// UUID queries, visibility, and offset pagination with `total`.
import { assetRow } from '../asset-view';
import { intParam, ok, type RequestContext } from '../context';
import { postgresInvalidInput, validationError } from '../errors';
import { fileTypeOf } from '../file-content';
import { ASSET_TYPES, VISIBILITIES, type AssetRecord } from '../model';
import { UUID_RE } from '../prng';
import type { Route } from '../router';
import type { SortMode } from '../store';

type Predicate = (asset: AssetRecord) => boolean;
const NOTHING: Predicate = () => false;

function parseJsonParam(ctx: RequestContext, name: string): Record<string, unknown> | null {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw validationError([{ loc: ['query', name], msg: `${name} must be a JSON-encoded object`, type: 'json_invalid' }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationError([{ loc: ['query', name], msg: `${name} must be a JSON object`, type: 'dict_type' }]);
  }
  return value as Record<string, unknown>;
}

/** Like Postgres: a blank or malformed string for a uuid column is a 500, null matches nothing. */
function uuidFilter(key: 'org_id' | 'team_id' | 'user_id', value: unknown): Predicate {
  if (value === null) return NOTHING;
  if (typeof value !== 'string') throw validationError([{ loc: ['query', 'filters', key], msg: 'Input should be a valid string', type: 'string_type' }]);
  if (!UUID_RE.test(value)) throw postgresInvalidInput('uuid', value);
  const id = value.toLowerCase();
  return (a) => a[key] === id;
}

function enumFilter(key: string, enumName: string, allowed: readonly string[], value: unknown, get: (a: AssetRecord) => string): Predicate {
  if (value === null) return NOTHING;
  const values = Array.isArray(value) ? value : [value];
  const set = new Set<string>();
  for (const v of values) {
    if (v === null) continue;
    if (typeof v !== 'string') throw validationError([{ loc: ['query', 'filters', key], msg: 'Input should be a valid string', type: 'string_type' }]);
    if (!allowed.includes(v)) throw postgresInvalidInput(enumName, v);
    set.add(v);
  }
  return (a) => set.has(get(a));
}

function buildFilters(ctx: RequestContext): { predicates: Predicate[]; types: Set<string> | null } {
  const predicates: Predicate[] = [];
  let types: Set<string> | null = null;
  const filters = parseJsonParam(ctx, 'filters') ?? {};
  // Top-level query params are accepted as well and combine with `filters` (AND).
  const fromQuery: Record<string, unknown>[] = [];
  for (const key of ['team_id', 'org_id', 'user_id', 'visibility'] as const) {
    const v = ctx.query.get(key);
    if (v !== null) fromQuery.push({ [key]: v });
  }
  const qTypes = ctx.query.getAll('asset_type').flatMap((v) => v.split(','));
  if (qTypes.length) fromQuery.push({ asset_type: qTypes });

  for (const source of [filters, ...fromQuery]) {
    for (const [key, value] of Object.entries(source)) {
      switch (key) {
        case 'org_id':
        case 'team_id':
        case 'user_id':
          predicates.push(uuidFilter(key, value));
          break;
        case 'asset_type': {
          predicates.push(enumFilter(key, 'asset_type', ASSET_TYPES, value, (a) => a.asset_type));
          const list = value === null ? [] : Array.isArray(value) ? value : [value];
          types = new Set(list.filter((v): v is string => typeof v === 'string'));
          break;
        }
        case 'visibility':
          predicates.push(enumFilter(key, 'asset_visibility', VISIBILITIES, value, (a) => a.visibility));
          break;
        case 'source':
          predicates.push(enumFilter(key, 'asset_source', ['web', 'api'], value, (a) => a.source));
          break;
        case 'top_level_only':
          if (value === true || value === 'true') predicates.push((a) => a.parent_id === null);
          break;
        default:
          break; // unknown keys are ignored, like the real API
      }
    }
  }

  const meta = parseJsonParam(ctx, 'metadata_filters') ?? {};
  for (const [key, value] of Object.entries(meta)) {
    if (value === null) {
      predicates.push(NOTHING);
      continue;
    }
    const wanted = new Set((Array.isArray(value) ? value : [value]).map((v) => String(v).toLowerCase().replace(/^\./, '')));
    if (key === 'file_type') {
      predicates.push((a) => {
        const mime = a.metadata?.type;
        return typeof mime === 'string' && wanted.has(fileTypeOf(mime) ?? '');
      });
    } else {
      predicates.push((a) => {
        const v = a.metadata?.[key];
        return v !== undefined && v !== null && wanted.has(String(v).toLowerCase());
      });
    }
  }
  return { predicates, types };
}

function snippetOf(text: string, token: string): string {
  const at = text.toLowerCase().indexOf(token);
  if (at < 0) return text.slice(0, 160);
  const start = Math.max(0, at - 60);
  const end = Math.min(text.length, at + token.length + 100);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

const WINDOWS_MS: Record<string, number> = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000 };

async function search(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const limit = intParam(ctx.query, 'limit', 20, { min: 1, max: 200 });
  const offset = intParam(ctx.query, 'offset', 0);
  const query = (ctx.query.get('query') ?? '').trim();
  const scope = ctx.query.get('scope') || 'all';
  if (!['personal', 'org', 'global', 'all'].includes(scope)) {
    throw validationError([{ loc: ['query', 'scope'], msg: "Input should be 'personal', 'org', 'global' or 'all'", type: 'enum' }], 422);
  }
  const sort = ctx.query.get('sort') || (query ? 'relevant' : 'recent');
  if (!['relevant', 'recent', 'popular', 'updated'].includes(sort)) {
    throw validationError([{ loc: ['query', 'sort'], msg: "Input should be 'relevant', 'recent', 'popular' or 'updated'", type: 'enum' }], 422);
  }
  const timeWindow = ctx.query.get('time_window') || 'month';
  if (!['day', 'week', 'month', 'all'].includes(timeWindow)) {
    throw validationError([{ loc: ['query', 'time_window'], msg: "Input should be 'day', 'week', 'month' or 'all'", type: 'enum' }], 422);
  }
  const { predicates, types } = buildFilters(ctx);
  const me = ctx.userId;
  const myOrgs = store.myOrgIds(me);
  // Conversations are private chats; they only show up when asked for explicitly.
  const wantsConversations = types?.has('conversation') ?? false;

  const base: Predicate = (a) => {
    if (a.asset_type === 'conversation' && !wantsConversations) return false;
    if (!store.canSee(me, a)) return false;
    if (scope === 'personal' && a.user_id !== me) return false;
    if (scope === 'org' && !myOrgs.has(a.org_id)) return false;
    return true;
  };

  if (query && UUID_RE.test(query)) {
    const asset = store.assets.get(query.toLowerCase());
    const hit = asset && base(asset) && predicates.every((p) => p(asset)) ? [asset] : [];
    const page = hit.slice(offset, offset + limit);
    ok(ctx, page.map((a) => ({ ...assetRow(store, a), snippet: a.name ?? '', match_source: 'id' })), {
      pagination: { offset, limit, hasMore: false, total: hit.length },
    });
    return;
  }

  const mode: SortMode = sort === 'updated' ? 'updated' : sort === 'popular' ? 'popular' : 'recent';
  const tokens = query.toLowerCase().split(/\s+/).filter(Boolean);
  let cutoff = '';
  if (sort === 'popular' && timeWindow !== 'all') {
    // Measured back from the newest asset so the fixed seed dates never age out of the window.
    let newest = 0;
    for (const a of store.assets.values()) newest = Math.max(newest, Date.parse(a.created_at));
    const now = Math.min(Date.now(), newest);
    cutoff = new Date(now - (WINDOWS_MS[timeWindow] ?? 0)).toISOString().replace('Z', '+00:00');
  }

  let matches = store.sorted(mode).filter((a) => {
    if (!base(a)) return false;
    if (cutoff && a.created_at < cutoff) return false;
    if (tokens.length) {
      const text = store.textOf(a.id);
      if (!tokens.every((t) => text.includes(t))) return false;
    }
    return predicates.every((p) => p(a));
  });

  if (tokens.length && sort === 'relevant') {
    const q = tokens.join(' ');
    const score = (a: AssetRecord): number => {
      const name = (a.name ?? '').toLowerCase();
      if (name === q) return 3;
      if (name.startsWith(q)) return 2;
      return tokens.every((t) => name.includes(t)) ? 1 : 0;
    };
    matches = matches.map((a) => ({ a, s: score(a) })).sort((x, y) => y.s - x.s).map((x) => x.a);
  }

  const page = matches.slice(offset, offset + limit);
  const rows = page.map((a) => {
    const row = assetRow(store, a);
    if (!tokens.length) return row;
    const name = (a.name ?? '').toLowerCase();
    const inName = tokens.every((t) => name.includes(t));
    const first = tokens[0] ?? '';
    return {
      ...row,
      snippet: inName ? (a.name ?? '') : snippetOf(a.description?.text ?? '', first),
      match_source: inName ? 'name' : 'description',
    };
  });
  ok(ctx, rows, {
    pagination: { offset, limit, hasMore: offset + page.length < matches.length, total: matches.length },
  });
}

export const searchRoutes: Route[] = [{ method: 'GET', pattern: '/search/assets', handler: search }];
