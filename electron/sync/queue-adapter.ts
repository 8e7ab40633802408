// SyncUploads over the upload queue's intake (uploads/upload-intake.ts): sync items are ordinary
// queue items (streamed bodies, client ids, progress in the Uploads tray) tagged with their
// folder, hashed as they are sent. The one place sync touches uploads.
import type { QueueRecord } from '../uploads/queue-record';
import type { UploadIntake } from '../uploads/upload-intake';
import type { SyncOutcome, SyncUploads } from './sync-ports';

function outcomeOf(record: Readonly<QueueRecord>): SyncOutcome | undefined {
  if (!record.syncFolder) return undefined;
  const state =
    record.state === 'done' || record.state === 'failed' || record.state === 'cancelled' ? record.state : record.state === 'queued' ? 'queued' : 'running';
  return { uploadId: record.id, folderId: record.syncFolder, state, assetId: record.assetId, contentHash: record.contentHash, error: record.error };
}

export function createQueueAdapter(uploads: UploadIntake): SyncUploads {
  return {
    enqueue: (folderId, owner, items) =>
      uploads.enqueue(
        owner,
        items.map((item) => {
          const common = { name: item.name, path: item.path, size: item.size, destination: item.destination, syncFolder: folderId };
          // The planner names the target of every replacement; the port's type cannot say so.
          return item.kind === 'replace' ? { ...common, kind: 'replace', target: { id: item.targetId ?? '', name: item.targetName ?? '' } } : { ...common, kind: 'file' };
        }),
      ),
    outcome: (uploadId) => {
      const record = uploads.record(uploadId);
      return record ? outcomeOf(record) : undefined;
    },
    onOutcome: (listener) =>
      uploads.onOutcome((record) => {
        const outcome = outcomeOf(record);
        if (outcome) listener(outcome);
      }),
    drop: (uploadIds) => uploads.dropFinished(uploadIds),
  };
}
