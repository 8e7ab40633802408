// Request bodies of the dataset routes, from ouro-api.md §5.4 and §5.6. The DDL must be the
// pandas-style CREATE TABLE ouro-py sends, using only the column types the reference knows the
// parser accepts; `metadata.columns` must name columns of that table; row values are JSON scalars.
import { z } from 'zod';
import { createFields, rowPreview, updateFields } from './common';

/** INTEGER, REAL, TEXT and TIMESTAMP (rewritten WITH TIME ZONE) — §5.4. Anything else is [unknown]. */
export const DDL_TYPES = ['INTEGER', 'REAL', 'TEXT', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE'] as const;

const CREATE_RE = /^\s*CREATE TABLE(?: IF NOT EXISTS)?\s+\S+\s*\(([\s\S]*)\)\s*;?\s*$/i;
const COLUMN_RE = /^"([^"]+)"\s+(.+?)$/;

/** The quoted column names of a valid DDL, or the reason it is not one. */
export function ddlColumns(ddl: string): { columns: { name: string; type: string }[] } | { error: string } {
  const table = CREATE_RE.exec(ddl);
  if (!table) return { error: 'schema should be a CREATE TABLE statement' };
  const columns: { name: string; type: string }[] = [];
  for (const part of (table[1] ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const column = COLUMN_RE.exec(part);
    if (!column) return { error: `cannot read the column definition ${JSON.stringify(part.slice(0, 60))}` };
    const type = (column[2] ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
    if (!(DDL_TYPES as readonly string[]).includes(type)) return { error: `unsupported column type ${type} for "${column[1]}" (use ${DDL_TYPES.join(', ')})` };
    columns.push({ name: column[1] ?? '', type });
  }
  if (columns.length === 0) return { error: 'schema declares no columns' };
  return { columns };
}

const ddl = z.string().superRefine((text, ctx) => {
  const parsed = ddlColumns(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
});

/** A row: column → JSON scalar; NaN and empty strings arrive as null (§5.4). */
export const Row = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const refs = z.record(z.string(), z.looseObject({ kind: z.enum(['asset', 'action']), asset_type: z.string().optional() })).nullish();
const enumColumns = z.record(z.string(), z.looseObject({ values: z.array(z.string()) })).nullish();

const DatasetCreateRecord = z
  .looseObject({
    ...createFields,
    asset_type: z.literal('dataset').optional(),
    schema: ddl,
    preview: rowPreview,
    metadata: z.looseObject({
      schema: z.literal('datasets').optional(),
      columns: z.array(z.string().min(1)).min(1),
      refs,
      enum_columns: enumColumns,
    }),
    refs,
    enum_columns: enumColumns,
    rows: z.array(Row).nullish(),
  })
  .superRefine((dataset, ctx) => {
    const parsed = ddlColumns(dataset.schema);
    if ('error' in parsed) return; // already reported on `schema`
    const declared = new Set(parsed.columns.map((c) => c.name));
    dataset.metadata.columns.forEach((name, i) => {
      if (!declared.has(name)) ctx.addIssue({ code: 'custom', path: ['metadata', 'columns', i], message: `column "${name}" is not in the schema` });
    });
  });

/** `POST /datasets/create/from-schema` (§5.4). */
export const DatasetCreateBody = z.looseObject({ dataset: DatasetCreateRecord });

/** `POST /datasets/{id}/data` (§5.6): ouro-py always says which mode. */
export const DatasetRowsBody = z.looseObject({
  rows: z.array(Row),
  mode: z.enum(['append', 'overwrite', 'upsert']),
});

/** `PUT /datasets/{id}` (§5.6). */
export const DatasetUpdateBody = z.looseObject({
  dataset: z.looseObject({ ...updateFields, preview: rowPreview, refs, enum_columns: enumColumns }),
});
