// The web host's Server-Sent Events: every event main pushes, serialised once into one Buffer and
// written to each open page. Writes respect each socket's backpressure up to a bounded backlog: a
// reader that stops reading (a frozen tab, a stalled proxy) is dropped once its backlog passes
// the bound, its browser reconnects, and the page re-reads what it shows (`events:reconnected`,
// raised by the bridge). Nothing here grows with a slow reader.
import type http from 'node:http';
import type { EventHub } from '../event-hub';

/** Unsent bytes one reader may have waiting before it is dropped. */
export const MAX_SSE_BACKLOG_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;
/** EventSource waits this long before reconnecting after a drop. */
const RECONNECT_MS = 1_000;

/** The part of a ServerResponse an event stream writes to (tests pass fakes). */
export interface StreamSink {
  write(chunk: Buffer): boolean;
  readonly writableLength: number;
  destroy(): void;
}

export interface EventStreams {
  /** Starts streaming to `res` until the request closes or the reader falls too far behind. */
  open(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** How many readers are connected. */
  readonly size: number;
  /** Drops every reader (shutdown; test hooks). */
  dropAll(): void;
  close(): void;
}

export function sseFrame(event: string, payload: unknown): Buffer {
  // JSON never contains a raw newline, so one `data:` line carries it whole.
  return Buffer.from(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
}

/**
 * Writes `frame` unless the reader already has more than `maxBacklog` bytes waiting, in which
 * case it is dropped (destroyed) and false is returned. `writableLength` covers what Node holds
 * for the response and its socket; a reader that keeps up keeps it near zero.
 */
export function writeBounded(sink: StreamSink, frame: Buffer, maxBacklog = MAX_SSE_BACKLOG_BYTES): boolean {
  if (sink.writableLength > maxBacklog) {
    sink.destroy();
    return false;
  }
  sink.write(frame);
  return true;
}

export function createEventStreams(events: EventHub, headers: Record<string, string>, maxBacklog = MAX_SSE_BACKLOG_BYTES): EventStreams {
  const readers = new Set<http.ServerResponse>();
  const heartbeat = Buffer.from(': keep-alive\n\n');

  const fanOut = (frame: Buffer): void => {
    for (const res of [...readers]) {
      if (!writeBounded(res, frame, maxBacklog)) readers.delete(res);
    }
  };
  const unsubscribe = events.subscribe((event, payload) => {
    if (readers.size > 0) fanOut(sseFrame(event, payload));
  });
  const timer = setInterval(() => fanOut(heartbeat), HEARTBEAT_MS);
  timer.unref?.();

  return {
    open(req, res) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
      readers.add(res);
      req.on('close', () => readers.delete(res));
    },
    get size() {
      return readers.size;
    },
    dropAll() {
      for (const res of readers) res.destroy();
      readers.clear();
    },
    close() {
      clearInterval(timer);
      unsubscribe();
      for (const res of readers) res.end();
      readers.clear();
    },
  };
}
