// Changing and deleting assets (ouro-api.md §4.4, §4.6, §5.6): the `PUT /files|datasets/{id}`
// bodies and the `DELETE …?dry_run=&delete_children=` summary, shared by files.ts and datasets.ts.
import { z } from 'zod';
import { validate } from './envelope';
import { pathOf, type Http } from './http';
import type { RichText } from './rich-text';
import type { CallOptions } from './types';

/** What an update may change; absent fields are left alone (null-valued keys are never sent). */
export interface AssetUpdate {
  name?: string;
  description?: RichText;
  visibility?: string;
  /** Moving: a team and its organization, sent together. */
  orgId?: string;
  teamId?: string;
  /** The pre-0.11.4 content replacement sends the new object's metadata and preview. */
  metadata?: Record<string, unknown>;
  preview?: unknown;
}

/** The record as ouro-py builds it: `_strip_none` of the changed fields (files also carry their id). */
export function updateRecord(update: AssetUpdate, id?: string): Record<string, unknown> {
  const record: Record<string, unknown> = {
    ...(id !== undefined ? { id } : {}),
    name: update.name,
    description: update.description,
    visibility: update.visibility,
    org_id: update.orgId,
    team_id: update.teamId,
    metadata: update.metadata,
    preview: update.preview,
  };
  for (const [key, value] of Object.entries(record)) if (value === undefined || value === null) delete record[key];
  return record;
}

function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

export const DeleteChildSchema = z.looseObject({ id: z.string(), name: opt(z.string()), asset_type: opt(z.string()) });
export type DeleteChildRecord = z.infer<typeof DeleteChildSchema>;

/** `{id, name, asset_type, deleted_children, dry_run?}`; lenient like every model. */
export const DeleteSummarySchema = z.looseObject({
  id: opt(z.string()),
  name: opt(z.string()),
  asset_type: opt(z.string()),
  deleted_children: opt(z.array(DeleteChildSchema)),
  dry_run: opt(z.boolean()),
});
export type DeleteSummary = z.infer<typeof DeleteSummarySchema>;

export interface DeleteOptions extends CallOptions {
  /** Only say what would be deleted. */
  dryRun?: boolean;
  /** Children (`parent_id` = this asset) go too. */
  deleteChildren?: boolean;
}

/**
 * `DELETE /<collection>/{id}` → the summary, or null when Ouro answered `{error: null}` without
 * `data` (backends up to mid-2026): deleted, but it did not say what went with it. Both flags are
 * always sent, as ouro-py sends them. Not retried: a repeat of a delete that went through is a 404.
 */
export async function deleteAsset(http: Http, collection: 'files' | 'datasets', id: string, options: DeleteOptions = {}): Promise<DeleteSummary | null> {
  const path = collection === 'files' ? pathOf`/files/${id}` : pathOf`/datasets/${id}`;
  const { body, facts } = await http.json({
    method: 'DELETE',
    path,
    query: { delete_children: options.deleteChildren === true, dry_run: options.dryRun === true },
    // A dry run changes nothing, so a transient failure may be repeated.
    idempotent: options.dryRun === true,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (body['data'] === undefined || body['data'] === null) return null;
  return validate(DeleteSummarySchema, body['data'], 'data', facts);
}
