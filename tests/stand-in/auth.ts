// API keys (PATs) and the JWT-looking access tokens the stand-in issues for them (ouro-api.md
// §1.2). Tokens are HMAC-signed so only ones we issued verify; each remembers its key so revoking
// a key also kills its tokens.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

interface KeyRecord {
  userId: string;
  name: string;
  revoked: boolean;
}

interface IssuedToken {
  key: string;
  userId: string;
  expiresAtMs: number;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  api_key_name: string;
}

export type AuthorizationScheme = 'bare' | 'bearer' | 'none';

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export class AuthService {
  private readonly keys = new Map<string, KeyRecord>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly secret = randomBytes(32);
  ttlSeconds: number;

  /** The clock tokens are issued and checked against (a test may move it instead of waiting). */
  private readonly now: () => number;

  constructor(ttlSeconds: number, now: () => number = Date.now) {
    this.ttlSeconds = ttlSeconds;
    this.now = now;
  }

  /** Registers a key (long hex, like real PATs) for a user; random unless one is given. */
  createKey(userId: string, name: string, key: string = randomBytes(32).toString('hex')): string {
    this.keys.set(key, { userId, name, revoked: false });
    return key;
  }

  revoke(key: string): void {
    const record = this.keys.get(key);
    if (record) record.revoked = true;
  }

  /** Token exchange; null when the key is unknown or revoked. */
  exchange(key: string, email: (userId: string) => string): TokenPair | null {
    const record = this.keys.get(key);
    if (!record || record.revoked) return null;
    const nowMs = this.now();
    const iat = Math.floor(nowMs / 1000);
    const expiresAtMs = nowMs + this.ttlSeconds * 1000;
    const jti = randomUUID();
    const header = b64url({ alg: 'HS256', typ: 'JWT' });
    const payload = b64url({
      sub: record.userId,
      aud: 'authenticated',
      role: 'authenticated',
      email: email(record.userId),
      iat,
      exp: Math.floor(expiresAtMs / 1000),
      session_id: jti,
    });
    const signature = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest('base64url');
    this.tokens.set(jti, { key, userId: record.userId, expiresAtMs });
    return {
      access_token: `${header}.${payload}.${signature}`,
      refresh_token: randomBytes(16).toString('hex'),
      api_key_name: record.name,
    };
  }

  /** The user id behind a token, or null if it is forged, expired or its key was revoked. */
  verify(token: string): string | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let jti: unknown;
    try {
      jti = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { session_id?: unknown }).session_id;
    } catch {
      return null;
    }
    const issued = typeof jti === 'string' ? this.tokens.get(jti) : undefined;
    if (!issued || this.now() >= issued.expiresAtMs) return null;
    if (this.keys.get(issued.key)?.revoked !== false) return null;
    return issued.userId;
  }
}

/** Splits an Authorization header into scheme and token (bare tokens are what Ouro expects). */
export function parseAuthorization(header: string | undefined): { scheme: AuthorizationScheme; token: string | null } {
  if (!header || !header.trim()) return { scheme: 'none', token: null };
  const value = header.trim();
  const bearer = /^bearer\s+(.+)$/i.exec(value);
  if (bearer?.[1]) return { scheme: 'bearer', token: bearer[1].trim() };
  return { scheme: 'bare', token: value };
}
