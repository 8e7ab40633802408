// What the queue's next save writes: only the records that changed or went since the last one,
// so saving costs the same in a queue of 10,000 (the store appends it to a journal).
import type { QueueRecord } from './queue-record';
import type { QueueChanges } from './queue-store';

export class UnsavedChanges {
  private readonly put = new Set<string>();
  private readonly removed = new Set<string>();

  constructor(
    private readonly persist: (changes: QueueChanges) => Promise<void>,
    private readonly lookup: (id: string) => QueueRecord | undefined,
  ) {}

  changed(id: string): void {
    this.put.add(id);
  }

  gone(id: string): void {
    this.put.delete(id);
    this.removed.add(id);
  }

  /** Copies of what changed (later edits to a record do not reach a save under way). */
  take(): QueueChanges {
    const put: QueueRecord[] = [];
    for (const id of this.put) {
      const record = this.lookup(id);
      if (record) put.push({ ...record });
    }
    const remove = [...this.removed];
    this.put.clear();
    this.removed.clear();
    return { put, remove };
  }

  /** Writes what changed (and `id`); the store reports a failed write (its onError), so it is not thrown here. */
  save(id?: string): Promise<void> {
    if (id !== undefined) this.put.add(id);
    return this.persist(this.take()).catch(() => {});
  }
}
