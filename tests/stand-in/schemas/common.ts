// Field schemas every asset body shares, written from ouro-api.md §3.1 and §8.3 (and ouro-js'
// CreateAssetSchema where the reference defers to it). Unknown keys are allowed, as the real
// backend's zod objects strip rather than refuse them; missing or mistyped known keys are not.
import { z } from 'zod';
import { UUID_RE } from '../prng';

export const uuid = z.string().regex(UUID_RE, 'Input should be a valid UUID');
export const visibility = z.enum(['public', 'private', 'organization', 'monetized', 'inherit']);
export const source = z.enum(['web', 'api']);
export const assetState = z.enum(['queued', 'in-progress', 'timed-out', 'success', 'error']);
export const monetization = z.enum(['none', 'pay-to-unlock', 'pay-per-use']);
export const assetType = z.enum(['file', 'dataset', 'post', 'comment', 'conversation', 'service', 'route', 'quest']);

/** 1–255 characters on create (§3.1). */
export const assetName = z.string().min(1, 'String should have at least 1 character').max(255, 'String should have at most 255 characters');

/** `{json: TipTap doc, text}`: the SDK turns a plain string into this before sending (§3.1). */
export const description = z.object({ json: z.record(z.string(), z.unknown()), text: z.string() }).nullish();

/** NOT NULL since 2026-07-20; the SDK always sends at least `{originality}` (§3.1). */
export const attribution = z.looseObject({
  originality: z.enum(['original', 'derivative', 'third-party']).optional(),
  external_url: z.string().nullish(),
  github_url: z.string().nullish(),
  paper_url: z.string().nullish(),
  doi_url: z.string().nullish(),
  relation_type: z.string().nullish(),
  citation: z.looseObject({}).nullish(),
  doi: z.string().nullish(),
});

/** Row-shaped previews (datasets, CSV files): a list of objects. */
export const rowPreview = z.array(z.record(z.string(), z.unknown())).nullish();

/** What every create accepts besides its type-specific fields (§3.1, §8.3 client-chosen ids). */
export const createFields = {
  id: uuid.optional(),
  name: assetName,
  description,
  visibility: visibility.optional(),
  org_id: uuid.nullish(),
  team_id: uuid.nullish(),
  parent_id: uuid.nullish(),
  license_id: z.string().nullish(),
  monetization: monetization.optional(),
  price: z.number().nonnegative().nullish(),
  source: source.optional(),
  attribution: attribution.nullish(),
};

/** What every update accepts: the same fields, all optional, and never a new owner. */
export const updateFields = {
  id: uuid.optional(),
  name: assetName.optional(),
  description,
  visibility: visibility.optional(),
  org_id: uuid.nullish(),
  team_id: uuid.nullish(),
  license_id: z.string().nullish(),
  monetization: monetization.optional(),
  price: z.number().nonnegative().nullish(),
  attribution: attribution.nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
};
