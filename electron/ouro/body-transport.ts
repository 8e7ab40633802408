// How a streamed body reaches Ouro: over node:http(s) through the agent the host chooses for the
// URL (Electron's system proxy and certificate store, or the environment's in the web host),
// with an exact Content-Length and real backpressure (each chunk waits for the socket). fetch
// with a ReadableStream body does not apply backpressure (DESIGN.md §8: 740 MiB resident for a
// 512 MiB file), so these bodies do not go through `fetch`. Retries, auth and errors belong to
// the request core (http.ts); this is one attempt.
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { AppError } from '../../shared/app-error';
import type { BodyWriter } from './body-writer';
import { cancelledError, timeoutError, transportError } from './errors';

/** The agent for one URL: a proxy tunnel, an agent trusting the system's CAs, or undefined (Node's default). */
export type AgentFor = (url: URL) => Promise<http.Agent | undefined> | http.Agent | undefined;

export interface BodyRequest {
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  body: BodyWriter;
  signal?: AbortSignal;
  /** Source bytes handed to the socket so far. */
  onProgress?(sourceBytesSent: number): void;
  /** Chunks queued on the socket before waiting for the oldest to be sent (default 3). */
  inFlightChunks?: number;
  /** Longest silence (no write completing, no response byte) before giving up (default 60 s). */
  idleTimeoutMs?: number;
}

export interface BodyResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export type SendBody = (request: BodyRequest) => Promise<BodyResponse>;

/** Error answers are small JSON; anything longer is cut (it is only parsed for a message). */
const MAX_RESPONSE_BYTES = 1 << 20;

export function createBodyTransport(agentFor: AgentFor = () => undefined): SendBody {
  return async (request) => {
    if (request.signal?.aborted) throw cancelledError();
    const url = new URL(request.url);
    let agent: http.Agent | undefined;
    try {
      agent = await agentFor(url);
    } catch (error) {
      throw transportError(error, 'Finding the proxy');
    }
    return sendOnce(request, url, agent);
  };
}

function sendOnce(options: BodyRequest, url: URL, agent: http.Agent | undefined): Promise<BodyResponse> {
  const { body, signal } = options;
  const transport = url.protocol === 'https:' ? https : http;
  const idleMs = options.idleTimeoutMs ?? 60_000;
  const inFlight = Math.max(1, options.inFlightChunks ?? 3);

  return new Promise<BodyResponse>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    let settled = false;
    let bodyDone = false;
    // Once the server has answered (e.g. 429 or 413 before reading the body), stop sending.
    let stopped = false;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;

    const req = transport.request(url, {
      method: options.method,
      ...(agent ? { agent } : {}),
      headers: { ...options.headers, 'Content-Type': body.contentType, 'Content-Length': String(body.contentLength) },
    });

    const finish = (error: AppError | null, value?: BodyResponse): void => {
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
      res.on('end', () => finish(null, { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }));
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
    const write = (data: string | Buffer, encoding: BufferEncoding): Promise<void> =>
      new Promise<void>((done) => {
        const callback = (): void => {
          waiters.delete(callback);
          done();
        };
        waiters.add(callback);
        req.write(data, encoding, callback);
      });

    const pump = async (): Promise<void> => {
      touch();
      let sent = 0;
      for await (const chunk of body.chunks()) {
        if (stopped) return;
        pending.push(write(chunk.data, chunk.encoding ?? 'utf8'));
        while (pending.length > inFlight) {
          await pending.shift();
          if (stopped) return;
          touch();
        }
        if (chunk.sourceBytes) {
          sent += chunk.sourceBytes;
          options.onProgress?.(sent);
        }
      }
      if (stopped) return;
      req.end();
      bodyDone = true;
    };
    pump().catch((error: unknown) =>
      finish(error instanceof AppError ? error : new AppError({ kind: 'internal', message: 'Sending the body failed' }, { cause: error })),
    );
  });
}
