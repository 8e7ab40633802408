// Opening a file asks main for its details and its preview at the same moment, and both need the
// same record: one GET /files/{id} serves both (and a download right after) instead of two or
// three. Records are kept only briefly, and per client, so nothing outlives a sign-out.

export interface RecentRecords<T> {
  get(owner: object, id: string, load: () => Promise<T>): Promise<T>;
  /** Sign-out: forget everything at once. */
  clear(): void;
}

export function recentRecords<T>(ttlMs: number, now: () => number = Date.now): RecentRecords<T> {
  let byOwner = new WeakMap<object, Map<string, { at: number; record: Promise<T> }>>();
  return {
    get(owner, id, load) {
      let records = byOwner.get(owner);
      if (!records) byOwner.set(owner, (records = new Map()));
      const hit = records.get(id);
      if (hit && now() - hit.at < ttlMs) return hit.record;
      const record = load();
      const entry = { at: now(), record };
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
  };
}
