// Dataset assets: record, column schema, row count (`stats`), offset-paged rows, updates, deletes.
import { z } from 'zod';
import {
  DatasetColumnSchema,
  DatasetRowSchema,
  DatasetSchema,
  DatasetStatsSchema,
  OffsetPaginationSchema,
  type Dataset,
  type DatasetColumn,
  type DatasetRow,
  type DatasetStats,
} from './models';
import { deleteAsset, updateRecord, type AssetUpdate, type DeleteOptions, type DeleteSummary } from './asset-edits';
import { downloadAsset, type DownloadOptions, type DownloadResult } from './download';
import { validate } from './envelope';
import { isRecord } from './errors';
import { pathOf, type Http } from './http';
import { clampLimit, clampOffset } from './search';
import type { CallOptions } from './types';

/** ouro-py reads 1000 rows per page and ouro-mcp caps there; the server maximum is unknown. */
export const ROWS_MAX_LIMIT = 1000;
export const ROWS_DEFAULT_LIMIT = 100;

export interface RowsParams extends CallOptions {
  offset?: number;
  limit?: number;
  /** Ask for `resolved_refs` (reference columns → asset/action summaries). */
  resolveRefs?: boolean;
}

export interface RowsPage {
  rows: DatasetRow[];
  hasMore: boolean;
  nextOffset: number;
  resolvedRefs?: Record<string, unknown>;
}

export interface DatasetsApi {
  get(id: string, options?: CallOptions): Promise<Dataset>;
  /** Columns, with `name`/`type` filled from `column_name`/`data_type` when missing. */
  schema(id: string, options?: CallOptions): Promise<DatasetColumn[]>;
  stats(id: string, options?: CallOptions): Promise<DatasetStats>;
  rows(id: string, params?: RowsParams): Promise<RowsPage>;
  /** The whole dataset as CSV (Ouro's download endpoint), streamed to a file. */
  exportTo(id: string, destPath: string, options?: Omit<DownloadOptions, 'assetType'>): Promise<DownloadResult>;
  /** `PUT /datasets/{id}` with `{dataset: {…changes}}` (§5.6); answers the updated record. */
  update(id: string, update: AssetUpdate, options?: CallOptions): Promise<Dataset>;
  /** `DELETE /datasets/{id}`; null when Ouro did not send a summary (older backends). */
  delete(id: string, options?: DeleteOptions): Promise<DeleteSummary | null>;
}

export function createDatasets(http: Http): DatasetsApi {
  return {
    get: (id, options) => http.data({ method: 'GET', path: pathOf`/datasets/${id}`, ...options }, DatasetSchema),
    async schema(id, options) {
      const columns = await http.data({ method: 'GET', path: pathOf`/datasets/${id}/schema`, ...options }, z.array(DatasetColumnSchema));
      return columns.map((c) => ({ ...c, name: c.name ?? c.column_name, type: c.type ?? c.data_type }));
    },
    stats: (id, options) => http.data({ method: 'GET', path: pathOf`/datasets/${id}/stats`, ...options }, DatasetStatsSchema),
    exportTo: (id, destPath, options) => downloadAsset(http, id, destPath, { ...options, assetType: 'dataset' }),
    // ouro-py's dataset update body carries no id (the path names it).
    update: (id, update, options) =>
      http.data({ method: 'PUT', path: pathOf`/datasets/${id}`, body: { dataset: updateRecord(update) }, idempotent: true, ...options }, DatasetSchema),
    delete: (id, options) => deleteAsset(http, 'datasets', id, options),
    async rows(id, params = {}) {
      const offset = clampOffset(params.offset);
      const limit = clampLimit(params.limit, ROWS_DEFAULT_LIMIT, ROWS_MAX_LIMIT);
      const { body, facts } = await http.json({
        method: 'GET',
        path: pathOf`/datasets/${id}/data`,
        query: { offset, limit, resolve_refs: params.resolveRefs ? true : undefined },
        ...(params.signal ? { signal: params.signal } : {}),
      });
      const rows = validate(z.array(DatasetRowSchema), body['data'], 'data', facts);
      const pagination = OffsetPaginationSchema.safeParse(body['pagination']);
      // No pagination object: a full page may have more; an empty page never does.
      const hasMore = rows.length > 0 && ((pagination.success ? pagination.data.hasMore : undefined) ?? rows.length >= limit);
      const page: RowsPage = { rows, hasMore, nextOffset: offset + rows.length };
      const refs = body['resolved_refs'];
      if (isRecord(refs)) page.resolvedRefs = refs;
      return page;
    },
  };
}
