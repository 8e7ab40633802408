// The web host's two file routes, both web-host-only because a browser page has no paths: a
// dropped file's bytes coming in (staged for an upload), and a dragged-out item's bytes going out.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type http from 'node:http';
import { isAppError } from '../../shared/app-error';
import { attachmentDisposition } from '../actions/drag-links';
import type { CachedCopy } from '../actions/drag-cache';
import type { Logger } from '../log';
import { securityHeaders, send } from './http-basics';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FileRoutesDeps {
  /** Streams one dropped file into the upload staging folder; returns the token `uploads:add` takes. */
  stage?: ((name: string, body: http.IncomingMessage) => Promise<{ token: string; size: number }>) | undefined;
  /** The bytes behind a drag link (`DownloadURL` drag data), or null for a bad or stale token. */
  openDragLink?: ((token: string) => Promise<CachedCopy | null>) | undefined;
  log: Logger;
}

export function createFileRoutes(deps: FileRoutesDeps) {
  const { log } = deps;
  const stage = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    // Like IPC: a cross-site form cannot send this content type without a preflight we never grant.
    if (!req.headers['content-type']?.startsWith('application/octet-stream')) return send(res, 415, 'Octet-stream only');
    const name = url.searchParams.get('name') ?? '';
    if (!deps.stage || !name || name.length > 1024) return send(res, 400, 'A file name is required');
    try {
      const staged = await deps.stage(name, req);
      send(res, 200, JSON.stringify({ ok: true, data: { staged: staged.token, size: staged.size } }), 'application/json; charset=utf-8');
    } catch (error) {
      const data = isAppError(error) ? error.toData() : { kind: 'internal' as const, message: 'The file could not be received' };
      if (!isAppError(error)) log.error('Staging a dropped file failed', error);
      // The rest of the body is unread: close rather than keep a half-read connection alive.
      res.setHeader('Connection', 'close');
      send(res, 200, JSON.stringify({ ok: false, error: data }), 'application/json; charset=utf-8');
    }
  };

  // The browser fetches a dropped `DownloadURL` itself, possibly without the page's cookie: the
  // link's own short-lived token is what authorises it (Host is still checked).
  const drag = async (req: http.IncomingMessage, res: http.ServerResponse, token: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const copy = UUID_RE.test(token) && deps.openDragLink ? await deps.openDragLink(token).catch((error: unknown) => {
      log.warn('A dragged item could not be fetched', error);
      return 'failed' as const;
    }) : null;
    if (copy === 'failed') return send(res, 502, 'The item could not be fetched from Ouro. Drag it again.');
    if (!copy) return send(res, 404, 'This drag link is unknown or has expired. Drag the item again.');
    const info = await stat(copy.path).catch(() => null);
    if (!info?.isFile()) return send(res, 404, 'The item is no longer available. Drag it again.');
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': copy.mimeType,
      'Content-Length': info.size,
      'Content-Disposition': attachmentDisposition(copy.fileName),
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(copy.path).pipe(res);
  };

  return { stage, drag };
}
