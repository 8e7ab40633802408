// What the page sees of the upload queue: the signed-in account's items (queue-view.ts renders
// each), the header (paused, uploads at a time, other accounts' waiting items) and the deltas of
// what changed since the last one. The queue says what changed; this decides what that shows.
import type { UploadsDelta, UploadsSnapshot } from '../../shared/uploads';
import { isFinished, type QueueRecord } from './queue-record';
import { ChangeTracker, itemView, waitingOf, type LiveProgress } from './queue-view';

/** The queue's state this reads (never writes). */
export interface PageSource {
  records(): readonly QueueRecord[];
  get(id: string): QueueRecord | undefined;
  /** The signed-in account (null: nobody): only its items are shown. */
  active(): string | null;
  paused(): boolean;
  concurrency(): number;
  live(id: string): LiveProgress | undefined;
}

export class QueuePage {
  private readonly changes = new ChangeTracker();
  /** Other accounts' unfinished items, recounted only when one of them (or the account) changes. */
  private waiting: UploadsSnapshot['waiting'] | null = null;

  constructor(private readonly source: PageSource) {}

  /** A record changed: the signed-in account's is re-sent, another's changes the waiting count. */
  touch(record: QueueRecord): void {
    if (record.account !== this.source.active()) this.recount();
    else this.changes.item(record.id);
  }

  gone(id: string): void {
    this.changes.gone(id);
  }

  /** The header changed (paused, uploads at a time). */
  header(): void {
    this.changes.header();
  }

  /** Which records are someone else's may have changed: the waiting count is redone. */
  recount(): void {
    this.waiting = null;
    this.changes.header();
  }

  /** Everything may have changed (restored, another account, forgotten): the page re-reads it. */
  all(): void {
    this.waiting = null;
    this.changes.all();
  }

  /** The signed-in account's items, in order. */
  visible(): QueueRecord[] {
    const active = this.source.active();
    return active === null ? [] : this.source.records().filter((r) => r.account === active);
  }

  snapshot(): UploadsSnapshot {
    return {
      seq: this.changes.lastSeq,
      items: this.visible().map((r) => itemView(r, this.source.live(r.id))),
      ...this.headerView(),
    };
  }

  /** What changed since the last call, or null when nothing did. */
  takeDelta(): UploadsDelta | null {
    const active = this.source.active();
    return this.changes.take((id) => {
      const record = this.source.get(id);
      return record && record.account === active && active !== null ? itemView(record, this.source.live(id)) : null;
    }, this.headerView());
  }

  private headerView(): Pick<UploadsSnapshot, 'paused' | 'concurrency' | 'waiting'> {
    return {
      paused: this.source.paused() ? 'sign-in' : null,
      concurrency: this.source.concurrency(),
      waiting: (this.waiting ??= waitingOf(this.source.records(), this.source.active(), (r) => isFinished(r.state))),
    };
  }
}
