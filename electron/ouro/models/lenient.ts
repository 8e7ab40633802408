// Lenient zod models of what the Ouro REST API returns, parsed here in main beside the client
// that requests them (the renderer gets the app's own row types from shared/, never these).
//
// Leniency rules, because the server is not ours and changes under us (ouro-api.md §10):
// - every object is `z.looseObject`: unknown keys are kept, so a new server field never breaks us;
// - only the fields the app cannot work without are required (mostly `id`);
// - optional fields are `nullish` and `.catch(undefined)`: a wrong type on a field we merely
//   display is dropped rather than failing the whole page;
// - display text the app reads as it is (`optText`) is trimmed, and absent when blank;
// - enums are plain strings (known values listed in comments/consts) so a new enum value is kept.
// This module holds the building blocks; people.ts, assets.ts and pagination.ts the models.
import { z } from 'zod';

/** Optional, nullable, and dropped (→ undefined) when the server sends an unexpected type. */
export function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

/**
 * Text the app shows or keys by: trimmed once here, and absent when blank (or null, or of another
 * type), so whoever reads the parsed value takes it as it is instead of checking it again.
 */
export const optText = opt(z.string().trim().min(1));

/** Counts sometimes arrive as digit strings (Postgres bigint through JSON). */
export const countNumber = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
  z.number(),
);

export const assetTypes = ['file', 'dataset', 'post', 'comment', 'conversation', 'service', 'route', 'quest'] as const;
export const visibilities = ['public', 'private', 'organization', 'monetized', 'inherit'] as const;
export const sourcePolicies = ['any', 'web_only', 'api_only'] as const;
