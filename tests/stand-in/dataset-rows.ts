// Dataset row storage helpers: deterministic generated rows (computed from the row index so
// 100,000-row datasets cost no memory), paging across generated + inserted rows, column
// descriptors for /schema, DDL parsing for created datasets and CSV export.
import { hash32, hashUnit } from './prng';
import type { ColumnDef, ColumnType, DatasetBacking, Row } from './model';

const STATIONS = ['Aurora Ridge', 'Basalt Point', 'Cedar Hollow', 'Dune Crest', 'Ember Flats', 'Fjord Gate', 'Glacier Bay', 'Harbor North'];
export const STATUS_VALUES = ['ok', 'warning', 'fault'];

export const SENSOR_COLUMNS: ColumnDef[] = [
  { name: 'id', type: 'integer' },
  { name: 'station', type: 'text' },
  { name: 'reading', type: 'real' },
  { name: 'recorded_at', type: 'timestamp' },
  { name: 'is_valid', type: 'boolean' },
  { name: 'status', type: 'enum', enumValues: STATUS_VALUES },
];

/** Row `index` of a generated sensor dataset; pure function of (seed, index). */
export function sensorRow(seed: number, startMs: number, index: number): Row {
  const h = hash32(seed, index);
  const statusRoll = hash32(seed, index, 3) % 20;
  return {
    id: index + 1,
    station: STATIONS[h % STATIONS.length] ?? 'Aurora Ridge',
    reading: Math.round((hashUnit(seed, index, 1) * 1200 - 200)) / 10,
    recorded_at: new Date(startMs + index * 60_000).toISOString(),
    is_valid: hash32(seed, index, 2) % 9 !== 0,
    status: statusRoll < 16 ? 'ok' : statusRoll < 19 ? 'warning' : 'fault',
  };
}

export function rowCount(backing: DatasetBacking): number {
  return (backing.generated?.count ?? 0) + backing.rows.length;
}

export function rowAt(backing: DatasetBacking, index: number): Row | undefined {
  const generated = backing.generated?.count ?? 0;
  if (index < generated) return backing.generated?.rowAt(index);
  return backing.rows[index - generated];
}

export function pageRows(backing: DatasetBacking, offset: number, limit: number): Row[] {
  const end = Math.min(rowCount(backing), offset + limit);
  const out: Row[] = [];
  for (let i = offset; i < end; i++) {
    const row = rowAt(backing, i);
    if (row) out.push(row);
  }
  return out;
}

/** Postgres type names as recorded answers show them (schema-2025-02: integer, text, real). */
const PG_TYPE: Record<ColumnType, string> = {
  integer: 'integer',
  real: 'real',
  text: 'text',
  timestamp: 'timestamp with time zone',
  boolean: 'boolean',
  enum: 'text',
};

/** Column descriptors as GET /datasets/{id}/schema returns them (ouro-api.md §5.2). */
export function columnDescriptors(columns: ColumnDef[]): Record<string, unknown>[] {
  return columns.map((c) => ({
    column_name: c.name,
    data_type: PG_TYPE[c.type],
    name: c.name,
    type: PG_TYPE[c.type],
    is_nullable: c.name === 'id' ? 'NO' : 'YES',
    fk_constraint_name: null,
    foreign_table_schema: null,
    foreign_table_name: null,
    foreign_column_name: null,
    semantic_type: c.type === 'enum' ? 'enum' : null,
    ref_kind: null,
    asset_type: null,
    enum_values: c.type === 'enum' ? (c.enumValues ?? []) : null,
  }));
}

/** Column types from the SDK's pandas-style DDL (`"name" TYPE`); unknown → text. */
export function columnsFromDdl(ddl: string, names: string[], enums: Record<string, string[]>): ColumnDef[] {
  const types = new Map<string, ColumnType>();
  for (const m of ddl.matchAll(/"([^"]+)"\s+([A-Za-z ]+?)(?:,|\n|\))/g)) {
    const name = m[1] ?? '';
    const t = (m[2] ?? '').trim().toUpperCase();
    const type: ColumnType = t.startsWith('INT') || t === 'BIGINT'
      ? 'integer'
      : t.startsWith('REAL') || t.startsWith('DOUBLE') || t.startsWith('FLOAT') || t.startsWith('NUMERIC')
        ? 'real'
        : t.startsWith('TIMESTAMP') || t.startsWith('DATE')
          ? 'timestamp'
          : t.startsWith('BOOL')
            ? 'boolean'
            : 'text';
    types.set(name, type);
  }
  return names.map((name) => {
    const values = enums[name];
    if (values) return { name, type: 'enum', enumValues: values };
    return { name, type: types.get(name) ?? 'text' };
  });
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV export in chunks of rows, for streaming downloads. */
export function* csvChunks(backing: DatasetBacking, rowsPerChunk = 2000): Generator<string> {
  const names = backing.columns.map((c) => c.name);
  yield `${names.map(csvCell).join(',')}\n`;
  const total = rowCount(backing);
  for (let start = 0; start < total; start += rowsPerChunk) {
    let text = '';
    for (const row of pageRows(backing, start, rowsPerChunk)) text += `${names.map((n) => csvCell(row[n])).join(',')}\n`;
    yield text;
  }
}
