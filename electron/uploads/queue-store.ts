// The upload queue on disk (`uploads-queue.json` in the data folder), so quitting or crashing
// mid-queue loses nothing: written atomically after every state change, one write at a time
// (a newer snapshot replaces a pending one), and read back on the next start.
import path from 'node:path';
import { z } from 'zod';
import { errorKinds } from '../../shared/error-kinds';
import { uploadStates, uploadVisibilities } from '../../shared/uploads';
import { readJson, writeJsonAtomic } from '../storage/atomic-json';
import type { QueueRecord } from './queue';

const RecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['file', 'dataset']),
  path: z.string(),
  staged: z.boolean(),
  size: z.number().nonnegative(),
  destination: z.object({
    orgId: z.string().optional(),
    teamId: z.string().optional(),
    visibility: z.enum(uploadVisibilities),
    asDataset: z.boolean().optional(),
  }),
  state: z.enum(uploadStates),
  createdAt: z.number(),
  storageId: z.string().optional(),
  datasetId: z.string().optional(),
  rowsSent: z.number().optional(),
  rowsTotal: z.number().optional(),
  assetId: z.string().optional(),
  assetUrl: z.string().optional(),
  account: z.string().optional(),
  accountLabel: z.string().optional(),
  error: z
    .object({
      kind: z.enum(errorKinds),
      message: z.string(),
      status: z.number().optional(),
      requestId: z.string().optional(),
      retryAfterSeconds: z.number().optional(),
      issues: z.array(z.string()).optional(),
    })
    .optional(),
});

const FileSchema = z.object({ version: z.literal(1), records: z.array(RecordSchema) });

/** Finished items beyond this many are dropped from the file (the newest are kept). */
const KEEP_FINISHED = 200;

export interface QueueStore {
  load(): Promise<QueueRecord[]>;
  save(records: readonly QueueRecord[]): Promise<void>;
}

function strip(record: QueueRecord): QueueRecord {
  // JSON has no undefined; dropping the keys keeps the file tidy and the schema strict.
  return JSON.parse(JSON.stringify(record)) as QueueRecord;
}

export function createQueueStore(dataDir: string, onError: (error: unknown) => void = () => {}): QueueStore {
  const file = path.join(dataDir, 'uploads-queue.json');
  let writing: Promise<void> | null = null;
  let next: QueueRecord[] | null = null;
  let waiters: Array<() => void> = [];

  async function drain(): Promise<void> {
    while (next) {
      const records = next;
      const done = waiters;
      next = null;
      waiters = [];
      const finished = records.filter((r) => r.state === 'done' || r.state === 'failed' || r.state === 'cancelled');
      const drop = new Set(finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)).map((r) => r.id));
      try {
        await writeJsonAtomic(file, { version: 1, records: records.filter((r) => !drop.has(r.id)).map(strip) });
      } catch (error) {
        onError(error);
      }
      for (const resolve of done) resolve();
    }
    writing = null;
  }

  return {
    async load() {
      const saved = await readJson(file, FileSchema);
      return (saved?.records ?? []) as QueueRecord[];
    },
    save(records) {
      next = records.map((r) => ({ ...r }));
      const saved = new Promise<void>((resolve) => waiters.push(resolve));
      writing ??= drain();
      return saved;
    },
  };
}
