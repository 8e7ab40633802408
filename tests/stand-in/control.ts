// The /__stand-in/* control endpoints: the FaultController, log, config, key revocation,
// uploads and seed summary over HTTP, for `npm run stand-in` users and cross-process tests.
// These requests are never logged, faulted or authenticated.
import { BodyReader, isRecord, sendJson } from './context';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultSpecSchema } from './faults';
import type { FaultController, FaultSpec, NotifySpec, RequestLogEntry, SeedSummary, StoredUpload } from './types';

export interface ControlDeps {
  faults: FaultController;
  log: RequestLogEntry[];
  clearLog(): void;
  revokeKey(key: string): void;
  uploads(): StoredUpload[];
  seed(): SeedSummary & { apiKey: string; otherApiKey: string; url: string };
  notify(spec: NotifySpec): { id: string };
}

function bad(res: ServerResponse, message: string): void {
  sendJson(res, 400, { data: null, error: { message, status: 400 } });
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, deps: ControlDeps): Promise<void> {
  const method = req.method ?? 'GET';
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const readBody = async (): Promise<unknown> => {
    try {
      return await new BodyReader(req, null).json();
    } catch {
      return undefined;
    }
  };
  switch (route) {
    case 'POST /__stand-in/faults': {
      const parsed = faultSpecSchema.safeParse(await readBody());
      if (!parsed.success) return bad(res, `Invalid fault spec: ${parsed.error.message}`);
      deps.faults.add(parsed.data as FaultSpec);
      return sendJson(res, 200, { data: { pending: deps.faults.pending() }, error: null });
    }
    case 'DELETE /__stand-in/faults':
      deps.faults.clear();
      return sendJson(res, 200, { data: { pending: 0 }, error: null });
    case 'GET /__stand-in/faults':
      return sendJson(res, 200, { data: { pending: deps.faults.pending() }, error: null });
    case 'GET /__stand-in/log':
      return sendJson(res, 200, { data: deps.log, error: null });
    case 'DELETE /__stand-in/log':
      deps.clearLog();
      return sendJson(res, 200, { data: null, error: null });
    case 'POST /__stand-in/config': {
      const body = await readBody();
      if (!isRecord(body)) return bad(res, 'Expected {bodyLimitBytes?, tokenTtlSeconds?}');
      const { bodyLimitBytes, tokenTtlSeconds } = body;
      if (bodyLimitBytes !== undefined && bodyLimitBytes !== null && (typeof bodyLimitBytes !== 'number' || bodyLimitBytes < 0)) {
        return bad(res, 'bodyLimitBytes must be a non-negative number or null');
      }
      if (tokenTtlSeconds !== undefined && typeof tokenTtlSeconds !== 'number') return bad(res, 'tokenTtlSeconds must be a number');
      if (bodyLimitBytes !== undefined) deps.faults.setBodyLimit(bodyLimitBytes);
      if (typeof tokenTtlSeconds === 'number') deps.faults.setTokenTtl(tokenTtlSeconds);
      return sendJson(res, 200, { data: { bodyLimitBytes, tokenTtlSeconds }, error: null });
    }
    case 'POST /__stand-in/revoke': {
      const body = await readBody();
      if (!isRecord(body) || typeof body.key !== 'string') return bad(res, 'Expected {key}');
      deps.revokeKey(body.key);
      return sendJson(res, 200, { data: { revoked: true }, error: null });
    }
    case 'GET /__stand-in/uploads':
      return sendJson(res, 200, { data: deps.uploads(), error: null });
    case 'GET /__stand-in/process': {
      // Lets cross-process tests check the server's memory (e.g. that uploads are streamed).
      const mem = process.memoryUsage();
      const data = { pid: process.pid, rss: mem.rss, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: mem.heapUsed, external: mem.external };
      return sendJson(res, 200, { data, error: null });
    }
    case 'POST /__stand-in/notifications': {
      // Creates a notification, as Ouro does when someone mentions, comments, messages or shares.
      const body = await readBody();
      if (!isRecord(body) || typeof body.type !== 'string' || !body.type.trim()) return bad(res, 'Expected {type, to?, from?, assetId?, text?}');
      for (const field of ['to', 'from', 'assetId', 'text'] as const) {
        if (body[field] !== undefined && typeof body[field] !== 'string') return bad(res, `${field} must be a string`);
      }
      try {
        return sendJson(res, 200, { data: deps.notify(body as unknown as NotifySpec), error: null });
      } catch (error) {
        return bad(res, error instanceof Error ? error.message : String(error));
      }
    }
    case 'GET /__stand-in/seed':
      return sendJson(res, 200, { data: deps.seed(), error: null });
    default:
      return sendJson(res, 404, { data: null, error: { message: `Unknown control route ${route}`, status: 404 } });
  }
}
