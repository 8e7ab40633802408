// Applies one matched FaultSpec to a live request: latency, extra headers, socket resets
// (immediately or mid-body), HTTP-200 envelope errors and error statuses with realistic bodies.
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestContext } from './context';
import { sendJson } from './context';
import { defaultErrorBody } from './errors';
import type { FaultSpec } from './types';

/** Returns true when the fault fully answered (or killed) the request. */
export async function applyFault(ctx: RequestContext, fault: FaultSpec): Promise<boolean> {
  const { res } = ctx;
  if (fault.latencyMs) await sleep(fault.latencyMs);
  for (const [name, value] of Object.entries(fault.headers ?? {})) res.setHeader(name, value);
  if (fault.retryAfter !== undefined) res.setHeader('Retry-After', fault.retryAfter);
  if (fault.reset === 'immediately') {
    ctx.req.socket.destroy();
    return true;
  }
  if (fault.reset === 'mid-body') armMidBodyReset(res);
  if (fault.envelopeError) {
    sendJson(res, 200, { data: null, error: { ...fault.envelopeError } });
    return true;
  }
  if (fault.status !== undefined) {
    sendFaultBody(res, fault.status, fault.body === undefined ? defaultErrorBody(fault.status, ctx.path) : fault.body);
    return true;
  }
  return false;
}

function sendFaultBody(res: ServerResponse, status: number, body: unknown): void {
  if (typeof body !== 'string') {
    sendJson(res, status, body);
    return;
  }
  // Strings go out verbatim, e.g. a reverse proxy's HTML 413 page.
  const payload = Buffer.from(body, 'utf8');
  if (!res.hasHeader('Content-Type')) {
    res.setHeader('Content-Type', body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
  }
  res.writeHead(status, { 'Content-Length': String(payload.length) });
  res.end(payload);
}

/**
 * Lets the handler answer normally, but the first body write only sends half of its bytes
 * (after the headers) and then destroys the socket, so the client sees a truncated response.
 */
function armMidBodyReset(res: ServerResponse): void {
  const write = res.write.bind(res) as (chunk: Buffer, cb: () => void) => boolean;
  let cut = false;
  const cutWith = (chunk: unknown): void => {
    if (cut) return;
    cut = true;
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.alloc(0);
    const part = buf.subarray(0, Math.floor(buf.length / 2));
    if (part.length) write(part, () => res.destroy());
    else {
      res.flushHeaders();
      setImmediate(() => res.destroy());
    }
  };
  const fakeWrite = (chunk: unknown): boolean => {
    cutWith(chunk);
    return false;
  };
  const fakeEnd = (chunk?: unknown): ServerResponse => {
    cutWith(typeof chunk === 'function' ? undefined : chunk);
    return res;
  };
  res.write = fakeWrite as unknown as typeof res.write;
  res.end = fakeEnd as unknown as typeof res.end;
}
