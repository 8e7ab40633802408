// One streamed upload request over node:http(s): the JSON prefix, the file's base64 chunk by
// chunk, the suffix, with an exact Content-Length and real backpressure (each write waits for
// `drain`). fetch with a ReadableStream body does not apply backpressure (DESIGN.md §8: 740 MiB
// resident for a 512 MiB file), so this cannot go through the client's fetch pipeline.
import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { AppError } from '../../shared/app-error';
import { cancelledError, timeoutError, transportError } from '../ouro/errors';
import { base64Chunks, type UploadBodyPlan } from './upload-body';

export interface StreamedPostOptions {
  url: string;
  /** POST (uploads, the default) or PUT (replacing a file's content). */
  method?: 'POST' | 'PUT';
  headers: Record<string, string>;
  plan: UploadBodyPlan;
  filePath: string;
  chunkBytes?: number;
  signal?: AbortSignal;
  /** File bytes handed to the socket so far (not base64 bytes). */
  onProgress?(fileBytesSent: number): void;
  /** Chunks queued on the socket before waiting for the oldest to be sent (default 3). */
  inFlightChunks?: number;
  /** Longest silence (no write completing, no response byte) before giving up. */
  idleTimeoutMs?: number;
  /** Hash the file bytes as they are read and answer their sha256 (sync folders; costs CPU). */
  digest?: boolean;
}

export interface StreamedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** sha256 (hex) of the file bytes sent, when the whole body went out (sync folders keep it). */
  sha256?: string;
}

/** Error answers are small JSON; anything longer is cut (it is only parsed for a message). */
const MAX_RESPONSE_BYTES = 1 << 20;

export function streamedPost(options: StreamedPostOptions): Promise<StreamedResponse> {
  const { plan, signal } = options;
  const url = new URL(options.url);
  const transport = url.protocol === 'https:' ? https : http;
  const idleMs = options.idleTimeoutMs ?? 60_000;
  const inFlight = Math.max(1, options.inFlightChunks ?? 3);

  return new Promise<StreamedResponse>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    let settled = false;
    let bodyDone = false;
    // Once the server has answered (e.g. 429 or 413 before reading the body), stop sending.
    let stopped = false;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    // Hashed as it is read, so what is sent and its digest come from one read of the file.
    const digest = options.digest ? createHash('sha256') : undefined;

    const req = transport.request(url, {
      method: options.method ?? 'POST',
      headers: {
        ...options.headers,
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Content-Length': String(plan.contentLength),
      },
    });

    const finish = (error: AppError | null, value?: StreamedResponse): void => {
      if (settled) return;
      settled = true;
      stopped = true;
      if (idleTimer) clearTimeout(idleTimer);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        req.destroy();
        reject(error);
      } else if (value) {
        // A body cut short leaves the connection unusable: close it rather than reuse it.
        if (!bodyDone) req.destroy();
        resolve(value);
      }
    };
    const touch = (): void => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(() => finish(timeoutError('request', idleMs)), idleMs);
      idleTimer.unref?.();
    };
    const onAbort = (): void => finish(cancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });

    // Kept attached for the request's whole life: a late socket error must never go unhandled.
    req.on('error', (error) => finish(transportError(error, 'Uploading')));
    req.on('response', (res) => {
      stopped = true;
      touch();
      const parts: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        touch();
        if (size < MAX_RESPONSE_BYTES) parts.push(chunk);
        size += chunk.length;
      });
      res.on('end', () =>
        finish(null, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(parts).toString('utf8'),
          ...(bodyDone && digest ? { sha256: digest.digest('hex') } : {}),
        }),
      );
      res.on('error', (error) => finish(transportError(error, 'Reading the answer')));
    });

    // Backpressure per chunk: a chunk's write callback fires once the socket has handed it to the
    // kernel. Up to `inFlight` chunks may be queued, so the next chunk is read and encoded while
    // the previous one is still being sent, and memory stays bounded at a few chunks.
    const pending: Array<Promise<void>> = [];
    // A destroyed request never calls back: `close` releases every waiter.
    const waiters = new Set<() => void>();
    req.once('close', () => {
      for (const release of waiters) release();
      waiters.clear();
    });
    const write = (data: string | Buffer, encoding?: BufferEncoding): Promise<void> =>
      new Promise<void>((done) => {
        const callback = (): void => {
          waiters.delete(callback);
          done();
        };
        waiters.add(callback);
        if (encoding) req.write(data, encoding, callback);
        else req.write(data, callback);
      });

    const pump = async (): Promise<void> => {
      touch();
      pending.push(write(plan.prefix));
      let sent = 0;
      for await (const chunk of base64Chunks(options.filePath, plan.fileSize, options.chunkBytes, digest)) {
        if (stopped) return;
        pending.push(write(chunk.text, 'latin1'));
        while (pending.length > inFlight) {
          await pending.shift();
          if (stopped) return;
          touch();
        }
        sent += chunk.fileBytes;
        options.onProgress?.(sent);
      }
      if (stopped) return;
      req.end(plan.suffix);
      bodyDone = true;
    };
    pump().catch((error: unknown) =>
      finish(error instanceof AppError ? error : new AppError({ kind: 'internal', message: 'Sending the file failed' }, { cause: error })),
    );
  });
}
