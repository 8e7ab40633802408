// The upload queue on disk, so quitting or crashing mid-queue loses nothing, at a cost per change
// that does not grow with the queue: each change is a line appended to `uploads-queue.journal`
// (changes arriving together share one write and one fsync), and once the journal is longer than
// the queue it is folded into `uploads-queue.json` (written atomically) and emptied. Loading reads
// the snapshot, then replays the journal; a torn last line (a crash mid-append) is skipped.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { errorKinds } from '../../shared/error-kinds';
import { uploadStates, uploadVisibilities } from '../../shared/uploads';
import { readJson, writeJsonAtomic } from '../storage/atomic-json';
import type { QueueRecord } from './queue-record';

const RecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['file', 'dataset', 'replace']),
  targetId: z.string().optional(),
  targetName: z.string().optional(),
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
  stored: z.object({ id: z.string().min(1), bucket: z.string().min(1), path: z.string().min(1) }).optional(),
  /** Written before bucket and path were kept; such a record uploads its bytes again (see load). */
  storageId: z.string().optional(),
  datasetId: z.string().optional(),
  createdDatasetId: z.string().optional(),
  rowsSent: z.number().optional(),
  rowsTotal: z.number().optional(),
  rowsInserted: z.number().optional(),
  rowsSkipped: z.number().optional(),
  ignoredColumns: z.array(z.string()).max(100).optional(),
  ingestNotes: z.array(z.string()).max(10).optional(),
  assetId: z.string().optional(),
  assetUrl: z.string().optional(),
  syncFolder: z.string().optional(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
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
const LineSchema = z.union([z.object({ put: RecordSchema }), z.object({ remove: z.string() })]);

/** Finished items beyond this many are dropped from the snapshot (the newest are kept). */
const KEEP_FINISHED = 200;
/** The journal is folded into the snapshot once it has more lines than this or than the queue has records. */
const MIN_COMPACT_LINES = 500;

export interface QueueChanges {
  /** Records added or changed (whole). */
  put: readonly QueueRecord[];
  /** Ids of records that are gone. */
  remove: readonly string[];
}

export interface QueueStore {
  load(): Promise<QueueRecord[]>;
  /** Saves changes; resolves once they are on disk. */
  save(changes: QueueChanges): Promise<void>;
  close(): Promise<void>;
}

function strip(record: QueueRecord): QueueRecord {
  // JSON has no undefined; dropping the keys keeps the file tidy and the schema strict.
  return JSON.parse(JSON.stringify(record)) as QueueRecord;
}

/**
 * A saved record as the queue uses it. One from before bucket and path were kept has only the
 * storage id: a file record needs all three, so its bytes go up again (the old object is never
 * referenced).
 */
function fromDisk({ storageId: _legacy, ...record }: z.infer<typeof RecordSchema>): QueueRecord {
  return record as QueueRecord;
}

function isDone(record: QueueRecord): boolean {
  return record.state === 'done' || record.state === 'failed' || record.state === 'cancelled';
}

export function createQueueStore(dataDir: string, onError: (error: unknown) => void = () => {}): QueueStore {
  const file = path.join(dataDir, 'uploads-queue.json');
  const journalFile = path.join(dataDir, 'uploads-queue.journal');
  // What is on disk (or about to be), in queue order: what a compaction writes.
  const mirror = new Map<string, QueueRecord>();
  let journalLines = 0;
  let journal: FileHandle | null = null;
  let pending: string[] = [];
  let waiters: Array<() => void> = [];
  let writing: Promise<void> | null = null;

  async function compact(): Promise<void> {
    const records = [...mirror.values()];
    const finished = records.filter(isDone);
    const drop = new Set(finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)).map((r) => r.id));
    for (const id of drop) mirror.delete(id);
    await writeJsonAtomic(file, { version: 1, records: records.filter((r) => !drop.has(r.id)).map(strip) });
    // A crash before this truncation replays the old journal over the new snapshot: every id's
    // last line is its final state, so the result is the same.
    journal ??= await open(journalFile, 'a', 0o600);
    await journal.truncate(0);
    await journal.sync();
    journalLines = 0;
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const lines = pending;
      const done = waiters;
      pending = [];
      waiters = [];
      try {
        if (journalLines + lines.length > Math.max(MIN_COMPACT_LINES, mirror.size)) {
          await compact(); // the mirror already holds these lines' changes
        } else {
          journal ??= await open(journalFile, 'a', 0o600);
          await journal.write(lines.join(''));
          await journal.sync();
          journalLines += lines.length;
        }
      } catch (error) {
        onError(error);
      }
      for (const resolve of done) resolve();
    }
    writing = null;
  }

  return {
    async load() {
      mirror.clear();
      const saved = await readJson(file, FileSchema);
      for (const record of saved?.records ?? []) mirror.set(record.id, fromDisk(record));
      const text = await readFile(journalFile, 'utf8').catch(() => '');
      journalLines = 0;
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        let parsed: z.infer<typeof LineSchema> | null;
        try {
          const result = LineSchema.safeParse(JSON.parse(line));
          parsed = result.success ? result.data : null;
        } catch {
          parsed = null; // a torn line from a crash mid-append
        }
        if (!parsed) continue;
        journalLines++;
        if ('put' in parsed) mirror.set(parsed.put.id, fromDisk(parsed.put));
        else mirror.delete(parsed.remove);
      }
      return [...mirror.values()].map((r) => ({ ...r }));
    },
    save(changes) {
      if (changes.put.length === 0 && changes.remove.length === 0) return writing ?? Promise.resolve();
      for (const record of changes.put) {
        const copy = strip(record);
        mirror.set(copy.id, copy);
        pending.push(`${JSON.stringify({ put: copy })}\n`);
      }
      for (const id of changes.remove) {
        mirror.delete(id);
        pending.push(`${JSON.stringify({ remove: id })}\n`);
      }
      const saved = new Promise<void>((resolve) => waiters.push(resolve));
      writing ??= drain();
      return saved;
    },
    async close() {
      await writing;
      await journal?.close();
      journal = null;
    },
  };
}
