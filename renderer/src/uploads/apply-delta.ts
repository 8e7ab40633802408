// Keeps the page's copy of the upload queue current from main's `uploads:changed` deltas: applies
// the next one in sequence, ignores one it already has, and asks for the whole snapshot
// (`uploads:list`) when one was missed or main says to (a big burst, another account).
import type { UploadItem, UploadsDelta, UploadsSnapshot } from '../../../shared/uploads';

export type DeltaOutcome = { kind: 'applied'; snapshot: UploadsSnapshot } | { kind: 'ignore' } | { kind: 'refetch' };

export function applyDelta(current: UploadsSnapshot, delta: UploadsDelta): DeltaOutcome {
  if (delta.seq <= current.seq) return { kind: 'ignore' };
  if (delta.resync || delta.seq !== current.seq + 1) return { kind: 'refetch' };
  const changed = new Map<string, UploadItem>(delta.items.map((item) => [item.id, item]));
  const removed = new Set(delta.removed);
  const items: UploadItem[] = [];
  for (const item of current.items) {
    if (removed.has(item.id)) continue;
    const next = changed.get(item.id);
    items.push(next ?? item);
    changed.delete(item.id);
  }
  // What is left is new: the queue only ever appends.
  for (const item of changed.values()) if (!removed.has(item.id)) items.push(item);
  return {
    kind: 'applied',
    snapshot: { seq: delta.seq, items, paused: delta.paused, concurrency: delta.concurrency, waiting: delta.waiting },
  };
}

/** Deltas that arrived while a snapshot was being read, applied on top of it in order. */
export function replay(snapshot: UploadsSnapshot, buffered: readonly UploadsDelta[]): { snapshot: UploadsSnapshot; stale: boolean } {
  let current = snapshot;
  for (const delta of [...buffered].sort((a, b) => a.seq - b.seq)) {
    const outcome = applyDelta(current, delta);
    if (outcome.kind === 'refetch') return { snapshot: current, stale: true };
    if (outcome.kind === 'applied') current = outcome.snapshot;
  }
  return { snapshot: current, stale: false };
}
