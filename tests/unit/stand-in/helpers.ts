// Test helpers for the stand-in suites: one stand-in per file, token exchange and small JSON
// fetch wrappers.
import { afterAll, beforeAll } from 'vitest';
import { startStandIn, type StandIn } from '../../stand-in/index';

export interface Api {
  token: string;
  get(path: string): Promise<Response>;
  json<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
  post(path: string, body: unknown): Promise<Response>;
}

export async function exchange(standIn: StandIn, key: string): Promise<string> {
  const res = await fetch(`${standIn.url}/users/get-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ pat: key }),
  });
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

export async function apiFor(standIn: StandIn, key = standIn.apiKey): Promise<Api> {
  const token = await exchange(standIn, key);
  const headers = { Authorization: token, 'User-Agent': 'ouro-desktop/test', 'X-Ouro-Client': 'ouro-desktop/test' };
  const api: Api = {
    token,
    get: (path) => fetch(`${standIn.url}${path}`, { headers }),
    post: (path, body) =>
      fetch(`${standIn.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    async json<T>(path: string, init: RequestInit = {}) {
      const res = await fetch(`${standIn.url}${path}`, {
        ...init,
        headers: { ...headers, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers as Record<string, string> | undefined) },
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
    },
  };
  return api;
}

export function qs(params: Record<string, string | number | object>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) search.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  return search.toString();
}

export interface Envelope<T> {
  data: T;
  error: unknown;
  pagination?: { offset?: number; limit?: number; hasMore: boolean; total?: number; nextCursor?: { before: string } | null };
}

export interface AssetRowLike {
  id: string;
  name: string | null;
  asset_type: string;
  visibility: string;
  user_id: string;
  team_id: string;
  org_id: string;
  metadata: Record<string, unknown> | null;
  preview: unknown;
  snippet?: string;
  match_source?: string;
}

export interface StandInWorld {
  s: StandIn;
  /** Alice's API (the stand-in's apiKey) and Bob's (its otherApiKey). */
  alice: Api;
  bob: Api;
}

/** Starts a stand-in before the file's tests and closes it after them; `set` receives it. */
export function useStandIn(set: (world: StandInWorld) => void): void {
  let standIn: StandIn | undefined;
  beforeAll(async () => {
    standIn = await startStandIn({ quiet: true });
    set({ s: standIn, alice: await apiFor(standIn), bob: await apiFor(standIn, standIn.otherApiKey) });
  });
  afterAll(async () => {
    await standIn?.close();
  });
}
