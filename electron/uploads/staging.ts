// Bytes main receives instead of paths: a web host drop (`POST /__ouro/stage`) or a pasted image
// in Electron. Each is streamed to `upload-staging/<token>/upload` (a name main generates; the
// person's name is kept beside it, normalised, never used on disk) and the page gets the token.
// A token is good only for the account that staged it, once; copies nobody queued within an hour
// are deleted, and the queue deletes the rest once their upload is finished.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../../shared/app-error';
import { normaliseFileName } from '../../shared/file-names';

const TOKEN_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The one file name used on disk inside a token's folder. */
const STAGED_FILE = 'upload';
/** Staged but never queued (the sheet was cancelled, the tab closed): gone after this long. */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export interface StagedFile {
  token: string;
  path: string;
  /** The person's file name, normalised (shared/file-names.ts). */
  name: string;
  /** Bytes actually received. */
  size: number;
  account: string;
  stagedAt: number;
}

export interface Staging {
  dir: string;
  /** Streams `body` to a new staged file for `account`; fails `too-large` past `maxBytes`. */
  stage(name: string, body: AsyncIterable<Buffer> | NodeJS.ReadableStream, maxBytes: number, account: string): Promise<{ token: string; size: number }>;
  /** Takes a staged file for the queue: only `account`'s own, only once. Null otherwise. */
  claim(token: string, account: string): Promise<StagedFile | null>;
  /** True for paths inside the staging folder (their copies are deleted when finished). */
  owns(file: string): boolean;
  remove(file: string): Promise<void>;
  /** Start-up: deletes staged copies no queued upload refers to (left by a crash or a quit). */
  sweep(keep: ReadonlySet<string>): Promise<void>;
  /** Deletes copies staged more than an hour before `now` and never queued. */
  sweepAbandoned(now?: number): Promise<number>;
  /** Sign-out: deletes every copy not (yet) queued. */
  dropPending(): Promise<void>;
}

export function createStaging(dataDir: string, clock: () => number = Date.now): Staging {
  const dir = path.join(dataDir, 'upload-staging');
  const pending = new Map<string, StagedFile>();
  const removeToken = (token: string) => rm(path.join(dir, token), { recursive: true, force: true });

  const staging: Staging = {
    dir,
    async stage(name, body, maxBytes, account) {
      const token = randomUUID();
      const folder = path.join(dir, token);
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, STAGED_FILE);
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) callback(new AppError({ kind: 'too-large', message: 'The file is over the limit set for uploads' }));
          else callback(null, chunk);
        },
      });
      try {
        await pipeline(body, limit, createWriteStream(file, { mode: 0o600, flags: 'wx' }));
      } catch (error) {
        await removeToken(token);
        throw error instanceof AppError ? error : new AppError({ kind: 'file-unreadable', message: 'The file could not be received' }, { cause: error });
      }
      pending.set(token, { token, path: file, name: normaliseFileName(name), size, account, stagedAt: clock() });
      return { token, size };
    },
    async claim(token, account) {
      const staged = TOKEN_RE.test(token) ? pending.get(token) : undefined;
      if (!staged || staged.account !== account) return null;
      pending.delete(token);
      const info = await lstat(staged.path).catch(() => null);
      if (!info?.isFile()) return null;
      return { ...staged, size: info.size };
    },
    owns(file) {
      const relative = path.relative(dir, file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    },
    async remove(file) {
      if (!staging.owns(file)) return;
      const token = path.relative(dir, file).split(path.sep)[0];
      if (token && TOKEN_RE.test(token)) {
        pending.delete(token);
        await removeToken(token);
      }
    },
    async sweep(keep) {
      const keepTokens = new Set([...keep].filter((f) => staging.owns(f)).map((f) => path.relative(dir, f).split(path.sep)[0]));
      const entries = await readdir(dir).catch(() => [] as string[]);
      for (const entry of entries) {
        if (TOKEN_RE.test(entry) && !keepTokens.has(entry) && !pending.has(entry)) await removeToken(entry);
      }
    },
    async sweepAbandoned(now = clock()) {
      let removed = 0;
      for (const [token, staged] of [...pending]) {
        if (now - staged.stagedAt < ABANDONED_AFTER_MS) continue;
        pending.delete(token);
        await removeToken(token);
        removed++;
      }
      return removed;
    },
    async dropPending() {
      const tokens = [...pending.keys()];
      pending.clear();
      for (const token of tokens) await removeToken(token);
    },
  };
  return staging;
}
