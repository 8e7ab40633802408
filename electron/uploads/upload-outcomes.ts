// What happens when an upload reaches done, failed or cancelled: its staged copy goes, the OS
// notification is batched (finish-notifier.ts), a failure is logged (its kind, never the file),
// and whoever listens (sync folders, through upload-intake.ts) hears of it.
import { describeError } from '../../shared/error-kinds';
import type { Logger } from '../log';
import { createFinishNotifier, type NotifyHooks } from './finish-notifier';
import type { QueueRecord } from './queue-record';
import type { Staging } from './staging';

export type OutcomeListener = (record: Readonly<QueueRecord>) => void;

export interface UploadOutcomes {
  /** The queue's `finished` hook. */
  finished(record: Readonly<QueueRecord>): void;
  listen(listener: OutcomeListener): () => void;
  dispose(): void;
}

export function createUploadOutcomes(deps: { hooks: NotifyHooks; staging: Pick<Staging, 'remove'>; log: Pick<Logger, 'info'> }): UploadOutcomes {
  const notifier = createFinishNotifier(deps.hooks);
  const listeners = new Set<OutcomeListener>();
  return {
    finished(record) {
      if (record.staged && (record.state === 'done' || record.state === 'cancelled')) {
        void deps.staging.remove(record.path).catch(() => {});
      }
      if (record.state === 'done') notifier.done(record);
      for (const listener of listeners) listener(record);
      if (record.state === 'failed' && record.error) {
        deps.log.info(`Upload of a file failed: ${describeError(record.error).title} (${record.error.kind})`);
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => notifier.dispose(),
  };
}
