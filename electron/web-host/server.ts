// The loopback web host: serves the built renderer to a browser and carries its `window.ouro`
// calls to the same dispatcher Electron's main process uses. It holds a real API key, so it
// listens on 127.0.0.1 only, demands this run's random token, and checks Host and Origin
// (a DNS-rebinding page must not be able to reach it).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DRAG_PATH_PREFIX } from '../actions/drag-links';
import type { Dispatch } from '../ipc/dispatch';
import type { EventHub } from '../event-hub';
import type { Logger } from '../log';
import { mimeTypeFor, resolveRendererFile } from '../security/app-protocol';
import { createEventStreams } from './event-stream';
import { createFileRoutes, type FileRoutesDeps } from './file-routes';
import { readBody, readCookie, safeEqual, securityHeaders, send } from './http-basics';

export const IPC_PREFIX = '/__ouro/ipc/';
export const EVENTS_PATH = '/__ouro/events';
export const BRIDGE_PATH = '/__ouro/bridge.js';
export const TOKEN_HEADER = 'x-ouro-web-token';
/** Web-host-only: a dropped file's bytes, since a browser page cannot give main a path. */
export const STAGE_PATH = '/__ouro/stage';
/**
 * Web-host-only, for tests and tools: an `ouro://` link (or a command line holding one) handed to
 * the app as a second launch would hand it. Needs the token in the header, never the cookie, so
 * the page itself cannot post to it.
 */
export const OPEN_LINK_PATH = '/__ouro/open-link';
/**
 * Test runs only (OURO_TEST_HOOKS=1, see app/test-hooks.ts): `drop-and-hold` drops every event stream and holds
 * reconnections unanswered until `release`; `status` says how many readers are connected.
 */
export const TEST_EVENTS_PATH = '/__ouro/test/event-streams';
const MAX_IPC_BODY_BYTES = 1024 * 1024;

export interface WebHostOptions {
  rendererDir: string;
  /** The built browser bridge (dist/web-bridge.js). */
  bridgeScript: string;
  dispatch: Dispatch;
  events: EventHub;
  token: string;
  stage?: FileRoutesDeps['stage'];
  openDragLink?: FileRoutesDeps['openDragLink'];
  /** Where OPEN_LINK_PATH hands a link, or a second launch's argv (services.links). */
  openLink?: (link: { url: string } | { argv: string[] }) => Promise<void>;
  port?: number;
  log: Logger;
  /** Registers TEST_EVENTS_PATH (e2e tests of reconnecting); never on in normal runs. */
  testHooks?: boolean;
}

export interface WebHost {
  /** The URL to open, token included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { token, log } = options;
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((host) => `http://${host}`);
  const cookieName = () => `ouro_web_${port}`;
  const sockets = new Set<Socket>();
  const streams = createEventStreams(options.events, securityHeaders);
  // Test hook state: while set, new event-stream requests wait here unanswered.
  let heldStreams: Array<() => void> | null = null;

  const isAuthorised = (req: http.IncomingMessage): boolean => {
    const presented = readCookie(req.headers.cookie, cookieName()) ?? req.headers[TOKEN_HEADER];
    return typeof presented === 'string' && safeEqual(presented, token);
  };

  const serveIndex = async (res: http.ServerResponse) => {
    const html = await readFile(resolveRendererFile(options.rendererDir, '/index.html') ?? '', 'utf8');
    // The bridge must define window.ouro before the app's module script runs.
    const withBridge = html.replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`);
    send(res, 200, withBridge, 'text/html; charset=utf-8');
  };

  const serveFile = async (res: http.ServerResponse, file: string) => {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, 'Not found');
    res.writeHead(200, { ...securityHeaders, 'Content-Type': mimeTypeFor(file), 'Content-Length': info.size });
    createReadStream(file).pipe(res);
  };

  const handleIpc = async (req: http.IncomingMessage, res: http.ServerResponse, channel: string) => {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    // A cross-site form cannot send application/json without a CORS preflight, which we never grant.
    if (!req.headers['content-type']?.startsWith('application/json')) return send(res, 415, 'JSON only');
    const text = await readBody(req, MAX_IPC_BODY_BYTES);
    if (text === null) return send(res, 413, 'Too large');
    let input: unknown;
    try {
      input = text ? (JSON.parse(text) as { input?: unknown }).input : undefined;
    } catch {
      return send(res, 400, 'Invalid JSON');
    }
    let name: string;
    try {
      name = decodeURIComponent(channel);
    } catch {
      // Malformed percent-encoding (`/__ouro/ipc/%`) is the caller's mistake, not ours to log.
      return send(res, 400, 'Bad channel name');
    }
    const result = await options.dispatch(name, input, { host: 'web' });
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  };

  const fileRoutes = createFileRoutes({ stage: options.stage, openDragLink: options.openDragLink, log });

  const handleOpenLink = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    const header = req.headers[TOKEN_HEADER];
    if (typeof header !== 'string' || !safeEqual(header, token)) return send(res, 403, 'The link entry point needs the token in the header');
    if (!req.headers['content-type']?.startsWith('application/json')) return send(res, 415, 'JSON only');
    if (!options.openLink) return send(res, 404, 'Not found');
    const text = await readBody(req, 16 * 1024);
    if (text === null) return send(res, 413, 'Too large');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return send(res, 400, 'Invalid JSON');
    }
    const { url, argv } = (body ?? {}) as { url?: unknown; argv?: unknown };
    if (typeof url === 'string') await options.openLink({ url });
    else if (Array.isArray(argv) && argv.length <= 50 && argv.every((a) => typeof a === 'string')) await options.openLink({ argv: argv as string[] });
    else return send(res, 400, 'Expected {"url": "ouro://…"} or {"argv": ["…"]}');
    send(res, 200, JSON.stringify({ ok: true }), 'application/json; charset=utf-8');
  };

  const handleEvents = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (heldStreams) heldStreams.push(() => streams.open(req, res));
    else streams.open(req, res);
  };

  const handleTestEvents = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    const action = ((await readBody(req, 1024)) ?? '').trim();
    if (action === 'drop-and-hold') {
      heldStreams ??= [];
      streams.dropAll();
    } else if (action === 'release') {
      const waiting = heldStreams ?? [];
      heldStreams = null;
      for (const open of waiting) open();
    } else if (action !== 'status') return send(res, 400, 'drop-and-hold, release or status');
    send(res, 200, JSON.stringify({ readers: streams.size }), 'application/json; charset=utf-8');
  };

  const server = http.createServer((req, res) => {
    const handle = async () => {
      if (!req.headers.host || !allowedHosts().includes(req.headers.host)) return send(res, 403, 'Unexpected Host');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().includes(origin)) return send(res, 403, 'Unexpected Origin');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

      // First visit: the token arrives in the URL once, is moved into an HttpOnly cookie, and
      // the URL is cleaned so the token does not linger in history or screenshots.
      const urlToken = url.searchParams.get('token');
      if (urlToken !== null && req.method === 'GET') {
        if (!safeEqual(urlToken, token)) return send(res, 401, 'Wrong token. Open the URL the web host printed.');
        url.searchParams.delete('token');
        res.writeHead(303, {
          ...securityHeaders,
          'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: url.pathname + url.search,
        });
        return res.end();
      }
      if (url.pathname.startsWith(DRAG_PATH_PREFIX)) return fileRoutes.drag(req, res, url.pathname.slice(DRAG_PATH_PREFIX.length));
      if (!isAuthorised(req)) return send(res, 401, 'Missing token. Open the URL the web host printed (it carries this run\'s token).');

      if (url.pathname.startsWith(IPC_PREFIX)) {
        if (origin === undefined) return send(res, 403, 'Origin required');
        return handleIpc(req, res, url.pathname.slice(IPC_PREFIX.length));
      }
      if (url.pathname === OPEN_LINK_PATH) return handleOpenLink(req, res);
      if (url.pathname === STAGE_PATH) {
        if (origin === undefined) return send(res, 403, 'Origin required');
        return fileRoutes.stage(req, res, url);
      }
      if (options.testHooks && url.pathname === TEST_EVENTS_PATH) return handleTestEvents(req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      if (url.pathname === EVENTS_PATH) return handleEvents(req, res);
      if (url.pathname === BRIDGE_PATH) return serveFile(res, options.bridgeScript);
      if (url.pathname === '/' || url.pathname === '/index.html') return serveIndex(res);
      const file = resolveRendererFile(options.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'Not found');
      return serveFile(res, file);
    };
    handle().catch((error: unknown) => {
      log.error('Web host request failed', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        streams.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
