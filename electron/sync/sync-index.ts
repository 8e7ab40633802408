// A sync folder's index, kept per account and folder: relative path → asset id, size, mtime and
// sha256, plus the uploads queued for it and not yet finished (so a restart never queues a file
// twice). An append-only journal of JSON lines, read back as a stream; rewritten to a temp file
// and renamed over the journal when it has grown to twice what it holds (atomic: a crash leaves
// the old journal or the new, and a torn last line is skipped on reading).
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface IndexEntry {
  /** null: a file that was already here when the folder was added with "only new files". */
  assetId: string | null;
  size: number;
  mtimeMs: number;
  sha256: string | null;
}

export interface PendingUpload {
  uploadId: string;
  rel: string;
  kind: 'file' | 'replace';
  size: number;
  mtimeMs: number;
}

type Line = { p: string; e: IndexEntry } | { p: string; d: 1 } | { q: PendingUpload } | { x: string };

export interface SyncIndex {
  get(rel: string): IndexEntry | undefined;
  set(rel: string, entry: IndexEntry): void;
  delete(rel: string): void;
  entries(): IterableIterator<[string, IndexEntry]>;
  readonly size: number;
  pending(): IterableIterator<PendingUpload>;
  addPending(upload: PendingUpload): void;
  removePending(uploadId: string): void;
  /** Writes what is buffered (callers need not: it flushes itself shortly after each change). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const FLUSH_DELAY_MS = 200;

function isEntry(value: unknown): value is IndexEntry {
  const e = value as IndexEntry;
  return !!e && typeof e.size === 'number' && typeof e.mtimeMs === 'number' && (e.assetId === null || typeof e.assetId === 'string') && (e.sha256 === null || typeof e.sha256 === 'string');
}

export async function openSyncIndex(file: string, onError: (error: unknown) => void): Promise<SyncIndex> {
  const entries = new Map<string, IndexEntry>();
  const pending = new Map<string, PendingUpload>();
  let lines = 0;
  try {
    const reader = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const text of reader) {
      if (!text) continue;
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        continue; // the torn tail of a crash
      }
      lines++;
      if ('e' in line && typeof line.p === 'string' && isEntry(line.e)) entries.set(line.p, line.e);
      else if ('d' in line && typeof line.p === 'string') entries.delete(line.p);
      else if ('q' in line && line.q && typeof line.q.uploadId === 'string') pending.set(line.q.uploadId, line.q);
      else if ('x' in line && typeof line.x === 'string') pending.delete(line.x);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error);
  }
  await mkdir(path.dirname(file), { recursive: true });

  let buffer: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function compact(): Promise<void> {
    const temp = `${file}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      let chunk: string[] = [];
      for (const [p, e] of entries) {
        chunk.push(JSON.stringify({ p, e }));
        if (chunk.length >= 1000) {
          await handle.write(`${chunk.join('\n')}\n`);
          chunk = [];
        }
      }
      for (const q of pending.values()) chunk.push(JSON.stringify({ q }));
      if (chunk.length > 0) await handle.write(`${chunk.join('\n')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    lines = entries.size + pending.size;
  }

  const write = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const out = buffer;
    buffer = [];
    writing = writing
      .then(async () => {
        if (out.length > 0) {
          await appendFile(file, `${out.join('\n')}\n`, { mode: 0o600 });
          lines += out.length;
        }
        if (lines > 2 * (entries.size + pending.size) + 1000) await compact();
      })
      .catch(onError);
    return writing;
  };
  const push = (line: Line) => {
    buffer.push(JSON.stringify(line));
    if (!timer) {
      timer = setTimeout(() => void write(), FLUSH_DELAY_MS);
      timer.unref?.();
    }
  };

  return {
    get: (rel) => entries.get(rel),
    set(rel, entry) {
      entries.set(rel, entry);
      push({ p: rel, e: entry });
    },
    delete(rel) {
      if (entries.delete(rel)) push({ p: rel, d: 1 });
    },
    entries: () => entries.entries(),
    get size() {
      return entries.size;
    },
    pending: () => pending.values(),
    addPending(upload) {
      pending.set(upload.uploadId, upload);
      push({ q: upload });
    },
    removePending(uploadId) {
      if (pending.delete(uploadId)) push({ x: uploadId });
    },
    flush: write,
    close: write,
  };
}

export async function removeSyncIndex(file: string): Promise<void> {
  await rm(file, { force: true });
  await rm(`${file}.tmp`, { force: true });
}
