// Dataset routes (ouro-api.md §5): retrieve, schema, stats, paged rows (limit ≤ 1000), create
// from schema with atomic row ingest, row append/overwrite/upsert, update and delete.
import { randomUUID } from 'node:crypto';
import { assetRow } from '../asset-view';
import { intParam, isRecord, ok, type RequestContext } from '../context';
import { assetNotFound, forbidden, conflict, validationError } from '../errors';
import { columnDescriptors, columnsFromDdl, pageRows, rowCount } from '../dataset-rows';
import type { AssetRecord, ColumnDef, DatasetBacking, Row } from '../model';
import type { Route } from '../router';
import { GLOBAL_ID } from '../store';
import { deleteAsset, movePlacement, resolvePlacement, settlePlacement } from './files';
import { DatasetCreateBody, DatasetRowsBody, DatasetUpdateBody, parseBody } from '../schemas';

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

/** Keeps known columns (counting ignored ones for the ingest warning) and checks enum values. */
function ingest(columns: ColumnDef[], raw: readonly Row[], loc: (string | number)[]): { accepted: Row[]; ignored: Map<string, number> } {
  const names = new Set(columns.map((c) => c.name));
  const enums = new Map(columns.filter((c) => c.type === 'enum').map((c) => [c.name, new Set(c.enumValues ?? [])]));
  const ignored = new Map<string, number>();
  const accepted: Row[] = [];
  raw.forEach((row, index) => {
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

/**
 * The `skipRows` fault: the last rows of the batch are not stored, as when Ouro's reference
 * checks fail (sdk-create-partial-ingest-warning). Returns the rows kept and the warning.
 */
function skipFault(ctx: RequestContext, rows: Row[]): { kept: Row[]; skipped: number; warning: Record<string, unknown> | null } {
  const skipped = Math.min(rows.length, ctx.fault?.skipRows ?? 0);
  if (skipped === 0) return { kept: rows, skipped: 0, warning: null };
  return {
    kept: rows.slice(0, rows.length - skipped),
    skipped,
    warning: {
      message: `${skipped} rows were skipped because a reference value was missing.`,
      rows: rows.slice(rows.length - skipped).slice(0, 10),
      refs: { missing_count: skipped, type_mismatch_count: 0, malformed_count: 0, skipped_row_count: skipped, columns: [] },
    },
  };
}

function ingestWarning(ignored: Map<string, number>, skipWarning: Record<string, unknown> | null): Record<string, unknown> {
  if (!ignored.size && !skipWarning) return {};
  const parts = [skipWarning?.message, ignored.size ? `Ignored ${ignored.size} unknown column(s)` : null].filter(Boolean);
  return {
    warning: {
      ...(skipWarning ?? {}),
      message: parts.join(' '),
      ...(ignored.size ? { ignored_columns: [...ignored.entries()].map(([column, count]) => ({ column, count })) } : {}),
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
  const { dataset: ds } = parseBody(DatasetCreateBody, await ctx.body.json());
  const id = ds.id?.toLowerCase() ?? randomUUID();
  if (store.assets.has(id)) throw conflict(`Asset ${id} already exists`);
  const source = ds.source ?? 'web';
  const team = resolvePlacement(store, ctx.userId, ds, source);
  const enumColumns = { ...parseEnumColumns(ds.metadata.enum_columns), ...parseEnumColumns(ds.enum_columns) };
  const columnNames = ds.metadata.columns;
  const columns = columnsFromDdl(ds.schema, columnNames, enumColumns);
  const backing: DatasetBacking = { columns, generated: null, rows: [] };
  let ingested: { accepted: Row[]; ignored: Map<string, number>; skipped: number; warning: Record<string, unknown> | null } | null = null;
  if (ds.rows) {
    const { accepted, ignored } = ingest(columns, ds.rows, ['body', 'dataset', 'rows']);
    const { kept, skipped, warning } = skipFault(ctx, accepted);
    ingested = { accepted: kept, ignored, skipped, warning };
    backing.rows.push(...kept);
  }
  const now = nowIso();
  let visibility = ds.visibility ?? 'public';
  if (visibility === 'organization' && team.org_id === GLOBAL_ID) visibility = 'public';
  const asset: AssetRecord = {
    id,
    asset_type: 'dataset',
    name: ds.name,
    description: ds.description ? { json: ds.description.json, text: ds.description.text } : null,
    visibility,
    user_id: ctx.userId,
    org_id: team.org_id,
    team_id: team.id,
    parent_id: null,
    created_at: now,
    last_updated: now,
    metadata: {
      ...ds.metadata,
      table_name: `ds_${id.replace(/-/g, '')}`,
      schema: 'datasets',
      columns: columnNames,
      ...(Object.keys(enumColumns).length ? { enum_columns: Object.fromEntries(Object.entries(enumColumns).map(([k, v]) => [k, { values: v }])) } : {}),
    },
    preview: pageRows(backing, 0, 12),
    state: 'success',
    source,
    license_id: ds.license_id ?? null,
    monetization: ds.monetization ?? 'none',
    price: ds.price ?? null,
    attribution: ds.attribution ?? { originality: 'original' },
    views: 0,
    downloads: 0,
  };
  store.datasets.set(id, backing);
  store.addAsset(asset);
  ok(ctx, assetRow(store, asset), {
    ...(ingested ? { row_ingest: { inserted: ingested.accepted.length, skipped: ingested.skipped } } : {}),
    ...(ingested ? ingestWarning(ingested.ignored, ingested.warning) : {}),
  });
}

async function insertRows(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const { asset, backing } = datasetOf(ctx);
  const body = parseBody(DatasetRowsBody, await ctx.body.json());
  if (!store.canEdit(ctx.userId, asset)) throw forbidden(`You do not have permission to update asset ${asset.id}`, 'update_forbidden');
  const { mode } = body;
  const ingested = ingest(backing.columns, body.rows, ['body', 'rows']);
  const { kept: accepted, skipped, warning } = skipFault(ctx, ingested.accepted);
  const { ignored } = ingested;
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
  ok(ctx, { inserted: accepted.length, skipped, mode }, ingestWarning(ignored, warning));
}

async function update(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const { asset } = datasetOf(ctx);
  const { dataset: body } = parseBody(DatasetUpdateBody, await ctx.body.json());
  if (!store.canEdit(ctx.userId, asset)) throw forbidden(`You do not have permission to update asset ${asset.id}`, 'update_forbidden');
  const team = movePlacement(ctx, body);
  if (body.name !== undefined) asset.name = body.name;
  if (body.description !== undefined) asset.description = body.description ? { json: body.description.json, text: body.description.text } : null;
  if (body.visibility !== undefined) asset.visibility = body.visibility;
  settlePlacement(asset, team);
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
