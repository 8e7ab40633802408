// The dataset details channels: one dataset's record + column schema + row count, a block of its
// rows, and the whole table exported as CSV to a file the person picks. Maps Ouro's records to
// the slim display types of shared/browse.ts so only what the UI shows crosses IPC.
import type { DatasetColumnInfo, DatasetDetails } from '../../shared/browse';
import type { Dataset, DatasetColumn, DatasetStats } from '../ouro/models';
import { isAppError } from '../../shared/app-error';
import type { AccountService } from '../account/account-service';
import type { DownloadManager } from '../downloads/download-manager';
import type { Handlers } from '../ipc/handlers';
import type { Logger } from '../log';
import { count, descriptionText, text, toAssetRow } from './rows';
import { saveAssetDownload, type ChooseSavePath } from './save-download';
import { createViewRecorder } from './view-records';

export interface DatasetHandlerDeps {
  account: AccountService;
  /** The save dialog (Electron's in main, a scripted one in the web host and tests). */
  chooseSavePath: ChooseSavePath;
  log: Logger;
  /** The Downloads list exports run in (quitting aborts them). */
  downloads: DownloadManager;
}

export type DatasetHandlers = Pick<Handlers, 'datasets:get' | 'datasets:stats' | 'datasets:rows' | 'datasets:export'>;

/** Failures that say something about the dataset itself, not just its /schema endpoint. */
const FATAL_FOR_DETAILS = new Set(['unauthorized', 'forbidden', 'not-found', 'not-signed-in']);

export function toColumnInfo(column: DatasetColumn): DatasetColumnInfo {
  return {
    name: column.name ?? column.column_name,
    type: text(column.type) ?? text(column.data_type) ?? 'unknown',
    semanticType: text(column.semantic_type),
    enumValues: column.enum_values ?? null,
  };
}

/** Older backends may not answer /schema; the record's column names are better than nothing. */
function columnsFromMetadata(dataset: Dataset): DatasetColumnInfo[] {
  return (dataset.metadata?.columns ?? []).map((name) => ({ name, type: 'unknown', semanticType: null, enumValues: null }));
}

export function toDatasetDetails(dataset: Dataset, columns: DatasetColumnInfo[], stats: DatasetStats | null): DatasetDetails {
  return {
    ...toAssetRow(dataset),
    assetType: 'dataset',
    name: text(dataset.name) ?? 'Untitled dataset',
    // /stats is the authority; a count in the listing's metadata is only a fallback.
    rowCount: (stats ? count(stats.count) : null) ?? toAssetRow(dataset).rowCount,
    description: descriptionText(dataset.description),
    columns,
  };
}

/** The save dialog's suggestion (save-download makes it safe for the file system). */
export function csvFileName(name: string | null | undefined): string {
  const base = text(name)?.trim() ?? 'dataset';
  return base.toLowerCase().endsWith('.csv') ? base : `${base}.csv`;
}

export function createDatasetHandlers(deps: DatasetHandlerDeps): DatasetHandlers {
  const recordView = createViewRecorder(deps.log);
  return {
    async 'datasets:get'({ id }) {
      const client = deps.account.client();
      // Three independent reads in parallel. Schema and stats get their handlers at once, so if
      // the record fails first, their own failures are never unhandled rejections.
      const record = client.datasets.get(id);
      const schema = client.datasets.schema(id).then(
        (columns) => ({ ok: true as const, columns }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const stats = client.datasets.stats(id).catch((error: unknown) => {
        // The count is a nicety: the details are still worth showing without it (rowCount null).
        if (!isAppError(error) || error.kind !== 'not-found') deps.log.warn(`Dataset stats unavailable for ${id}`, error);
        return null;
      });
      const dataset = await record;
      recordView(client, id);
      const columnsResult = await schema;
      let columns: DatasetColumnInfo[];
      if (columnsResult.ok) {
        columns = columnsResult.columns.map(toColumnInfo);
      } else {
        // The record loaded, so the dataset exists; a failing /schema must not hide it — unless
        // the person is signed out or lost access meanwhile, which they need to see.
        const error = columnsResult.error;
        if (isAppError(error) && FATAL_FOR_DETAILS.has(error.kind)) throw error;
        deps.log.warn(`Dataset schema unavailable for ${id}`, error);
        columns = columnsFromMetadata(dataset);
      }
      return toDatasetDetails(dataset, columns, await stats);
    },

    async 'datasets:stats'({ id }) {
      const stats = await deps.account.client().datasets.stats(id);
      return { count: count(stats.count) };
    },

    async 'datasets:rows'({ id, offset, limit }) {
      const page = await deps.account.client().datasets.rows(id, { offset, limit });
      return { rows: page.rows, hasMore: page.hasMore };
    },

    async 'datasets:export'({ id }) {
      const dataset = await deps.account.client().datasets.get(id);
      return saveAssetDownload({
        account: deps.account,
        assetId: id,
        assetType: 'dataset',
        suggestedName: csvFileName(dataset.name),
        chooseSavePath: deps.chooseSavePath,
        downloads: deps.downloads,
        log: deps.log,
      });
    },
  };
}
