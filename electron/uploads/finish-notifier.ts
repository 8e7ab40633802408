// The OS notification for uploads that finish while the window is in the background: uploads
// finishing together make one notification, and a dataset whose rows Ouro skipped (or columns it
// ignored) is named with what happened, never announced as a plain "done".
import { finishedNotification, hasIngestProblems, type FinishedBatch, type RowsFacts } from '../../shared/upload-summary';
import type { QueueRecord } from './queue';

export interface NotifyHooks {
  notify?(title: string, body: string): void;
  isWindowFocused?(): boolean;
}

export interface FinishNotifier {
  /** An upload reached `done`. */
  done(record: Readonly<QueueRecord>): void;
  dispose(): void;
}

/** Problem uploads kept per notification (one more than it names, to say there are more). */
const MAX_PROBLEMS = 4;

function rowsFacts(record: Readonly<QueueRecord>): RowsFacts {
  return {
    kind: record.kind,
    name: record.name,
    rowsTotal: record.rowsTotal,
    rowsSent: record.rowsSent,
    rowsInserted: record.rowsInserted,
    rowsSkipped: record.rowsSkipped,
    ignoredColumns: record.ignoredColumns,
  };
}

export function createFinishNotifier(hooks: NotifyHooks, delayMs = 500): FinishNotifier {
  let batch: FinishedBatch = { count: 0, first: null, problems: [] };
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    done(record) {
      if (!hooks.notify || (hooks.isWindowFocused?.() ?? true)) return;
      const facts = rowsFacts(record);
      batch.count++;
      batch.first ??= facts;
      if (hasIngestProblems(facts) && batch.problems.length < MAX_PROBLEMS) batch.problems.push(facts);
      timer ??= setTimeout(() => {
        timer = undefined;
        const note = finishedNotification(batch);
        batch = { count: 0, first: null, problems: [] };
        hooks.notify?.(note.title, note.body);
      }, delayMs);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
