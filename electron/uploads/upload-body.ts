// The `POST /files/upload` body (ouro-api.md §4.3) — `{"file_name", "visibility", "content_type",
// "file_base64"}` — and the `PUT /files/{id}/content` one (§4.4), produced chunk by chunk from a file read stream, with its exact byte length
// known up front, so neither the file nor its base64 is ever held in memory whole.
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../shared/app-error';
import type { BodyWriter } from '../ouro/body-writer';

/**
 * File bytes per chunk: 98,202 (a multiple of 3, so chunks encode without padding). Its base64
 * string (130,936 characters) is just small enough to be an ordinary young-generation V8 object:
 * bump-allocated and freed by the next scavenge. Measured (tests/bench/uploads.bench.ts and a
 * null sink): 256 KiB chunks make strings V8 puts in large-object space, each on fresh pages,
 * costing twice the CPU; ≥ 756 KiB chunks make external strings V8 frees late (~75 MiB peak).
 */
export const DEFAULT_CHUNK_BYTES = 98_202;

export interface UploadFields {
  fileName: string;
  visibility: string;
  contentType: string | null;
}

export interface UploadBodyPlan {
  /** Everything before the base64 text, up to and including its opening quote. */
  prefix: Buffer;
  /** The closing quote and brace. */
  suffix: Buffer;
  fileSize: number;
  /** The exact Content-Length: prefix + 4·⌈size/3⌉ + suffix. */
  contentLength: number;
}

export function base64Length(size: number): number {
  return 4 * Math.ceil(size / 3);
}

export function planUploadBody(fields: UploadFields, fileSize: number): UploadBodyPlan {
  return planBase64Body({ file_name: fields.fileName, visibility: fields.visibility, content_type: fields.contentType }, fileSize);
}

/**
 * Any JSON object whose last key is `file_base64` (`POST /files/upload`, `PUT /files/{id}/content`):
 * `fields` first, in order, then the base64 text, streamed.
 */
export function planBase64Body(fields: Record<string, unknown>, fileSize: number): UploadBodyPlan {
  // JSON.stringify escapes quotes, control characters and lone surrogates in the name; the byte
  // length is measured on the UTF-8 encoding, not the string, so non-ASCII names stay exact.
  const object = JSON.stringify(fields);
  const head = `${object.slice(0, -1)}${object === '{}' ? '' : ','}"file_base64":"`;
  const prefix = Buffer.from(head, 'utf8');
  const suffix = Buffer.from('"}', 'utf8');
  return { prefix, suffix, fileSize, contentLength: prefix.length + base64Length(fileSize) + suffix.length };
}

/**
 * The file's base64, chunk by chunk: each yielded string encodes a whole number of 3-byte groups
 * except the very last, so concatenating them equals base64 of the whole file. `fileBytes` is how
 * much of the file the chunk covers (for progress). One read buffer is reused for the whole file,
 * so the only per-chunk allocation is the base64 text itself. Throws `file-unreadable` if the
 * file's size changed since it was planned, because the Content-Length would then be a lie.
 */
export async function* base64Chunks(
  path: string,
  expectedSize: number,
  chunkBytes = DEFAULT_CHUNK_BYTES,
  /** Sees every byte read, in order (a sha256 of what is sent, so sync folders need no second read). */
  digest?: { update(bytes: Buffer): unknown },
): AsyncGenerator<{ text: string; fileBytes: number }> {
  const size = Math.max(3, chunkBytes - (chunkBytes % 3));
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw readError(error);
  }
  const buffer = Buffer.allocUnsafe(size);
  let carry = 0; // bytes (0–2) left over from the previous read, kept at the start of `buffer`
  let total = 0;
  try {
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, carry, size - carry, null));
      } catch (error) {
        throw readError(error);
      }
      total += bytesRead;
      if (total > expectedSize) throw changedError();
      if (bytesRead > 0) digest?.update(buffer.subarray(carry, carry + bytesRead));
      const filled = carry + bytesRead;
      if (bytesRead === 0) {
        if (total !== expectedSize) throw changedError();
        if (filled > 0) yield { text: buffer.toString('base64', 0, filled), fileBytes: filled };
        return;
      }
      const usable = filled - (filled % 3);
      if (usable > 0) {
        const text = buffer.toString('base64', 0, usable);
        carry = filled - usable;
        buffer.copy(buffer, 0, usable, filled);
        yield { text, fileBytes: usable };
      } else carry = filled;
    }
  } finally {
    await handle.close().catch(() => {});
  }
}

function readError(error: unknown): AppError {
  return new AppError({ kind: 'file-unreadable', message: `The file could not be read (${codeOf(error)})` }, { cause: error });
}

function changedError(): AppError {
  return new AppError({ kind: 'file-unreadable', message: 'The file changed while it was being uploaded' });
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'read error';
}

/** A file body that can also tell the sha256 of the file bytes its last whole pass carried. */
export interface FileBodyWriter extends BodyWriter {
  /** The digest of the last pass that read the whole file (undefined unless asked for). */
  sha256(): string | undefined;
}

/**
 * The body writer the request core streams: the plan's prefix, the file's base64, its suffix.
 * With `digest`, each pass hashes the bytes as it reads them (sync folders keep the sha256, so a
 * file is read once, not once to hash and once to send); a retry starts a fresh hash.
 */
export function fileBodyWriter(plan: UploadBodyPlan, filePath: string, chunkBytes?: number, digest = false): FileBodyWriter {
  let completed: string | undefined;
  return {
    contentType: 'application/json',
    contentLength: plan.contentLength,
    async *chunks() {
      completed = undefined;
      const hash = digest ? createHash('sha256') : undefined;
      yield { data: plan.prefix };
      for await (const chunk of base64Chunks(filePath, plan.fileSize, chunkBytes, hash)) yield { data: chunk.text, encoding: 'latin1' as const, sourceBytes: chunk.fileBytes };
      if (hash) completed = hash.digest('hex');
      yield { data: plan.suffix };
    },
    sha256: () => completed,
  };
}
