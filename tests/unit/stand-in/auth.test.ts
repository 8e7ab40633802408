import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../stand-in/index';
import { apiFor, exchange } from './helpers';

let s: StandIn;
beforeAll(async () => {
  s = await startStandIn({ quiet: true });
});
afterAll(async () => {
  await s.close();
});

function decode(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  expect(parts).toHaveLength(3);
  return JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('token exchange', () => {
  it('returns top-level tokens with a decodable JWT', async () => {
    const res = await fetch(`${s.url}/users/get-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pat: s.apiKey }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('data');
    expect(body.api_key_name).toBe('laptop-key');
    expect(typeof body.refresh_token).toBe('string');
    const payload = decode(String(body.access_token));
    expect(payload.sub).toBe(s.seed.users.alice.id);
    expect(Number(payload.exp) - Number(payload.iat)).toBeGreaterThanOrEqual(3599);
  });

  it('rejects unknown keys with 401 {error} and a missing pat with 400', async () => {
    const bad = await fetch(`${s.url}/users/get-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pat: 'nope' }) });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'Invalid API key' });
    const missing = await fetch(`${s.url}/users/get-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { detail: unknown[] }).detail[0]).toMatchObject({ loc: ['body', 'pat'] });
  });
});

describe('authorization header', () => {
  it('accepts bare and Bearer tokens, rejects missing and forged ones', async () => {
    const token = await exchange(s, s.apiKey);
    s.clearLog();
    const bare = await fetch(`${s.url}/user`, { headers: { Authorization: token } });
    expect(bare.status).toBe(200);
    expect(((await bare.json()) as { data: { id: string; email: string } }).data).toMatchObject({ id: s.seed.users.alice.id, email: 'alice@example.com' });
    const bearer = await fetch(`${s.url}/user/profile`, { headers: { Authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(200);
    expect(((await bearer.json()) as { data: { username: string } }).data.username).toBe('alice');
    const none = await fetch(`${s.url}/user`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ data: null, error: { status: 401 } });
    const forged = await fetch(`${s.url}/user`, { headers: { Authorization: `${token.slice(0, -4)}AAAA` } });
    expect(forged.status).toBe(401);
    expect(s.log.map((e) => [e.headers.authorizationScheme, e.authorized, e.status])).toEqual([
      ['bare', true, 200],
      ['bearer', true, 200],
      ['none', false, 401],
      ['bare', false, 401],
    ]);
    expect(JSON.stringify(s.log)).not.toContain(token);
    expect(JSON.stringify(s.log)).not.toContain(s.apiKey);
  });

  it('logs user agent, client and key-name headers', async () => {
    const api = await apiFor(s);
    s.clearLog();
    await fetch(`${s.url}/user`, { headers: { Authorization: api.token, 'User-Agent': 'ouro-desktop/1.0', 'X-Ouro-Client': 'ouro-desktop/1.0', 'X-Ouro-Key-Name': 'laptop-key' } });
    expect(s.log[0]?.headers).toEqual({ userAgent: 'ouro-desktop/1.0', ouroClient: 'ouro-desktop/1.0', keyName: 'laptop-key', authorizationScheme: 'bare' });
    expect(s.log[0]?.userId).toBe(s.seed.users.alice.id);
  });

  it('expires tokens after tokenTtlSeconds', async () => {
    let now = Date.now();
    const short = await startStandIn({ quiet: true, tokenTtlSeconds: 1, now: () => now });
    try {
      const token = await exchange(short, short.apiKey);
      const payload = decode(token);
      expect(Number(payload.exp) - Number(payload.iat)).toBeLessThanOrEqual(2);
      expect((await fetch(`${short.url}/user`, { headers: { Authorization: token } })).status).toBe(200);
      now += 999;
      expect((await fetch(`${short.url}/user`, { headers: { Authorization: token } })).status).toBe(200);
      now += 1;
      expect((await fetch(`${short.url}/user`, { headers: { Authorization: token } })).status).toBe(401);
      const fresh = await exchange(short, short.apiKey);
      expect((await fetch(`${short.url}/user`, { headers: { Authorization: fresh } })).status).toBe(200);
    } finally {
      await short.close();
    }
  });

  it('revokeKey kills the key and its tokens', async () => {
    const other = await startStandIn({ quiet: true });
    try {
      const token = await exchange(other, other.otherApiKey);
      expect((await fetch(`${other.url}/user`, { headers: { Authorization: token } })).status).toBe(200);
      other.revokeKey(other.otherApiKey);
      expect((await fetch(`${other.url}/user`, { headers: { Authorization: token } })).status).toBe(401);
      const again = await fetch(`${other.url}/users/get-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pat: other.otherApiKey }) });
      expect(again.status).toBe(401);
      // Alice's key is unaffected.
      expect((await fetch(`${other.url}/user`, { headers: { Authorization: await exchange(other, other.apiKey) } })).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('orgs and teams', () => {
  it('lists my organizations with membership and source_policy', async () => {
    const api = await apiFor(s);
    const { body } = await api.json<{ data: { id: string; name: string; membership: unknown; source_policy: string }[] }>('/organizations/user');
    const names = body.data.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['helios-lab', 'northwind', 'all']));
    expect(names).not.toContain('okafor-workshop');
    for (const org of body.data) {
      expect(org.membership).toBeTruthy();
      expect(org.source_policy).toBeTruthy();
    }
  });

  it('lists teams with source_policy (web_only on one) and userMembership', async () => {
    const api = await apiFor(s);
    const helios = s.seed.orgs.find((o) => o.name === 'helios-lab');
    const { body } = await api.json<{ data: { name: string; source_policy: string | null; userMembership: { role: string } | null; org_id: string }[] }>(
      `/teams?org_id=${helios?.id ?? ''}&joined=true`,
    );
    expect(body.data.map((t) => t.name).sort()).toEqual(['Crystal Growth', 'Publications']);
    expect(body.data.find((t) => t.name === 'Publications')?.source_policy).toBe('web_only');
    expect(body.data.find((t) => t.name === 'Crystal Growth')?.source_policy).toBeNull();
    expect(body.data.every((t) => t.userMembership && t.org_id === helios?.id)).toBe(true);
  });
});
