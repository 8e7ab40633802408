// The web host's event stream: every event is written to each reader with a bounded backlog. A
// reader that keeps up is never dropped, however much goes through; one that stops reading is
// dropped once its backlog passes the bound, so it cannot grow the host's memory.
import http from 'node:http';
import net from 'node:net';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub, type EventHub } from '../../electron/event-hub';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createLogger } from '../../electron/log';
import { MAX_SSE_BACKLOG_BYTES, sseFrame, writeBounded, type StreamSink } from '../../electron/web-host/event-stream';
import { EVENTS_PATH, startWebHost, TOKEN_HEADER, type WebHost } from '../../electron/web-host/server';
import { testServices } from '../helpers/services';

const TOKEN = 'events-token-0123456789abcdef';
let host: WebHost;
let events: EventHub;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-web-events-'));
  await mkdir(path.join(dir, 'renderer'), { recursive: true });
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  await writeFile(path.join(dir, 'bridge.js'), '');
  const log = createLogger({ write: () => {} });
  events = createEventHub();
  const services = testServices({ dataDir: dir, log, emit: events.emit });
  host = await startWebHost({ rendererDir: path.join(dir, 'renderer'), bridgeScript: path.join(dir, 'bridge.js'), dispatch: createDispatcher(services.handlers, log), events, token: TOKEN, log });
});
afterAll(() => host.close());

describe('writeBounded', () => {
  it('writes while the backlog is under the bound and drops the reader past it', () => {
    const written: Buffer[] = [];
    let destroyed = false;
    const sink: StreamSink = {
      write: (chunk) => (written.push(chunk), false),
      get writableLength() {
        return written.reduce((n, c) => n + c.length, 0);
      },
      destroy: () => void (destroyed = true),
    };
    const frame = Buffer.alloc(256 * 1024);
    let accepted = 0;
    while (writeBounded(sink, frame)) accepted++;
    expect(destroyed).toBe(true);
    expect(accepted * frame.length).toBeGreaterThan(MAX_SSE_BACKLOG_BYTES);
    expect(accepted * frame.length).toBeLessThanOrEqual(MAX_SSE_BACKLOG_BYTES + frame.length);
  });

  it('frames one event per data line', () => {
    expect(sseFrame('uploads:changed', { a: 'x\ny' }).toString()).toBe('event: uploads:changed\ndata: {"a":"x\\ny"}\n\n');
  });
});

describe('GET /__ouro/events', () => {
  const headers = () => ({ [TOKEN_HEADER]: TOKEN, Host: `127.0.0.1:${host.port}` });

  /** A reader that parses frames and counts `requests:retrying` events. */
  function reader(): Promise<{ count(): number; closed(): boolean; res: http.IncomingMessage }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: host.port, path: EVENTS_PATH, headers: headers() }, (res) => {
          let count = 0;
          let closed = false;
          let pending = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            pending += chunk;
            const frames = pending.split('\n\n');
            pending = frames.pop() ?? '';
            count += frames.filter((f) => f.startsWith('event: requests:retrying')).length;
          });
          res.on('close', () => (closed = true));
          resolve({ count: () => count, closed: () => closed, res });
        })
        .on('error', reject);
    });
  }

  /** A client that connects and reads nothing (until `resume`, to see what it was sent). */
  function stalledReader(): Promise<{ closed(): boolean; received(): number; socket: net.Socket }> {
    return new Promise((resolve) => {
      let closed = false;
      let received = 0;
      const socket = net.connect(host.port, '127.0.0.1', () => {
        socket.write(`GET ${EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${TOKEN_HEADER}: ${TOKEN}\r\n\r\n`);
        socket.pause();
        resolve({ closed: () => closed, received: () => received, socket });
      });
      socket.on('data', (chunk: Buffer) => (received += chunk.length));
      socket.on('close', () => (closed = true));
      socket.on('error', () => {});
    });
  }

  it('drops a reader that stops reading, and never one that keeps up', async () => {
    const keeping = await reader();
    const stalled = await stalledReader();
    // 64 KiB events, each sent once the live reader has the previous one: 32 MiB in all, far
    // beyond any socket buffer, so the stalled reader's backlog must pass the bound.
    const payload = { kind: 'server' as const, retryInSeconds: 1, pad: 'x'.repeat(64 * 1024) };
    const total = 512;
    for (let i = 0; i < total; i++) {
      events.emit('requests:retrying', payload as never);
      await expect.poll(() => keeping.count(), { interval: 1, timeout: 5_000 }).toBe(i + 1);
    }
    // Now read what the stalled client was sent: the host cut it off (the stream ends) long
    // before the 32 MiB the live reader got.
    stalled.socket.resume();
    await expect.poll(() => stalled.closed(), { timeout: 5_000 }).toBe(true);
    expect(stalled.received()).toBeLessThan((total * payload.pad.length) / 2);
    expect(keeping.closed()).toBe(false);
    // The live reader carries on afterwards.
    events.emit('requests:retrying', { kind: 'server', retryInSeconds: 1 });
    const before = keeping.count();
    await expect.poll(() => keeping.count()).toBe(before + 1);
    keeping.res.destroy();
    stalled.socket.destroy();
  });
});
