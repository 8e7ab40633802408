// A CSV or TSV file as a dataset (ouro-api.md §5.4, §5.6): a first streaming pass infers each
// column's type and counts rows; the dataset is created schema-only under a client-chosen id and
// every later call uses the id Ouro answered with; a second pass sends rows in batches, reading
// each answer for rows added, skipped or columns ignored. Resuming starts after the rows Ouro
// has acknowledged, plus any it stored from a batch whose answer never arrived.
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import { DatasetSchema, type Dataset } from '../ouro/models';
import type { OuroClient } from '../ouro/client';
import { pathOf } from '../ouro/http';
import { delimiterFor, inferTable, records, schemaDdl, toRow, type Cell } from './csv-table';
import { addOutcome, emptyTally, readBatchAnswer, type BatchOutcome, type IngestTally } from './ingest';
import { RowBatcher, sendBatch } from './row-batches';

export interface DatasetJob {
  path: string;
  name: string;
  visibility: string;
  orgId?: string | undefined;
  teamId?: string | undefined;
  /** Chosen by the app and sent with the create, so a repeated create can only answer 409. */
  datasetId: string;
  /** The id the create answered with, once known: a resume skips the create. */
  createdId?: string | undefined;
  /** From an earlier run: rows Ouro acknowledged, and what it said about them. */
  rowsSent?: number | undefined;
  tally?: IngestTally | undefined;
}

export interface DatasetProgress extends IngestTally {
  rowsSent: number;
  rowsTotal: number;
}

export interface DatasetHooks {
  signal: AbortSignal;
  rows(sent: number, total: number): void;
  /** Saves a resume point (the created id, or acknowledged rows and their tally) before going on. */
  checkpoint(patch: { createdDatasetId: string } | DatasetProgress): Promise<void>;
  processing(): void;
}

export interface DatasetResult {
  id: string;
  url?: string | undefined;
  tally: IngestTally;
}

const StatsSchema = z.looseObject({ count: z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), z.number()).optional() });

async function createDataset(client: OuroClient, job: DatasetJob, ddl: string, columns: string[], preview: Array<Record<string, Cell>>, signal: AbortSignal): Promise<Dataset> {
  const displayName = job.name.replace(/\.(csv|tsv)$/i, '').slice(0, 255) || 'dataset';
  try {
    return await client.http.data(
      {
        method: 'POST',
        path: '/datasets/create/from-schema',
        // Safe to repeat: the id is ours, so a repeat can only answer 409.
        idempotent: true,
        signal,
        body: {
          dataset: {
            id: job.datasetId,
            name: displayName,
            visibility: job.visibility,
            schema: ddl,
            source: 'api',
            asset_type: 'dataset',
            preview,
            metadata: { schema: 'datasets', columns },
            attribution: { originality: 'original' },
            ...(job.orgId ? { org_id: job.orgId } : {}),
            ...(job.teamId ? { team_id: job.teamId } : {}),
          },
        },
      },
      DatasetSchema,
    );
  } catch (error) {
    // An earlier attempt created it and its answer was lost: it is ours (the id is ours).
    if (!(isAppError(error) && error.kind === 'conflict')) throw error;
    return client.datasets.get(job.datasetId, { signal });
  }
}

export async function uploadDataset(client: OuroClient, job: DatasetJob, hooks: DatasetHooks): Promise<DatasetResult> {
  const { signal } = hooks;
  const delimiter = delimiterFor(job.name);
  const table = await inferTable(job.path, delimiter, signal);
  hooks.rows(job.rowsSent ?? 0, table.rows);

  let dataset: Dataset;
  if (job.createdId) {
    dataset = await client.datasets.get(job.createdId, { signal });
  } else {
    const preview: Array<Record<string, Cell>> = [];
    for await (const cells of records(job.path, delimiter)) {
      if (preview.length === 13) break;
      preview.push(toRow(table, cells));
    }
    preview.shift(); // the header
    dataset = await createDataset(client, job, schemaDdl(table.names, table.types), table.names, preview, signal);
    await hooks.checkpoint({ createdDatasetId: dataset.id });
  }
  // Ouro's id from here on, whatever the app proposed.
  const id = dataset.id;

  let tally = job.tally ?? emptyTally();
  const stats = await client.http.data({ method: 'GET', path: pathOf`/datasets/${id}/stats`, signal }, StatsSchema);
  // Rows Ouro holds beyond those its answers accounted for came from a batch whose answer was
  // lost: they are stored, so they are neither sent again nor forgotten in the count.
  const acknowledged = job.rowsSent ?? 0;
  const unacknowledged = Math.max(0, (stats.count ?? 0) - tally.rowsInserted);
  let sent = Math.min(table.rows, acknowledged + unacknowledged);
  tally = { ...tally, rowsInserted: tally.rowsInserted + Math.max(0, sent - acknowledged) };
  const already = sent;
  await hooks.checkpoint({ rowsSent: sent, rowsTotal: table.rows, ...tally });
  hooks.rows(sent, table.rows);

  const send = async (rows: ReadonlyArray<Record<string, Cell>>): Promise<BatchOutcome> => {
    const { body, facts } = await client.http.json({ method: 'POST', path: pathOf`/datasets/${id}/data`, body: { rows, mode: 'append' }, signal });
    return readBatchAnswer(body, rows.length, facts);
  };
  const flush = async (rows: ReadonlyArray<Record<string, Cell>>): Promise<void> => {
    await sendBatch(send, rows, (part, outcome) => {
      sent += part.length;
      tally = addOutcome(tally, outcome);
      hooks.rows(sent, table.rows);
    });
    await hooks.checkpoint({ rowsSent: sent, rowsTotal: table.rows, ...tally });
    hooks.rows(sent, table.rows);
  };
  const batcher = new RowBatcher();
  let index = -1;
  for await (const cells of records(job.path, delimiter)) {
    if (signal.aborted) throw new AppError({ kind: 'cancelled', message: 'The upload was cancelled' });
    index++;
    if (index === 0 || index <= already) continue; // header, then rows Ouro already has
    const closed = batcher.push(toRow(table, cells));
    if (closed) await flush(closed);
  }
  if (batcher.pending) await flush(batcher.take());
  hooks.processing();
  return { id, url: dataset.url ?? undefined, tally };
}
