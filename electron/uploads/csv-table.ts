// A CSV or TSV file read as a table: streamed records, Ouro-style column names, a type per column
// inferred from every value, cells converted to JSON scalars, and the CREATE TABLE statement
// ouro-py sends (ouro-api.md §5.4).
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { AppError } from '../../shared/app-error';

/**
 * The DDL types the reference knows Ouro's parser accepts (§5.4: INTEGER, REAL, TEXT, TIMESTAMP
 * rewritten WITH TIME ZONE). Whether it takes BOOLEAN is [unknown], and ouro-py's INTEGER-for-
 * booleans would turn "yes" into 1, so true/false columns stay TEXT: lossless and known to work.
 */
export type ColumnType = 'integer' | 'real' | 'timestamp' | 'text';
export type Cell = string | number | null;

const INTEGER_RE = /^[+-]?\d+$/;
const REAL_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?)?$/i;

/** Which types a column's values so far still allow; narrowed value by value. */
export class ColumnGuess {
  private integer = true;
  private real = true;
  private timestamp = true;
  private seen = false;

  observe(raw: string): void {
    const value = raw.trim();
    if (value === '') return; // empty cells are nulls and say nothing about the type
    this.seen = true;
    if (this.integer && !(INTEGER_RE.test(value) && Number.isSafeInteger(Number(value)))) this.integer = false;
    if (this.real && !(REAL_RE.test(value) && Number.isFinite(Number(value)))) this.real = false;
    if (this.timestamp && !(TIMESTAMP_RE.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T'))))) this.timestamp = false;
  }

  get type(): ColumnType {
    if (!this.seen) return 'text';
    if (this.integer) return 'integer';
    if (this.real) return 'real';
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
};

/** The CREATE TABLE statement ouro-py sends (identifiers quoted, the table a placeholder). */
export function schemaDdl(names: readonly string[], types: readonly ColumnType[]): string {
  const columns = names.map((name, i) => `"${name}" ${SQL_TYPES[types[i] ?? 'text']}`);
  return `CREATE TABLE IF NOT EXISTS datasets."dataset" (\n${columns.join(',\n')}\n)`;
}

/** Records of the file, streamed; CSV errors become `file-unreadable` with csv-parse's reason. */
export async function* records(path: string, delimiter: string): AsyncGenerator<string[]> {
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

/** One record as a row object keyed by the table's column names. */
export function toRow(table: InferredTable, cells: readonly string[]): Record<string, Cell> {
  return Object.fromEntries(table.names.map((n, i) => [n, convertCell(cells[i], table.types[i] ?? 'text')]));
}
