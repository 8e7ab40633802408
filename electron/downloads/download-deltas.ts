// How the Downloads list reaches the page: `downloads:changed` deltas, coalesced: at most one
// pending update per item (so the buffer is bounded by the list), state changes sent on the next
// tick and byte counts at most every `intervalMs`.
import type { DownloadItem } from '../../shared/actions';
import type { EmitEvent } from '../event-hub';

export interface DownloadDeltas {
  /** An item changed; `urgent` for state changes (sent on the next tick), not byte counts. */
  changed(id: string, urgent: boolean): void;
  /** An item left the list (cleared, pruned, or another account's). */
  removed(id: string): void;
  /** Sends what is pending now. */
  flush(): void;
  /** Sends now if an item left the list (clearing shows at once). */
  flushRemovals(): void;
  dispose(): void;
}

export interface DownloadDeltasDeps {
  emit: EmitEvent;
  intervalMs: number;
  /** The item as the page may see it, or null when it is not the signed-in account's. */
  view(id: string): DownloadItem | null;
}

export function createDownloadDeltas(deps: DownloadDeltasDeps): DownloadDeltas {
  const pending = new Set<string>();
  const removed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = 0;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    lastFlush = Date.now();
    if (pending.size === 0 && removed.size === 0) return;
    const upserted = [...pending].flatMap((id) => {
      const item = deps.view(id);
      return item ? [item] : [];
    });
    const gone = [...removed];
    pending.clear();
    removed.clear();
    deps.emit('downloads:changed', { upserted, removed: gone });
  }

  return {
    changed(id, urgent) {
      pending.add(id);
      const wait = urgent ? 0 : Math.max(0, deps.intervalMs - (Date.now() - lastFlush));
      if (timer && !urgent) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, wait);
      timer.unref?.();
    },
    removed(id) {
      pending.delete(id);
      removed.add(id);
    },
    flush,
    flushRemovals() {
      if (removed.size) flush();
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}
