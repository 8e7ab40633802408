// How one queued upload looks to the page (an UploadItem: state, bytes sent, speed, time left),
// and the bookkeeping that turns the queue's changes into `uploads:changed` deltas: which items
// changed or went since the last delta, numbered so the page can tell when it missed one.
import type { UploadItem, UploadsDelta, WaitingUploads } from '../../shared/uploads';
import type { QueueRecord } from './queue-record';

/** A running upload's live figures (not saved). */
export interface LiveProgress {
  bytesSent: number;
  /** [time, bytes] pairs over the last few seconds. */
  samples: Array<[number, number]>;
  note?: string | undefined;
  /** 1, then one more for each retry announced through note(). */
  attempt: number;
}

/** More changed items than this in one delta and the page re-reads the snapshot instead. */
export const MAX_DELTA_ITEMS = 500;

function speedOf(live: LiveProgress): number | null {
  const first = live.samples[0];
  const last = live.samples[live.samples.length - 1];
  if (!first || !last || last[0] - first[0] < 200) return null;
  return ((last[1] - first[1]) * 1000) / (last[0] - first[0]);
}

export function itemView(record: QueueRecord, live: LiveProgress | undefined): UploadItem {
  const item: UploadItem = {
    id: record.id,
    name: record.name,
    kind: record.kind,
    size: record.size,
    state: record.state,
    bytesSent: record.state === 'done' ? record.size : (live?.bytesSent ?? 0),
    bytesPerSecond: null,
    secondsLeft: null,
    createdAt: record.createdAt,
  };
  // While waiting to retry there is no speed or time left to speak of: the note says it all.
  if (live && record.state === 'uploading' && !live.note) {
    const speed = speedOf(live);
    if (speed !== null) {
      item.bytesPerSecond = Math.round(speed);
      item.secondsLeft = speed > 0 ? Math.ceil((record.size - live.bytesSent) / speed) : null;
    }
  }
  if (record.targetId) item.targetId = record.targetId;
  if (record.targetName) item.targetName = record.targetName;
  if (record.rowsSent !== undefined) item.rowsSent = record.rowsSent;
  if (record.rowsTotal !== undefined) item.rowsTotal = record.rowsTotal;
  if (record.rowsInserted !== undefined) item.rowsInserted = record.rowsInserted;
  if (record.rowsSkipped) item.rowsSkipped = record.rowsSkipped;
  if (record.ignoredColumns?.length) item.ignoredColumns = [...record.ignoredColumns];
  if (record.ingestNotes?.length) item.ingestNotes = [...record.ingestNotes];
  if (record.error) item.error = record.error;
  if (live?.note) item.note = live.note;
  if (live && live.attempt > 1) item.attempt = live.attempt;
  if (record.assetUrl) item.assetUrl = record.assetUrl;
  if (record.assetId) item.assetId = record.assetId;
  return item;
}

/** Other accounts' unfinished items, by who queued them. */
export function waitingOf(records: Iterable<QueueRecord>, active: string | null, isDone: (r: QueueRecord) => boolean): WaitingUploads[] {
  const byAccount = new Map<string, WaitingUploads>();
  for (const record of records) {
    if (record.account === active && active !== null) continue;
    if (isDone(record)) continue;
    const key = record.account ?? '';
    const entry = byAccount.get(key) ?? { account: record.accountLabel ?? 'an account from an earlier version of Ouro', count: 0 };
    entry.count++;
    byAccount.set(key, entry);
  }
  return [...byAccount.values()];
}

type Header = Pick<UploadsDelta, 'paused' | 'concurrency' | 'waiting'>;

/** What changed since the last delta. Items are looked up (and rendered) only when a delta goes out. */
export class ChangeTracker {
  private seq = 0;
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private headerChanged = false;
  private resync = false;

  get lastSeq(): number {
    return this.seq;
  }

  item(id: string): void {
    this.changed.add(id);
    this.removed.delete(id);
  }

  gone(id: string): void {
    this.changed.delete(id);
    this.removed.add(id);
  }

  header(): void {
    this.headerChanged = true;
  }

  /** The visible set itself changed (another account): the page re-reads everything. */
  all(): void {
    this.resync = true;
  }

  take(render: (id: string) => UploadItem | null, header: Header): UploadsDelta | null {
    if (!this.resync && !this.headerChanged && this.changed.size === 0 && this.removed.size === 0) return null;
    this.seq++;
    let delta: UploadsDelta;
    if (this.resync || this.changed.size + this.removed.size > MAX_DELTA_ITEMS) {
      delta = { seq: this.seq, items: [], removed: [], resync: true, ...header };
    } else {
      const items: UploadItem[] = [];
      const removed = [...this.removed];
      for (const id of this.changed) {
        const item = render(id);
        if (item) items.push(item);
        else removed.push(id);
      }
      delta = { seq: this.seq, items, removed, ...header };
    }
    this.changed.clear();
    this.removed.clear();
    this.headerChanged = false;
    this.resync = false;
    return delta;
  }
}
