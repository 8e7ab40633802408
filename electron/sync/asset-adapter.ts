// SyncAssets over the signed-in account's Ouro client: a rename is `PUT /files/{id}` with the new
// name; Mirror deletions' delete is `DELETE /files/{id}` (never children).
import type { OuroClient } from '../ouro/client';
import type { SyncAssets } from './sync-ports';

export function createAssetAdapter(client: () => OuroClient): SyncAssets {
  return {
    async rename(assetId, name) {
      await client().files.update(assetId, { name });
    },
    async remove(assetId) {
      await client().files.delete(assetId, { deleteChildren: false });
    },
  };
}
