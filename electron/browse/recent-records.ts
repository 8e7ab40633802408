// Opening a file asks main for its details and its preview at the same moment, and both need the
// same record: one GET /files/{id} serves both (and a download right after) instead of two or
// three. Records are kept only briefly, and per client, so nothing outlives a sign-out.

export interface RecentRecords<T> {
  get(owner: object, id: string, load: () => Promise<T>): Promise<T>;
  /** Sign-out: forget everything at once. */
  clear(): void;
  /** An edit or delete: the next get loads the record afresh. */
  forget(id: string): void;
}

export function recentRecords<T>(ttlMs: number, now: () => number = Date.now): RecentRecords<T> {
  let byOwner = new WeakMap<object, Map<string, { at: number; tick: number; record: Promise<T> }>>();
  // Owners are weak keys (not iterable), so forgetting marks the id instead: entries loaded
  // before the mark are stale. Marks older than the TTL mean nothing, so few are kept.
  let tick = 0;
  const forgotten = new Map<string, number>();
  return {
    get(owner, id, load) {
      let records = byOwner.get(owner);
      if (!records) byOwner.set(owner, (records = new Map()));
      const hit = records.get(id);
      if (hit && now() - hit.at < ttlMs && hit.tick > (forgotten.get(id) ?? 0)) return hit.record;
      const record = load();
      const entry = { at: now(), tick: ++tick, record };
      records.set(id, entry);
      // A failure is not remembered: the next call asks Ouro again.
      record.catch(() => {
        if (records.get(id) === entry) records.delete(id);
      });
      return record;
    },
    clear() {
      byOwner = new WeakMap();
    },
    forget(id) {
      forgotten.delete(id);
      forgotten.set(id, ++tick);
      if (forgotten.size > 1000) forgotten.delete(forgotten.keys().next().value as string);
    },
  };
}
