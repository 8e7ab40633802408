// Request bodies of the key exchange and the generic asset routes (ouro-api.md §1.2, §3.3).
import { z } from 'zod';
import { assetType, source } from './common';

/** `POST /users/get-token`. */
export const GetTokenBody = z.looseObject({ pat: z.string().min(1, 'field required') });

/** `POST /assets/{id}/view`: the SDK's `{source: "api", type: "full", pathname: "/assets/{id}"}`. */
export const AssetViewBody = z.looseObject({
  source,
  type: z.string().min(1),
  pathname: z.string().startsWith('/', 'Input should be a path starting with /'),
});

/** `POST /assets/{id}/download`: an optional `{asset_type}` (an empty body is fine). */
export const DownloadBody = z.looseObject({ asset_type: assetType.optional() });
