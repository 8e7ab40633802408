// Tells the page and the OS what the queue is doing: `uploads:changed` deltas (never the whole
// queue) at most once per interval, however fast items change (default 200 ms: a few a second,
// which bounds what Electron queues for the window and what the web host writes to each reader),
// and the dock/taskbar progress and failed-upload badge at the same moments.
import type { UploadsDelta, UploadsSnapshot } from '../../shared/uploads';
import type { EmitEvent } from '../event-hub';
import { isFinished } from './queue-record';
import type { UploadHostHooks } from './upload-host';

export const DEFAULT_PUBLISH_INTERVAL_MS = 200;

export interface PublisherDeps {
  takeDelta(): UploadsDelta | null;
  snapshot(): UploadsSnapshot;
  emit: EmitEvent;
  hooks: UploadHostHooks;
  intervalMs: number;
}

export interface UploadPublisher {
  /** Something changed; it goes out within one interval. */
  changed(urgent: boolean): void;
  dispose(): void;
}

export function createUploadPublisher(deps: PublisherDeps): UploadPublisher {
  const { hooks } = deps;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastEmit = 0;
  let batch = new Set<string>();
  let lastFailed = -1;

  function hostIndicators(): void {
    if (!hooks.setProgress && !hooks.setFailedCount) return;
    const items = deps.snapshot().items;
    const active = items.filter((i) => !isFinished(i.state));
    for (const item of active) batch.add(item.id);
    if (active.length === 0) {
      batch = new Set();
      hooks.setProgress?.(-1);
    } else {
      let total = 0;
      let sent = 0;
      for (const item of items) {
        if (!batch.has(item.id) || item.state === 'failed' || item.state === 'cancelled') continue;
        total += item.size;
        sent += item.state === 'done' || item.state === 'processing' ? item.size : item.bytesSent;
      }
      hooks.setProgress?.(total > 0 ? Math.min(1, sent / total) : 0);
    }
    const failed = items.filter((i) => i.state === 'failed').length;
    if (failed !== lastFailed) {
      lastFailed = failed;
      hooks.setFailedCount?.(failed);
    }
  }

  function flush(): void {
    timer = undefined;
    lastEmit = Date.now();
    const delta = deps.takeDelta();
    if (!delta) return;
    deps.emit('uploads:changed', delta);
    hostIndicators();
  }

  return {
    changed(urgent) {
      if (timer) return;
      // A burst (500 files added, a cancel-all, many small files finishing) becomes one delta.
      const wait = Math.max(0, deps.intervalMs - (Date.now() - lastEmit));
      timer = setTimeout(flush, wait);
      if (!urgent) timer.unref?.();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
