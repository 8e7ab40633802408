// The HTTP pipeline: request id, request log, fault injection, body limit, auth, routing and
// error mapping. Everything route-specific lives in handlers/; control routes in control.ts.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseAuthorization } from './auth';
import { BodyReader, sendJson, type RequestContext, type StandInServices } from './context';
import { handleControl, type ControlDeps } from './control';
import { HttpError, payloadTooLarge, unauthorized } from './errors';
import { applyFault } from './fault-response';
import type { Faults } from './faults';
import { serveStorage } from './handlers/assets';
import type { Router } from './router';
import type { RequestLogEntry } from './types';

export interface ServerDeps {
  services: StandInServices;
  faults: Faults;
  router: Router;
  log: RequestLogEntry[];
  control: ControlDeps;
  baseUrl(): string;
  quiet: boolean;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function createStandInServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    handle(deps, req, res).catch((err: unknown) => {
      if (!deps.quiet) console.error('[stand-in] unhandled error', err);
      if (!res.headersSent) sendJson(res, 500, { data: null, error: { message: 'Internal server error', status: 500 } });
      else res.destroy();
    });
  });
  // Large uploads over slow links must not be cut off by Node's default request timeout.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5_000;
  return server;
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  res.setHeader('x-request-id', randomUUID());
  // Permissive CORS so a browser-hosted renderer can talk to the stand-in directly.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'x-request-id, Retry-After, Content-Disposition, Content-Length');
  if (method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Ouro-Client, X-Ouro-Key-Name',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return;
  }

  if (path.startsWith('/__stand-in/')) {
    await handleControl(req, res, path, deps.control);
    return;
  }

  const { services, faults, router } = deps;
  const auth = parseAuthorization(header(req, 'authorization'));
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const keyName = header(req, 'x-ouro-key-name');
  const userAgent = header(req, 'user-agent');
  const ouroClient = header(req, 'x-ouro-client');
  const entry: RequestLogEntry = {
    method,
    path,
    query,
    status: 0,
    authorized: false,
    headers: {
      ...(userAgent !== undefined ? { userAgent } : {}),
      ...(ouroClient !== undefined ? { ouroClient } : {}),
      ...(keyName !== undefined ? { keyName } : {}),
      authorizationScheme: auth.scheme,
    },
    bodyBytes: 0,
    durationMs: 0,
    at: Date.now(),
  };
  deps.log.push(entry);
  const body = new BodyReader(req, services.config.bodyLimitBytes);
  let finalised = false;
  const finalise = (): void => {
    if (finalised) return;
    finalised = true;
    entry.status = res.headersSent ? res.statusCode : 0;
    entry.bodyBytes = body.bytesRead;
    entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
  };
  res.once('finish', finalise);
  res.once('close', finalise);

  const ctx: RequestContext = {
    req,
    res,
    method,
    path,
    query: url.searchParams,
    params: {},
    userId: '',
    baseUrl: deps.baseUrl(),
    body,
    entry,
    services,
  };

  try {
    const fault = faults.take(method, path);
    ctx.fault = fault ?? undefined;
    if (fault && (await applyFault(ctx, fault))) return;

    const limit = services.config.bodyLimitBytes;
    const declared = Number(header(req, 'content-length'));
    if (limit !== null && Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit, declared);

    if (path.startsWith('/__storage/')) {
      await serveStorage(ctx);
      return;
    }
    const match = router.match(method, path);
    if (match.kind === 'not-found') throw new HttpError(404, { detail: 'Not Found' });
    if (match.kind === 'method-not-allowed') throw new HttpError(405, { detail: 'Method Not Allowed' });
    ctx.params = match.params;
    if (match.route.auth !== false) {
      const userId = auth.token ? services.auth.verify(auth.token) : null;
      if (!userId) throw unauthorized(auth.token ? 'Invalid or expired token' : 'Missing Authorization header');
      ctx.userId = userId;
      entry.authorized = true;
      entry.userId = userId;
    }
    await match.route.handler(ctx);
    if (!res.headersSent && !res.destroyed) {
      sendJson(res, 500, { data: null, error: { message: `No response from ${method} ${path}`, status: 500 } });
    }
  } catch (err) {
    if (res.headersSent || res.destroyed) return;
    if (err instanceof HttpError) {
      sendJson(res, err.status, err.body, err.headers);
      return;
    }
    if (!deps.quiet) console.error(`[stand-in] ${method} ${path} failed`, err);
    sendJson(res, 500, { data: null, error: { message: err instanceof Error ? err.message : 'Internal server error', status: 500 } });
  } finally {
    // Early answers (413, 401, 400 mid-upload) leave body bytes unread; drain them so the client
    // can finish sending and read the response, and the connection stays usable.
    if (!req.complete && !req.destroyed) req.resume();
  }
}
