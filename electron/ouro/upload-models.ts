// Models of the answers the upload pipeline reads (ouro-api.md §4.3, §5.4, §5.6): where
// `/files/upload` stored the bytes, what `/files/{id}/metadata` extracted, and how many rows a
// dataset write inserted, skipped or ignored. Lenient like ouro/models/ (unknown keys are
// kept), except where the pipeline cannot go on without a field.
import { z } from 'zod';
import { DatasetSchema } from './models';

/** `POST /files/upload` → `data`. All three are needed to build the file record (§4.3 step 3). */
export const StoredObjectSchema = z.looseObject({
  id: z.string().trim().min(1),
  bucket: z.string().trim().min(1),
  path: z.string().trim().min(1),
});
export interface StoredObject {
  id: string;
  bucket: string;
  path: string;
}

/** `GET /files/{id}/metadata` → `data`. `metadata` may be partial or absent; never name/path/bucket. */
export const ExtractedMetadataSchema = z.looseObject({
  metadata: z.record(z.string(), z.unknown()).nullish(),
  preview: z.unknown().optional(),
});

const count = z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v), z.number().int().nonnegative());

/** `{inserted, skipped?, mode?}`: under `data` from `/datasets/{id}/data`, or top-level `row_ingest`. */
export const RowIngestSchema = z.looseObject({
  inserted: count,
  skipped: count.optional(),
  mode: z.string().optional(),
});
export type RowIngest = z.infer<typeof RowIngestSchema>;

/** Partial-success warning (§5.4): a message, sample rows, ignored columns, reference problems. */
export const IngestWarningSchema = z.looseObject({
  message: z.string().nullish(),
  rows: z.array(z.unknown()).nullish(),
  ignored_columns: z.array(z.looseObject({ column: z.coerce.string(), count: count.nullish() })).nullish(),
  refs: z
    .looseObject({
      missing_count: count.nullish(),
      type_mismatch_count: count.nullish(),
      malformed_count: count.nullish(),
      skipped_row_count: count.nullish(),
      columns: z.array(z.looseObject({ column: z.string().nullish(), kind: z.string().nullish(), missing: z.array(z.unknown()).nullish() })).nullish(),
    })
    .nullish(),
});
export type IngestWarning = z.infer<typeof IngestWarningSchema>;

/** The whole `POST /datasets/create/from-schema` body: the dataset plus ingest siblings. */
export const DatasetCreateAnswerSchema = z.looseObject({
  data: DatasetSchema,
  row_ingest: RowIngestSchema.nullish(),
  warning: IngestWarningSchema.nullish(),
});

/** The whole `POST /datasets/{id}/data` body; which of `data`/`row_ingest` carries the counts varies. */
export const RowsAnswerSchema = z.looseObject({
  data: z.unknown(),
  row_ingest: RowIngestSchema.nullish(),
  warning: IngestWarningSchema.nullish(),
});
