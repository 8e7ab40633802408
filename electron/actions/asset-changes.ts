// A small fan-out main uses to say "this asset changed or went" (an edit, a delete, new bytes), so
// caches that hold its old record or bytes (file details, the drag-out cache) drop them at once.

export type AssetChangeListener = (assetId: string) => void;

export interface AssetChanges {
  changed(assetId: string): void;
  subscribe(listener: AssetChangeListener): () => void;
}

export function createAssetChanges(): AssetChanges {
  const listeners = new Set<AssetChangeListener>();
  return {
    changed(assetId) {
      for (const listener of listeners) listener(assetId);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
