// Streaming an asset's bytes (`POST /assets/{id}/download`) to disk: into a temp file beside the
// destination, renamed into place only when complete, never buffered whole, removed on failure.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError, isAppError } from '../../shared/app-error';
import { readEnvelope } from './envelope';
import { transportError } from './errors';
import { pathOf, type Http, type StreamContext } from './http';
import type { CallOptions } from './types';

export interface DownloadProgress {
  bytes: number;
  /** From Content-Length, when the server sent one. */
  totalBytes?: number;
}

export interface DownloadOptions extends CallOptions {
  /** Called after every chunk written. Restarts from 0 if a failed attempt is retried. */
  onProgress?: (progress: DownloadProgress) => void;
  /** Sent as `{asset_type}` so the server need not look the type up. */
  assetType?: string;
}

export interface DownloadResult {
  bytes: number;
  /** The name Ouro suggests (Content-Disposition), without any directory part; null if none. */
  fileName: string | null;
  contentType?: string;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}

/** RFC 6266: `filename*=UTF-8''…` (percent-encoded) preferred over `filename="…"`. */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  let plain: string | null = null;
  let extended: string | null = null;
  // Split on `;` outside quotes.
  for (const part of header.match(/(?:[^;"]|"(?:\\.|[^"\\])*")+/g) ?? []) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (name === 'filename*') {
      const m = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(unquote(value));
      if (m) {
        const charset = (m[1] ?? '').toLowerCase();
        const encoded = m[2] ?? '';
        try {
          extended =
            charset === 'utf-8'
              ? decodeURIComponent(encoded)
              : // ISO-8859-1: each %XX is one code point.
                encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        } catch {
          // Malformed percent-encoding: fall back to the plain filename.
        }
      }
    } else if (name === 'filename') {
      plain = unquote(value);
    }
  }
  const chosen = extended ?? plain;
  if (!chosen) return null;
  // Only the last path segment: a server must not be able to steer where we write.
  const last = chosen.split(/[\\/]/).pop() ?? '';
  const safe = [...last].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\x7f').join('').trim();
  return safe === '' || safe === '.' || safe === '..' ? null : safe;
}

function writeFailure(error: unknown): AppError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
  return new AppError({ kind: 'internal', message: `Could not write the downloaded file (${code})` }, { cause: error });
}

async function streamToFile(response: Response, context: StreamContext, destPath: string, onProgress?: (p: DownloadProgress) => void): Promise<DownloadResult> {
  const fileName = fileNameFromDisposition(response.headers.get('content-disposition'));
  const contentType = context.facts.contentType;
  const lengthHeader = Number(response.headers.get('content-length'));
  // With a content-encoding, Content-Length counts compressed bytes while fetch yields decoded ones.
  const encoded = (response.headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
  const totalBytes =
    !encoded && response.headers.has('content-length') && Number.isFinite(lengthHeader) && lengthHeader >= 0 ? lengthHeader : undefined;

  // Errors are JSON envelopes; a file download comes with Content-Disposition. A JSON body without
  // one may be the legacy 200-with-error form, so it is read (small by nature) and checked first.
  let preRead: Uint8Array | undefined;
  if (!response.headers.has('content-disposition') && contentType?.includes('json')) {
    context.touch();
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw context.abortError() ?? transportError(error, 'The download');
    }
    readEnvelope(text, context.facts);
    preRead = new TextEncoder().encode(text);
  }

  const temp = join(dirname(destPath), `.${basename(destPath)}.${randomBytes(6).toString('hex')}.part`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let bytes = 0;
  try {
    try {
      handle = await open(temp, 'wx');
    } catch (error) {
      throw writeFailure(error);
    }
    if (preRead) {
      await handle.write(preRead).catch((error: unknown) => {
        throw writeFailure(error);
      });
      bytes = preRead.byteLength;
      onProgress?.({ bytes, totalBytes: bytes });
    } else if (response.body) {
      reader = response.body.getReader();
      context.touch();
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw context.abortError() ?? transportError(error, 'The download');
        }
        if (chunk.done) break;
        context.touch();
        try {
          // Awaiting each write is the backpressure: we never read faster than the disk takes it.
          await handle.write(chunk.value);
        } catch (error) {
          throw writeFailure(error);
        }
        bytes += chunk.value.byteLength;
        onProgress?.(totalBytes === undefined ? { bytes } : { bytes, totalBytes });
      }
    }
    if (!preRead && totalBytes !== undefined && bytes !== totalBytes) {
      throw new AppError({ kind: 'network', message: `The download ended early (${bytes} of ${totalBytes} bytes)` });
    }
    try {
      await handle.close();
      handle = undefined;
      await rename(temp, destPath);
    } catch (error) {
      throw writeFailure(error);
    }
  } catch (error) {
    // Release the connection if we stopped reading (a write failure); harmless after a read error.
    await reader?.cancel().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw isAppError(error) ? error : writeFailure(error);
  }
  const result: DownloadResult = { bytes, fileName };
  if (contentType) result.contentType = contentType;
  return result;
}

/** Downloads asset `id` to `destPath`. A read, so transient failures are retried from byte 0. */
export function downloadAsset(http: Http, id: string, destPath: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  return http.stream(
    {
      method: 'POST',
      path: pathOf`/assets/${id}/download`,
      body: options.assetType ? { asset_type: options.assetType } : {},
      idempotent: true,
      accept: '*/*',
      ...(options.signal ? { signal: options.signal } : {}),
    },
    (response, context) => streamToFile(response, context, destPath, options.onProgress),
  );
}
