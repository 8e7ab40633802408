// One queued item's work, as the queue runs it: a file through the three-step upload, a dataset
// through its rows, or new bytes for an existing file ('replace'), each resuming from the
// checkpoint its record saved. The queue owns the state; this owns talking to Ouro.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { AppError } from '../../shared/app-error';
import { describeError } from '../../shared/error-kinds';
import type { OuroClient } from '../ouro/client';
import { replaceContent } from './content-replace';
import { uploadDataset } from './dataset-upload';
import { createFileRecord, uploadBytes, type FileJobHooks, type UploadTiming } from './file-upload';
import type { IngestTally } from './ingest';
import type { QueueRecord, RunContext, RunResult } from './queue';

export interface RunnerDeps {
  client(): OuroClient;
  timing: UploadTiming;
  /** A file's bytes were replaced (caches of its old bytes must go). */
  onReplaced?(assetId: string): void;
}

function tallyOf(record: Readonly<QueueRecord>): IngestTally {
  return {
    rowsInserted: record.rowsInserted ?? 0,
    rowsSkipped: record.rowsSkipped ?? 0,
    ignoredColumns: record.ignoredColumns ?? [],
    ingestNotes: record.ingestNotes ?? [],
  };
}

function bytesHooks(context: RunContext, onDigest?: (sha256: string) => void): FileJobHooks {
  return {
    ...(onDigest ? { onDigest } : {}),
    signal: context.signal,
    onBytes: (sent) => context.progress(sent),
    onRetry: (error, delayMs) =>
      context.note(`Retrying in ${Math.max(1, Math.round(delayMs / 1000))} s (${error.status ? `Ouro error ${error.status}` : describeError(error.toData()).title})`),
  };
}

export function createUploadRunner(deps: RunnerDeps): (record: Readonly<QueueRecord>, context: RunContext) => Promise<RunResult> {
  const { timing } = deps;
  return async (record, context) => {
    const client = deps.client();
    const info = await stat(record.path).catch(() => null);
    if (!info?.isFile()) throw new AppError({ kind: 'file-unreadable', message: 'The file was moved or deleted before it could be uploaded.' });
    // The queue shows the size that is actually read and sent, not the size when it was added.
    context.resized(info.size);
    // A sync folder's item is hashed as it is read, so the folder learns what Ouro now holds.
    let sent: string | undefined;
    const onDigest = record.syncFolder ? (sha256: string) => (sent = sha256) : undefined;
    if (record.kind === 'replace' && record.targetId) {
      const asset = await replaceContent(client, { assetId: record.targetId, path: record.path, name: record.name, size: info.size }, bytesHooks(context, onDigest), timing);
      deps.onReplaced?.(asset.id);
      return { assetId: asset.id, assetUrl: asset.url ?? undefined, contentHash: sent };
    }
    const { visibility, orgId, teamId } = record.destination;
    if (record.kind === 'dataset') {
      const datasetId = record.datasetId ?? randomUUID();
      if (!record.datasetId) await context.checkpoint({ datasetId });
      const result = await uploadDataset(
        client,
        {
          path: record.path,
          name: record.name,
          visibility,
          orgId,
          teamId,
          datasetId,
          createdId: record.createdDatasetId,
          rowsSent: record.rowsSent,
          tally: record.rowsInserted === undefined ? undefined : tallyOf(record),
        },
        {
          signal: context.signal,
          rows: (sent, total) => context.rows(sent, total),
          checkpoint: (patch) => context.checkpoint(patch),
          processing: () => context.processing(),
        },
      );
      return { assetId: result.id, assetUrl: result.url };
    }
    const job = { path: record.path, name: record.name, size: info.size, visibility, orgId, teamId };
    let stored = record.stored;
    let contentHash = record.contentHash;
    if (!stored) {
      stored = await uploadBytes(client, job, bytesHooks(context, onDigest), timing);
      contentHash = sent;
      // Saved before the record is created: a crash from here on resumes at step 2 with the same
      // object, whose bucket and path the record must name.
      await context.checkpoint({ stored, ...(contentHash ? { contentHash } : {}) });
    }
    context.processing();
    const asset = await createFileRecord(client, job, stored, context.signal);
    return { assetId: asset.id, assetUrl: asset.url ?? undefined, contentHash };
  };
}
