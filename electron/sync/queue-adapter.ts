// SyncUploads over the upload queue (issue 11's service): sync items are ordinary queue items
// (streamed bodies, client ids, progress in the Uploads tray) tagged with their folder, hashed as
// they are sent. The one place sync touches the upload service, so it can be re-pointed when
// the service is split (issue 14).
import type { QueueRecord } from '../uploads/queue-record';
import type { UploadService } from '../uploads/upload-service';
import type { SyncOutcome, SyncUploads } from './sync-ports';

type QueueSide = Pick<UploadService, 'enqueueSynced' | 'onFinished' | 'record' | 'dropFinished'>;

function outcomeOf(record: Readonly<QueueRecord>): SyncOutcome | undefined {
  if (!record.syncFolder) return undefined;
  const state =
    record.state === 'done' || record.state === 'failed' || record.state === 'cancelled' ? record.state : record.state === 'queued' ? 'queued' : 'running';
  return { uploadId: record.id, folderId: record.syncFolder, state, assetId: record.assetId, contentHash: record.contentHash, error: record.error };
}

export function createQueueAdapter(uploads: QueueSide): SyncUploads {
  return {
    enqueue: (folderId, owner, items) =>
      uploads.enqueueSynced(
        items.map((item) => ({
          kind: item.kind,
          name: item.name,
          path: item.path,
          size: item.size,
          destination: item.destination,
          syncFolder: folderId,
          ...(item.kind === 'replace' ? { targetId: item.targetId, targetName: item.targetName } : {}),
        })),
        owner,
      ),
    outcome: (uploadId) => {
      const record = uploads.record(uploadId);
      return record ? outcomeOf(record) : undefined;
    },
    onOutcome: (listener) =>
      uploads.onFinished((record) => {
        const outcome = outcomeOf(record);
        if (outcome) listener(outcome);
      }),
    drop: (uploadIds) => uploads.dropFinished(uploadIds),
  };
}
