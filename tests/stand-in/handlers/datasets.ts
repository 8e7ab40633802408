// Dataset routes (ouro-api.md §5): retrieve, schema, stats, paged rows (limit ≤ 1000), create
// from schema with atomic row ingest, row append/overwrite/upsert, update and delete.
import { randomUUID } from 'node:crypto';
import { assetRow } from '../asset-view';
import { intParam, isRecord, ok, requireObject, type RequestContext } from '../context';
import { assetNotFound, forbidden, conflict, validationError } from '../errors';
import { columnDescriptors, columnsFromDdl, pageRows, rowCount } from '../dataset-rows';
import { VISIBILITIES, type AssetRecord, type ColumnDef, type DatasetBacking, type Row, type Visibility } from '../model';
import { UUID_RE } from '../prng';
import type { Route } from '../router';
import { GLOBAL_ID } from '../store';
import { deleteAsset, parseDescription, parseName, resolvePlacement } from './files';

function nowIso(): string {
  return new Date().toISOString().replace('Z', '+00:00');
}

function datasetOf(ctx: RequestContext): { asset: AssetRecord; backing: DatasetBacking } {
  const id = ctx.params.id ?? '';
  const asset = ctx.services.store.visibleAsset(ctx.userId, id);
  const backing = ctx.services.store.datasets.get(id);
  if (!asset || asset.asset_type !== 'dataset' || !backing) throw assetNotFound(id);
  return { asset, backing };
}

function retrieve(ctx: RequestContext): void {
  ok(ctx, assetRow(ctx.services.store, datasetOf(ctx).asset));
}

function schema(ctx: RequestContext): void {
  ok(ctx, columnDescriptors(datasetOf(ctx).backing.columns));
}

function stats(ctx: RequestContext): void {
  const { asset, backing } = datasetOf(ctx);
  ok(ctx, {
    count: rowCount(backing),
    columns: backing.columns.length,
    table_name: asset.metadata?.table_name ?? null,
    last_updated: asset.last_updated,
  });
}

function rows(ctx: RequestContext): void {
  const { backing } = datasetOf(ctx);
  const limit = intParam(ctx.query, 'limit', 100, { min: 1, max: 1000, status: 400 });
  const offset = intParam(ctx.query, 'offset', 0, { status: 400 });
  const page = pageRows(backing, offset, limit);
  ok(ctx, page, { pagination: { hasMore: offset + page.length < rowCount(backing), offset, limit } });
}

/** Validates incoming rows; keeps known columns, counts ignored ones for the ingest warning. */
function ingest(columns: ColumnDef[], raw: unknown, loc: string[]): { accepted: Row[]; ignored: Map<string, number> } {
  if (!Array.isArray(raw)) throw validationError([{ loc, msg: 'Input should be a valid list', type: 'list_type' }]);
  const names = new Set(columns.map((c) => c.name));
  const enums = new Map(columns.filter((c) => c.type === 'enum').map((c) => [c.name, new Set(c.enumValues ?? [])]));
  const ignored = new Map<string, number>();
  const accepted: Row[] = [];
  raw.forEach((row, index) => {
    if (!isRecord(row)) throw validationError([{ loc: [...loc, index], msg: 'Input should be a valid dictionary', type: 'dict_type' }]);
    const clean: Row = {};
    for (const [key, value] of Object.entries(row)) {
      if (!names.has(key)) {
        ignored.set(key, (ignored.get(key) ?? 0) + 1);
        continue;
      }
      const allowed = enums.get(key);
      if (allowed && value !== null && !allowed.has(String(value))) {
        throw validationError([{ loc: [...loc, index, key], msg: `Value ${JSON.stringify(value)} is not one of ${[...allowed].join(', ')}`, type: 'enum' }]);
      }
      clean[key] = value;
    }
    for (const c of columns) if (!(c.name in clean)) clean[c.name] = null;
    accepted.push(clean);
  });
  return { accepted, ignored };
}

function ignoredWarning(ignored: Map<string, number>): Record<string, unknown> {
  if (!ignored.size) return {};
  return {
    warning: {
      message: `Ignored ${ignored.size} unknown column(s)`,
      ignored_columns: [...ignored.entries()].map(([column, count]) => ({ column, count })),
    },
  };
}

function parseEnumColumns(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isRecord(value)) return out;
  for (const [name, spec] of Object.entries(value)) {
    const values = isRecord(spec) ? spec.values : spec;
    if (Array.isArray(values)) out[name] = values.map(String);
  }
  return out;
}

async function createFromSchema(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const ds = requireObject(await ctx.body.json(), 'dataset');
  const name = parseName(ds.name, ['body', 'dataset', 'name'], true);
  const meta = isRecord(ds.metadata) ? ds.metadata : {};
  const ddl = typeof ds.schema === 'string' ? ds.schema : '';
  let columnNames: string[] | null = null;
  if (Array.isArray(meta.columns) && meta.columns.every((c) => typeof c === 'string')) columnNames = meta.columns as string[];
  else if (ddl) columnNames = [...ddl.matchAll(/"([^"]+)"\s+[A-Za-z]/g)].map((m) => m[1] ?? '').filter(Boolean);
  if (!columnNames || columnNames.length === 0) {
    throw validationError([{ loc: ['body', 'dataset', 'metadata', 'columns'], msg: 'field required (list of column names)', type: 'missing' }]);
  }
  const visibilityRaw = ds.visibility ?? 'private';
  if (typeof visibilityRaw !== 'string' || !(VISIBILITIES as readonly string[]).includes(visibilityRaw)) {
    throw validationError([{ loc: ['body', 'dataset', 'visibility'], msg: 'Input should be a valid visibility', type: 'enum' }]);
  }
  let id: string = randomUUID();
  if (typeof ds.id === 'string') {
    if (!UUID_RE.test(ds.id)) throw validationError([{ loc: ['body', 'dataset', 'id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }]);
    id = ds.id.toLowerCase();
  }
  if (store.assets.has(id)) throw conflict(`Asset ${id} already exists`);
  const source = ds.source === 'web' ? 'web' : 'api';
  const team = resolvePlacement(store, ctx.userId, ds, source);
  const enumColumns = { ...parseEnumColumns(meta.enum_columns), ...parseEnumColumns(ds.enum_columns) };
  const columns = columnsFromDdl(ddl, columnNames, enumColumns);
  const backing: DatasetBacking = { columns, generated: null, rows: [] };
  let ingestResult: { accepted: Row[]; ignored: Map<string, number> } | null = null;
  if (ds.rows !== undefined && ds.rows !== null) ingestResult = ingest(columns, ds.rows, ['body', 'dataset', 'rows']);
  if (ingestResult) backing.rows.push(...ingestResult.accepted);
  const now = nowIso();
  let visibility = visibilityRaw as Visibility;
  if (visibility === 'organization' && team.org_id === GLOBAL_ID) visibility = 'public';
  const asset: AssetRecord = {
    id,
    asset_type: 'dataset',
    name,
    description: parseDescription(ds.description),
    visibility,
    user_id: ctx.userId,
    org_id: team.org_id,
    team_id: team.id,
    parent_id: null,
    created_at: now,
    last_updated: now,
    metadata: {
      ...meta,
      table_name: `ds_${id.replace(/-/g, '')}`,
      schema: 'datasets',
      columns: columnNames,
      ...(Object.keys(enumColumns).length ? { enum_columns: Object.fromEntries(Object.entries(enumColumns).map(([k, v]) => [k, { values: v }])) } : {}),
    },
    preview: pageRows(backing, 0, 12),
    state: 'success',
    source,
    license_id: typeof ds.license_id === 'string' ? ds.license_id : null,
    monetization: 'none',
    price: null,
    attribution: isRecord(ds.attribution) ? ds.attribution : { originality: 'original' },
    views: 0,
    downloads: 0,
  };
  store.datasets.set(id, backing);
  store.addAsset(asset);
  ok(ctx, assetRow(store, asset), {
    ...(ingestResult ? { row_ingest: { inserted: ingestResult.accepted.length, skipped: 0 } } : {}),
    ...(ingestResult ? ignoredWarning(ingestResult.ignored) : {}),
  });
}

async function insertRows(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const { asset, backing } = datasetOf(ctx);
  const body = await ctx.body.json();
  if (!isRecord(body)) throw validationError([{ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type' }]);
  if (!store.canEdit(ctx.userId, asset)) throw forbidden(`You do not have permission to update asset ${asset.id}`, 'update_forbidden');
  const mode = body.mode ?? 'append';
  if (mode !== 'append' && mode !== 'overwrite' && mode !== 'upsert') {
    throw validationError([{ loc: ['body', 'mode'], msg: "Input should be 'append', 'overwrite' or 'upsert'", type: 'enum' }]);
  }
  const { accepted, ignored } = ingest(backing.columns, body.rows, ['body', 'rows']);
  if (mode === 'overwrite') {
    backing.generated = null;
    backing.rows = accepted;
  } else if (mode === 'upsert' && backing.columns.some((c) => c.name === 'id')) {
    // Materialise generated rows only when an upsert needs to edit them.
    if (backing.generated) {
      backing.rows = [...pageRows(backing, 0, rowCount(backing))];
      backing.generated = null;
    }
    const byId = new Map(backing.rows.map((r, i) => [String(r.id), i]));
    for (const row of accepted) {
      const at = byId.get(String(row.id));
      if (at === undefined) backing.rows.push(row);
      else backing.rows[at] = row;
    }
  } else backing.rows.push(...accepted);
  asset.last_updated = nowIso();
  asset.preview = pageRows(backing, 0, 12);
  store.indexAsset(asset);
  ok(ctx, { inserted: accepted.length, skipped: 0, mode }, ignoredWarning(ignored));
}

async function update(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const { asset } = datasetOf(ctx);
  const body = requireObject(await ctx.body.json(), 'dataset');
  if (!store.canEdit(ctx.userId, asset)) throw forbidden(`You do not have permission to update asset ${asset.id}`, 'update_forbidden');
  if (body.name !== undefined) asset.name = parseName(body.name, ['body', 'dataset', 'name'], true);
  if (body.description !== undefined) asset.description = parseDescription(body.description);
  if (typeof body.visibility === 'string' && (VISIBILITIES as readonly string[]).includes(body.visibility)) asset.visibility = body.visibility as Visibility;
  asset.last_updated = nowIso();
  store.indexAsset(asset);
  ok(ctx, assetRow(store, asset));
}

function remove(ctx: RequestContext): void {
  deleteAsset(ctx, datasetOf(ctx).asset);
}

export const datasetRoutes: Route[] = [
  { method: 'POST', pattern: '/datasets/create/from-schema', handler: createFromSchema },
  { method: 'GET', pattern: '/datasets/:id', handler: retrieve },
  { method: 'PUT', pattern: '/datasets/:id', handler: update },
  { method: 'DELETE', pattern: '/datasets/:id', handler: remove },
  { method: 'GET', pattern: '/datasets/:id/schema', handler: schema },
  { method: 'GET', pattern: '/datasets/:id/stats', handler: stats },
  { method: 'GET', pattern: '/datasets/:id/data', handler: rows },
  { method: 'POST', pattern: '/datasets/:id/data', handler: insertRows },
];
