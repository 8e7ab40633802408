// Settled files waiting for the planner, decided a few at a time (hashing is the slow part); what
// they come to is handed to the upload queue in one batch once the queue of settled files is empty.
import type { ChangePlanner } from './change-planner';
import type { FileFacts } from './stability';

const AT_ONCE = 2;
/** Files handed to the upload queue at a time: 10,000 at once held the event loop for about a second. */
const ENQUEUE_BATCH = 500;

export interface DecideQueueDeps {
  planner: Pick<ChangePlanner, 'decide' | 'flush' | 'discardUnqueued'>;
  log: { warn(message: string, error?: unknown): void };
  changed(): void;
  /** While the catch-up scan runs (renames need the whole picture) or the folder is paused. */
  held(): boolean;
}

export class DecideQueue {
  private readonly ready = new Map<string, FileFacts>();
  private deciding = 0;
  /** Files decided since the folder was last up to date ("Uploading 3 of 12"). */
  done = 0;
  private generation = 0;

  constructor(private readonly deps: DecideQueueDeps) {}

  get busy(): number {
    return this.ready.size + this.deciding;
  }

  add(rel: string, facts: FileFacts): void {
    this.ready.set(rel, facts);
    this.pump();
  }

  delete(rel: string): void {
    this.ready.delete(rel);
  }

  /** Paused: what waits is dropped (the next catch-up scan finds it again); decisions under way are not flushed. */
  clear(): void {
    this.ready.clear();
    this.generation++;
  }

  pump(): void {
    if (this.deps.held()) return;
    const generation = this.generation;
    while (this.deciding < AT_ONCE && this.ready.size > 0) {
      const [rel, facts] = this.ready.entries().next().value as [string, FileFacts];
      this.ready.delete(rel);
      this.deciding++;
      void this.deps.planner
        .decide(rel, facts)
        .catch((error: unknown) => this.deps.log.warn('A file in a sync folder could not be checked', error))
        .finally(() => {
          this.deciding--;
          this.done++;
          if (generation === this.generation) this.pump();
          this.deps.changed();
        });
    }
    if (this.busy === 0) this.flush();
  }

  private flushing = false;

  private flush(): void {
    if (this.flushing) return;
    try {
      if (this.deps.planner.flush(ENQUEUE_BATCH)) {
        // More waiting: the rest after the event loop has had its turn (IPC, the window's calls).
        this.flushing = true;
        setImmediate(() => {
          this.flushing = false;
          this.flush();
        });
      }
    } catch (error) {
      // Refused: the account is not signed in any more. The next catch-up scan finds these again.
      this.deps.planner.discardUnqueued();
      this.deps.log.warn('Sync uploads were not queued', error);
    }
  }
}
