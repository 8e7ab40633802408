// The small, stable way into the upload queue: queue files for an account and destination, or
// new bytes for an existing file, then hear how each item ends. Sync folders use only this
// (electron/sync/queue-adapter.ts); the page's adds reach it after upload-service.ts has resolved
// and checked the files it named.
import { AppError } from '../../shared/app-error';
import type { UploadDestination } from '../../shared/uploads';
import type { AccountIdentity } from '../account/account-identity';
import type { UploadQueue } from './queue';
import type { QueueRecord } from './queue-record';
import type { OutcomeListener, UploadOutcomes } from './upload-outcomes';

interface NewUploadBase {
  name: string;
  /** A path main resolved itself (a grant, a staged copy, a file in a sync folder). */
  path: string;
  size: number;
  /** The bytes are a copy in the staging folder (web host): deleted once finished. */
  staged?: boolean;
  /** Sync folders: the folder it came from; its bytes are hashed as they are sent. */
  syncFolder?: string;
}

export interface NewFileUpload extends NewUploadBase {
  kind: 'file' | 'dataset';
  destination: UploadDestination;
}

/** New bytes for an existing file asset: it keeps its id, visibility and place. */
export interface NewReplacement extends NewUploadBase {
  kind: 'replace';
  target: { id: string; name: string };
  /** Unused by a replacement (kept as given; private when absent). */
  destination?: UploadDestination;
}

export type NewUpload = NewFileUpload | NewReplacement;

export interface UploadIntake {
  /** Queues items for `owner`, refused (`not-signed-in`) unless it is the signed-in account; their ids, in order. */
  enqueue(owner: string, items: readonly NewUpload[]): string[];
  /** Every item that reaches done, failed or cancelled. */
  onOutcome(listener: OutcomeListener): () => void;
  /** An item as the queue holds it, or undefined once it is gone (cleared, dropped, forgotten). */
  record(id: string): Readonly<QueueRecord> | undefined;
  /** Forgets finished items (a sync folder keeps only its recent uploads listed). */
  dropFinished(ids: readonly string[]): void;
}

export interface IntakeDeps {
  queue: UploadQueue;
  outcomes: Pick<UploadOutcomes, 'listen'>;
  /** Who is signed in now (null: nobody, or not yet known). */
  account(): AccountIdentity | null;
}

function recordOf(item: NewUpload, owner: AccountIdentity): Omit<QueueRecord, 'id' | 'state' | 'createdAt'> {
  return {
    name: item.name,
    kind: item.kind,
    ...(item.kind === 'replace' ? { targetId: item.target.id, targetName: item.target.name } : {}),
    path: item.path,
    staged: item.staged ?? false,
    size: item.size,
    destination: item.destination ?? { visibility: 'private' },
    ...(item.syncFolder ? { syncFolder: item.syncFolder } : {}),
    account: owner.key,
    accountLabel: owner.label,
  };
}

export function createUploadIntake(deps: IntakeDeps): UploadIntake & {
  /** The upload service's own adds: `owner` is who was signed in when the page's files were checked. */
  queueFor(owner: AccountIdentity, items: readonly NewUpload[]): QueueRecord[];
} {
  const queueFor = (owner: AccountIdentity, items: readonly NewUpload[]) => deps.queue.add(items.map((item) => recordOf(item, owner)));
  return {
    queueFor,
    enqueue(owner, items) {
      // Never under another account: the items belong to `owner`, and so must their uploads.
      const account = deps.account();
      if (!account || account.key !== owner) throw new AppError({ kind: 'not-signed-in', message: 'The account that added this sync folder is not signed in' });
      return queueFor(account, items).map((record) => record.id);
    },
    onOutcome: (listener) => deps.outcomes.listen(listener),
    record: (id) => deps.queue.get(id),
    dropFinished: (ids) => void deps.queue.dropFinished(new Set(ids)),
  };
}
