// A CSV or TSV file as a dataset (ouro-api.md §5.4, §5.6): a first streaming pass infers each
// column's type (integer, real, text, timestamp, boolean) and counts rows; the dataset is created
// schema-only under a client-chosen id; a second pass sends rows in batches whose JSON body stays
// ≤ 1,000,000 bytes, halving a batch on 413. Resuming asks Ouro how many rows it already has.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import { DatasetSchema } from '../../shared/ouro-models';
import type { OuroClient } from '../ouro/client';
import { pathOf } from '../ouro/http';

export const MAX_BATCH_BODY_BYTES = 1_000_000;

export type ColumnType = 'integer' | 'real' | 'timestamp' | 'boolean' | 'text';
export type Cell = string | number | boolean | null;

const INTEGER_RE = /^[+-]?\d+$/;
const REAL_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN_VALUES = new Map([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
]);
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?)?$/i;

/** Which types a column's values so far still allow; narrowed value by value. */
export class ColumnGuess {
  private integer = true;
  private real = true;
  private boolean = true;
  private timestamp = true;
  private seen = false;

  observe(raw: string): void {
    const value = raw.trim();
    if (value === '') return; // empty cells are nulls and say nothing about the type
    this.seen = true;
    if (this.integer && !(INTEGER_RE.test(value) && Number.isSafeInteger(Number(value)))) this.integer = false;
    if (this.real && !(REAL_RE.test(value) && Number.isFinite(Number(value)))) this.real = false;
    if (this.boolean && !BOOLEAN_VALUES.has(value.toLowerCase())) this.boolean = false;
    if (this.timestamp && !(TIMESTAMP_RE.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T'))))) this.timestamp = false;
  }

  get type(): ColumnType {
    if (!this.seen) return 'text';
    if (this.integer) return 'integer';
    if (this.real) return 'real';
    if (this.boolean) return 'boolean';
    if (this.timestamp) return 'timestamp';
    return 'text';
  }
}

export function convertCell(raw: string | undefined, type: ColumnType): Cell {
  const value = (raw ?? '').trim();
  // ouro-py sends empty strings (and NaN) as null.
  if (value === '') return null;
  switch (type) {
    case 'integer':
    case 'real':
      return Number(value);
    case 'boolean':
      return BOOLEAN_VALUES.get(value.toLowerCase()) ?? null;
    case 'timestamp':
      return value;
    case 'text':
      return raw ?? '';
  }
}

/** Lowercase snake_case (how Ouro names columns), unique, never empty. */
export function columnNames(header: readonly string[]): string[] {
  const used = new Set<string>();
  return header.map((raw, i) => {
    let base = raw
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    if (!base) base = `column_${i + 1}`;
    if (/^\d/.test(base)) base = `c_${base}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

const SQL_TYPES: Record<ColumnType, string> = {
  integer: 'INTEGER',
  real: 'REAL',
  text: 'TEXT',
  timestamp: 'TIMESTAMP WITH TIME ZONE',
  // Postgres has a real boolean; ouro-py maps booleans to INTEGER only because pandas' generic DDL does.
  boolean: 'BOOLEAN',
};

/** The CREATE TABLE statement ouro-py sends (identifiers quoted, the table a placeholder). */
export function schemaDdl(names: readonly string[], types: readonly ColumnType[]): string {
  const columns = names.map((name, i) => `"${name}" ${SQL_TYPES[types[i] ?? 'text']}`);
  return `CREATE TABLE IF NOT EXISTS datasets."dataset" (\n${columns.join(',\n')}\n)`;
}

/** Records of the file, streamed; CSV errors become `file-unreadable` with csv-parse's reason. */
async function* records(path: string, delimiter: string): AsyncGenerator<string[]> {
  const source = createReadStream(path);
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError({ kind: 'file-unreadable', message: `The file could not be read as ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${message.slice(0, 200)}` }, { cause: error });
  } finally {
    // Stopping early (the preview) must not leave the file open.
    source.destroy();
    parser.destroy();
  }
}

export function delimiterFor(name: string): string {
  return /\.tsv$/i.test(name) ? '\t' : ',';
}

export interface InferredTable {
  names: string[];
  types: ColumnType[];
  rows: number;
}

/** First pass: column names from the header, a type per column, and the row count. */
export async function inferTable(path: string, delimiter: string, signal?: AbortSignal): Promise<InferredTable> {
  let names: string[] | null = null;
  let guesses: ColumnGuess[] = [];
  let rows = 0;
  for await (const cells of records(path, delimiter)) {
    if (signal?.aborted) throw new AppError({ kind: 'cancelled', message: 'The upload was cancelled' });
    if (!names) {
      names = columnNames(cells);
      guesses = names.map(() => new ColumnGuess());
      continue;
    }
    rows++;
    guesses.forEach((guess, i) => guess.observe(cells[i] ?? ''));
  }
  if (!names) throw new AppError({ kind: 'file-unreadable', message: 'The file has no header row' });
  return { names, types: guesses.map((g) => g.type), rows };
}

/** Rows grouped so each `{"rows":[…],"mode":"append"}` body stays within `limit` bytes. */
export class RowBatcher {
  private rows: Array<Record<string, Cell>> = [];
  private bytes: number;
  private static readonly OVERHEAD = Buffer.byteLength('{"rows":[],"mode":"append"}');

  constructor(private readonly limit = MAX_BATCH_BODY_BYTES) {
    this.bytes = RowBatcher.OVERHEAD;
  }

  /** Adds a row; returns the full batch it closed, if adding it would have crossed the limit. */
  push(row: Record<string, Cell>): Array<Record<string, Cell>> | null {
    const rowBytes = Buffer.byteLength(JSON.stringify(row));
    let closed: Array<Record<string, Cell>> | null = null;
    // Rows are joined by one comma each inside the array.
    if (this.rows.length && this.bytes + rowBytes + 1 > this.limit) closed = this.take();
    this.bytes += this.rows.length ? rowBytes + 1 : rowBytes;
    this.rows.push(row);
    return closed;
  }

  take(): Array<Record<string, Cell>> {
    const out = this.rows;
    this.rows = [];
    this.bytes = RowBatcher.OVERHEAD;
    return out;
  }

  get pending(): number {
    return this.rows.length;
  }
}

export function batchBody(rows: ReadonlyArray<Record<string, Cell>>): string {
  return JSON.stringify({ rows, mode: 'append' });
}

/** Sends one batch; on 413 splits it in half and sends each half (a single row that is too big fails). */
export async function sendBatch(
  send: (rows: ReadonlyArray<Record<string, Cell>>) => Promise<void>,
  rows: ReadonlyArray<Record<string, Cell>>,
  onSent: (count: number) => void,
): Promise<void> {
  try {
    await send(rows);
    onSent(rows.length);
  } catch (error) {
    if (!(isAppError(error) && error.kind === 'too-large') || rows.length <= 1) throw error;
    const half = Math.ceil(rows.length / 2);
    await sendBatch(send, rows.slice(0, half), onSent);
    await sendBatch(send, rows.slice(half), onSent);
  }
}

export interface DatasetJob {
  path: string;
  name: string;
  visibility: string;
  orgId?: string | undefined;
  teamId?: string | undefined;
  datasetId: string;
}

export interface DatasetHooks {
  signal: AbortSignal;
  rows(sent: number, total: number): void;
  /** The dataset exists on Ouro; `sent` rows are safely stored (a resume point). */
  checkpoint(sent: number, total: number): Promise<void>;
  processing(): void;
}

const StatsSchema = z.looseObject({ count: z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), z.number()).optional() });

export async function uploadDataset(client: OuroClient, job: DatasetJob, hooks: DatasetHooks): Promise<{ id: string; url?: string | undefined }> {
  const { signal } = hooks;
  const delimiter = delimiterFor(job.name);
  const table = await inferTable(job.path, delimiter, signal);
  hooks.rows(0, table.rows);

  const preview: Array<Record<string, Cell>> = [];
  const toRow = (cells: string[]): Record<string, Cell> => Object.fromEntries(table.names.map((n, i) => [n, convertCell(cells[i], table.types[i] ?? 'text')]));
  for await (const cells of records(job.path, delimiter)) {
    if (preview.length === 13) break;
    preview.push(toRow(cells));
  }
  preview.shift(); // the header

  const displayName = job.name.replace(/\.(csv|tsv)$/i, '').slice(0, 255) || 'dataset';
  let created;
  try {
    created = await client.http.data(
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
            schema: schemaDdl(table.names, table.types),
            source: 'api',
            asset_type: 'dataset',
            preview,
            metadata: { schema: 'datasets', columns: table.names },
            attribution: { originality: 'original' },
            ...(job.orgId ? { org_id: job.orgId } : {}),
            ...(job.teamId ? { team_id: job.teamId } : {}),
          },
        },
      },
      DatasetSchema,
    );
  } catch (error) {
    if (!(isAppError(error) && error.kind === 'conflict')) throw error;
    created = await client.datasets.get(job.datasetId, { signal });
  }
  // Rows already stored (a resumed upload) are skipped, so none is sent twice.
  const stats = await client.http.data({ method: 'GET', path: pathOf`/datasets/${job.datasetId}/stats`, signal }, StatsSchema);
  const already = Math.min(stats.count ?? 0, table.rows);
  let sent = already;
  await hooks.checkpoint(sent, table.rows);
  hooks.rows(sent, table.rows);

  const send = async (rows: ReadonlyArray<Record<string, Cell>>): Promise<void> => {
    await client.http.json({ method: 'POST', path: pathOf`/datasets/${job.datasetId}/data`, body: { rows, mode: 'append' }, signal });
  };
  const flush = async (rows: ReadonlyArray<Record<string, Cell>>): Promise<void> => {
    await sendBatch(send, rows, (count) => {
      sent += count;
      hooks.rows(sent, table.rows);
    });
    await hooks.checkpoint(sent, table.rows);
  };
  const batcher = new RowBatcher();
  let index = -1;
  for await (const cells of records(job.path, delimiter)) {
    if (signal.aborted) throw new AppError({ kind: 'cancelled', message: 'The upload was cancelled' });
    index++;
    if (index === 0 || index <= already) continue; // header, then rows Ouro already has
    const closed = batcher.push(toRow(cells));
    if (closed) await flush(closed);
  }
  if (batcher.pending) await flush(batcher.take());
  hooks.processing();
  return { id: created.id, url: created.url ?? undefined };
}
