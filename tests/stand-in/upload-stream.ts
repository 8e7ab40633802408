// Streaming parser for the `POST /files/upload` body `{file_name, file_base64, visibility,
// content_type}`. An incremental JSON scanner walks the top-level object; the `file_base64` string
// is validated and base64-decoded chunk by chunk straight into a file while being hashed, so the
// body is never buffered whole (uploads can be GiB-sized). Other fields are small and parsed
// normally once their text is complete.
import { createHash } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { validationError } from './errors';

export interface ParsedUpload {
  /** Every top-level field except `file_base64`, JSON-parsed. */
  fields: Record<string, unknown>;
  /** Decoded file bytes written to `tempPath`; null when `file_base64` was absent or not a string. */
  file: { size: number; sha256: string } | null;
}

const FILE_KEY = 'file_base64';
const MAX_FIELD_BYTES = 1 << 20;
const SLASH = Buffer.from('/');
const OUT_BUFFER_BYTES = 2 << 20;
const FLUSH_AT = 1 << 20;

type State = 'start' | 'keyOrEnd' | 'keyRequired' | 'key' | 'colon' | 'valueStart' | 'b64' | 'value' | 'afterValue' | 'done';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function bad(msg: string): Error {
  return validationError([{ loc: ['body'], msg, type: 'value_error' }]);
}

export async function parseUploadStream(chunks: AsyncIterable<Buffer>, tempPath: string): Promise<ParsedUpload> {
  const fields: Record<string, unknown> = {};
  let state: State = 'start';
  let keyBytes: number[] = [];
  let keyEscape = false;
  let currentKey = '';

  // Generic value scanning state.
  let valueParts: Buffer[] = [];
  let valueBytes = 0;
  let valueDepth = 0;
  let valueInString = false;
  let valueEscape = false;
  let valueIsPrimitive = false;

  // Base64 state.
  const hash = createHash('sha256');
  let size = 0;
  let carry = '';
  let sawPadding = false;
  let pendingEscape = false;
  let fileSeen = false;
  let fileDone = false;

  // Decoded bytes go into one reusable buffer that is flushed to the file between request
  // chunks: no per-chunk Buffers, so memory stays flat however large the upload is.
  let outBuf = Buffer.allocUnsafe(OUT_BUFFER_BYTES);
  let outLen = 0;
  let out: FileHandle | null = null;
  const flush = async (): Promise<void> => {
    if (!outLen) return;
    if (!out) out = await open(tempPath, 'w');
    let done = 0;
    while (done < outLen) done += (await out.write(outBuf, done, outLen - done)).bytesWritten;
    outLen = 0;
  };

  /** Decodes one run of complete quartets; a length mismatch means a non-alphabet character. */
  const decodeQuartets = (text: string): void => {
    const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    const written = outBuf.write(text, outLen, 'base64');
    if (written !== (text.length / 4) * 3 - pad) throw bad('file_base64 is not valid base64');
    if (written) {
      hash.update(outBuf.subarray(outLen, outLen + written));
      outLen += written;
      size += written;
    }
  };

  // Works on raw bytes: Buffer.indexOf and Buffer.from(…, 'base64') run at GB/s, a regex over
  // the text would cap uploads at a few hundred MB/s.
  const feedB64 = (buf: Buffer): void => {
    if (!buf.length) return;
    // Node's decoder also accepts the URL-safe alphabet; the real API would not.
    if (buf.indexOf(0x2d) >= 0 || buf.indexOf(0x5f) >= 0) throw bad('file_base64 is not valid base64');
    const eq = buf.indexOf(0x3d);
    if (sawPadding || eq >= 0) {
      for (let i = sawPadding ? 0 : eq; i < buf.length; i++) {
        if (buf[i] !== 0x3d) throw bad('file_base64 is not valid base64 (data after padding)');
      }
      sawPadding = true;
    }
    let start = 0;
    if (carry) {
      const need = 4 - carry.length;
      if (buf.length < need) {
        carry += buf.toString('latin1');
        return;
      }
      decodeQuartets(carry + buf.toString('latin1', 0, need));
      carry = '';
      start = need;
    }
    const remaining = buf.length - start;
    const usable = remaining - (remaining % 4);
    if (usable) decodeQuartets(buf.toString('latin1', start, start + usable));
    carry = buf.toString('latin1', start + usable);
  };

  const finishValue = (): void => {
    const text = Buffer.concat(valueParts).toString('utf8');
    valueParts = [];
    valueBytes = 0;
    try {
      fields[currentKey] = JSON.parse(text) as unknown;
    } catch {
      throw bad(`Invalid JSON value for field ${currentKey}`);
    }
    state = 'afterValue';
  };

  const processChunk = (chunk: Buffer): void => {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      switch (state) {
        case 'b64': {
          if (pendingEscape) {
            pendingEscape = false;
            const c = chunk[i++];
            if (c === 0x2f) feedB64(SLASH);
            else if (c !== 0x6e && c !== 0x72) throw bad('file_base64 is not valid base64 (unexpected escape)');
            continue;
          }
          const q = chunk.indexOf(0x22, i);
          const b = chunk.indexOf(0x5c, i);
          let end = n;
          if (q >= 0) end = q;
          if (b >= 0 && b < end) end = b;
          if (end > i) feedB64(chunk.subarray(i, end));
          if (end === n) {
            i = n;
          } else if (end === q) {
            if (carry.length) throw bad('file_base64 is not valid base64 (incorrect padding)');
            fileDone = true;
            state = 'afterValue';
            i = end + 1;
          } else {
            pendingEscape = true;
            i = end + 1;
          }
          continue;
        }
        case 'value': {
          const start = i;
          let finished = false;
          for (; i < n; i++) {
            const c = chunk[i] ?? 0;
            if (valueIsPrimitive) {
              if (c === 0x2c || c === 0x7d || c === 0x5d || WS.has(c)) {
                finished = true;
                break; // delimiter is handled by afterValue
              }
              continue;
            }
            if (valueInString) {
              if (valueEscape) valueEscape = false;
              else if (c === 0x5c) valueEscape = true;
              else if (c === 0x22) {
                valueInString = false;
                if (valueDepth === 0) {
                  i++;
                  finished = true;
                  break;
                }
              }
              continue;
            }
            if (c === 0x22) valueInString = true;
            else if (c === 0x7b || c === 0x5b) valueDepth++;
            else if (c === 0x7d || c === 0x5d) {
              valueDepth--;
              if (valueDepth === 0) {
                i++;
                finished = true;
                break;
              }
            }
          }
          const part = chunk.subarray(start, i);
          valueBytes += part.length;
          if (valueBytes > MAX_FIELD_BYTES) throw bad(`Field ${currentKey} is too large`);
          valueParts.push(Buffer.from(part));
          if (finished) finishValue();
          continue;
        }
        case 'key': {
          const c = chunk[i++] ?? 0;
          if (keyEscape) {
            keyEscape = false;
            keyBytes.push(c);
          } else if (c === 0x5c) {
            keyEscape = true;
            keyBytes.push(c);
          } else if (c === 0x22) {
            try {
              currentKey = JSON.parse(`"${Buffer.from(keyBytes).toString('utf8')}"`) as string;
            } catch {
              throw bad('Invalid JSON key');
            }
            keyBytes = [];
            state = 'colon';
          } else {
            keyBytes.push(c);
            if (keyBytes.length > 1024) throw bad('Invalid JSON key');
          }
          continue;
        }
        default: {
          const c = chunk[i] ?? 0;
          if (WS.has(c)) {
            i++;
            continue;
          }
          i++;
          if (state === 'start') {
            if (c !== 0x7b) throw bad('Body must be a JSON object');
            state = 'keyOrEnd';
          } else if (state === 'keyOrEnd' || state === 'keyRequired') {
            if (c === 0x22) state = 'key';
            else if (c === 0x7d && state === 'keyOrEnd') state = 'done';
            else throw bad('Invalid JSON: expected a key');
          } else if (state === 'colon') {
            if (c !== 0x3a) throw bad('Invalid JSON: expected ":"');
            state = 'valueStart';
          } else if (state === 'valueStart') {
            if (currentKey === FILE_KEY && c === 0x22) {
              if (fileSeen) throw bad('Duplicate file_base64');
              fileSeen = true;
              state = 'b64';
            } else {
              valueParts = [Buffer.from([c])];
              valueBytes = 1;
              valueDepth = c === 0x7b || c === 0x5b ? 1 : 0;
              valueInString = c === 0x22;
              valueEscape = false;
              valueIsPrimitive = !valueInString && valueDepth === 0;
              state = 'value';
            }
          } else if (state === 'afterValue') {
            if (c === 0x2c) state = 'keyRequired';
            else if (c === 0x7d) state = 'done';
            else throw bad('Invalid JSON: expected "," or "}"');
          } else if (state === 'done') {
            throw bad('Invalid JSON: trailing data');
          }
        }
      }
    }
  };

  try {
    for await (const chunk of chunks) {
      // Room for everything this chunk can decode to (3 bytes per 4 characters).
      if (outLen + chunk.length > outBuf.length) await flush();
      if (chunk.length > outBuf.length) outBuf = Buffer.allocUnsafe(chunk.length);
      processChunk(chunk);
      if (outLen >= FLUSH_AT) await flush();
    }
    // `state` is mutated inside processChunk; re-read it untyped-narrowed.
    const endState = state as State;
    if (endState === 'value' && valueIsPrimitive) throw bad('Invalid JSON: body ended early');
    if (endState !== 'done') throw bad('Invalid JSON: body ended early');
    if (fileSeen) {
      await flush();
      if (!out) out = await open(tempPath, 'w'); // empty file
      await (out as FileHandle).close();
      out = null;
    }
    return { fields, file: fileSeen && fileDone ? { size, sha256: hash.digest('hex') } : null };
  } catch (err) {
    if (out) await (out as FileHandle).close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw err;
  }
}
