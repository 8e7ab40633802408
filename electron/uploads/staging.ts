// The web host's stand-in for file paths: a browser cannot say where a dropped file lives, so
// the page streams its bytes here (`POST /__ouro/stage`) and gets a token back; `uploads:add`
// turns the token into the staged copy's path and the queue deletes the copy once finished.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../../shared/app-error';

const TOKEN_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Staging {
  dir: string;
  /** Streams `body` to a new staged file named `name`; fails `too-large` past `maxBytes`. */
  stage(name: string, body: AsyncIterable<Buffer> | NodeJS.ReadableStream, maxBytes: number): Promise<{ token: string; size: number }>;
  /** The staged file for a token, or null when the token is unknown. */
  resolve(token: string): Promise<string | null>;
  /** True for paths inside the staging folder (their copies are deleted when finished). */
  owns(file: string): boolean;
  remove(file: string): Promise<void>;
  /** Deletes staged copies no queued upload refers to (left by a crash before `uploads:add`). */
  sweep(keep: ReadonlySet<string>): Promise<void>;
}

/** A name safe to use as one path segment: no separators, no control characters, bounded. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean && clean !== '.' && clean !== '..' ? clean : 'file';
}

export function createStaging(dataDir: string): Staging {
  const dir = path.join(dataDir, 'upload-staging');
  return {
    dir,
    async stage(name, body, maxBytes) {
      const token = randomUUID();
      const folder = path.join(dir, token);
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, safeFileName(name));
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) callback(new AppError({ kind: 'too-large', message: 'The file is over the limit set for uploads' }));
          else callback(null, chunk);
        },
      });
      try {
        await pipeline(body, limit, createWriteStream(file, { mode: 0o600 }));
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error instanceof AppError ? error : new AppError({ kind: 'file-unreadable', message: 'The file could not be received' }, { cause: error });
      }
      return { token, size };
    },
    async resolve(token) {
      if (!TOKEN_RE.test(token)) return null;
      const entries = await readdir(path.join(dir, token)).catch(() => [] as string[]);
      const first = entries[0];
      return first ? path.join(dir, token, first) : null;
    },
    owns(file) {
      const relative = path.relative(dir, file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    },
    async remove(file) {
      if (!this.owns(file)) return;
      const token = path.relative(dir, file).split(path.sep)[0];
      if (token && TOKEN_RE.test(token)) await rm(path.join(dir, token), { recursive: true, force: true });
    },
    async sweep(keep) {
      const keepTokens = new Set([...keep].filter((f) => this.owns(f)).map((f) => path.relative(dir, f).split(path.sep)[0]));
      const entries = await readdir(dir).catch(() => [] as string[]);
      for (const entry of entries) {
        if (TOKEN_RE.test(entry) && !keepTokens.has(entry)) await rm(path.join(dir, entry), { recursive: true, force: true });
      }
    },
  };
}
