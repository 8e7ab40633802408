// A scripted fake Ouro for unit tests: a `fetch` that answers per route, records every call,
// and serves the key exchange itself; plus a fake clock whose sleeps return at once.
import { createOuroClient, type OuroClient } from '../../../electron/ouro/client';
import type { Clock, OuroClientOptions } from '../../../electron/ouro/types';
export { failure } from '../../helpers/failure';

export const API_KEY = 'f00dfeedcafebabe0123456789abcdef0123456789abcdef';
export const BASE = 'http://ouro.test';

export function makeJwt(payload: Record<string, unknown>): string {
  const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(payload)}.c2lnbmF0dXJl`;
}

export interface RecordedCall {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

export type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export class FakeClock implements Clock {
  sleeps: number[] = [];
  constructor(public t = Date.parse('2026-11-27T12:00:00Z')) {}
  now = (): number => this.t;
  sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.t += ms;
  };
}

export interface FakeOuroOptions {
  tokenTtlSeconds?: number | null;
  keyName?: string | null;
  validKeys?: string[];
}

/** Routes are `METHOD /path`; a queued response is used once before the route's handler. */
export class FakeOuro {
  calls: RecordedCall[] = [];
  exchanges = 0;
  tokens: string[] = [];
  private routes = new Map<string, Handler>();
  private queues = new Map<string, Handler[]>();
  tokenTtlSeconds: number | null;
  keyName: string | null;
  validKeys: string[];

  constructor(private clock: FakeClock, options: FakeOuroOptions = {}) {
    this.tokenTtlSeconds = options.tokenTtlSeconds === undefined ? 3600 : options.tokenTtlSeconds;
    this.keyName = options.keyName === undefined ? 'laptop-key' : options.keyName;
    this.validKeys = options.validKeys ?? [API_KEY];
    this.on('POST /users/get-token', (call) => {
      this.exchanges++;
      const pat = (call.body as { pat?: string } | undefined)?.pat;
      if (!pat || !this.validKeys.includes(pat)) return json({ error: 'Invalid API key' }, 401);
      const claims: Record<string, unknown> = { sub: 'user-1', n: this.exchanges };
      if (this.tokenTtlSeconds !== null) claims['exp'] = Math.floor(this.clock.now() / 1000) + this.tokenTtlSeconds;
      const token = makeJwt(claims);
      this.tokens.push(token);
      const body: Record<string, unknown> = { access_token: token, refresh_token: 'r', error: null };
      if (this.keyName !== null) body['api_key_name'] = this.keyName;
      return json(body);
    });
  }

  on(route: string, handler: Handler): this {
    this.routes.set(route, handler);
    return this;
  }

  /** Responses used once each, in order, before falling back to the route handler. */
  queue(route: string, ...handlers: Handler[]): this {
    this.queues.set(route, [...(this.queues.get(route) ?? []), ...handlers]);
    return this;
  }

  /** Calls other than the key exchange. */
  get apiCalls(): RecordedCall[] {
    return this.calls.filter((c) => c.path !== '/users/get-token');
  }

  get currentToken(): string | undefined {
    return this.tokens.at(-1);
  }

  fetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const rawBody = init?.body;
    const call: RecordedCall = {
      method,
      path: url.pathname,
      url,
      headers: new Headers(init?.headers),
      body: typeof rawBody === 'string' ? (JSON.parse(rawBody) as unknown) : undefined,
      signal: init?.signal ?? undefined,
    };
    this.calls.push(call);
    if (call.signal?.aborted) throw call.signal.reason;
    const key = `${method} ${url.pathname}`;
    const queued = this.queues.get(key)?.shift();
    const handler = queued ?? this.routes.get(key);
    if (!handler) return json({ data: null, error: { message: `no route ${key}`, status: 404 } }, 404);
    return handler(call);
  };
}

export interface Setup {
  clock: FakeClock;
  server: FakeOuro;
  client: OuroClient;
  unauthorized: { count: number };
  logs: string[];
}

export function setup(options: Partial<OuroClientOptions> & { server?: FakeOuroOptions } = {}): Setup {
  const { server: serverOptions, ...clientOptions } = options;
  const clock = new FakeClock();
  const server = new FakeOuro(clock, serverOptions);
  const unauthorized = { count: 0 };
  const logs: string[] = [];
  const push = (level: string) => (m: string) => logs.push(`${level}: ${m}`);
  const client = createOuroClient({
    baseUrl: BASE,
    fetch: server.fetch,
    getApiKey: () => API_KEY,
    appVersion: '1.2.3',
    clock,
    random: () => 0.5,
    onUnauthorized: () => unauthorized.count++,
    log: { debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') },
    ...clientOptions,
  });
  return { clock, server, client, unauthorized, logs };
}

export const user = { id: 'user-1', email: 'a@example.com', aud: 'authenticated' };
export const profile = { user_id: 'user-1', username: 'alice', bio: null, actor_type: 'base' };
