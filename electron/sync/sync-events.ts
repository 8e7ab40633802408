// `sync:changed` as the page gets it: folders marked changed (any number of times) and removed are
// sent together at most every 250 ms, each changed folder's view whole, so a busy folder costs a
// few small events a second however many files move.
import type { SyncDelta, SyncFolderView } from '../../shared/sync';

const EMIT_INTERVAL_MS = 250;

export interface DeltaEmitter {
  changed(id: string): void;
  removed(id: string): void;
  dispose(): void;
}

export function createDeltaEmitter(emit: (delta: SyncDelta) => void, viewOf: (id: string) => SyncFolderView | null): DeltaEmitter {
  const dirty = new Set<string>();
  const gone = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const folders = [...dirty].map(viewOf).filter((v): v is SyncFolderView => v !== null);
    const removed = [...gone];
    dirty.clear();
    gone.clear();
    if (folders.length > 0 || removed.length > 0) emit({ folders, removed });
  };
  const schedule = () => {
    timer ??= setTimeout(flush, EMIT_INTERVAL_MS);
  };
  return {
    changed(id) {
      dirty.add(id);
      schedule();
    },
    removed(id) {
      dirty.delete(id);
      gone.add(id);
      schedule();
    },
    dispose: () => clearTimeout(timer),
  };
}
