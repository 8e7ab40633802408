// The API key → JWT exchange (`POST /users/get-token`, ouro-api.md §1.2) and reading a JWT's
// expiry. Caching and sharing the result is session.ts's job.
import { AppError, isAppError } from '../../shared/app-error';
import { extractErrorMessage, isRecord, scrub } from './errors';
import type { Http } from './http';
import type { Credentials } from './types';

/** The payload's `exp` in epoch ms. No signature check: we only need to know when to refresh. */
export function jwtExpiryMs(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    const exp = isRecord(claims) ? claims['exp'] : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function refused(reason: string, cause?: unknown, extra?: { status?: number; requestId?: string }): AppError {
  return new AppError(
    { kind: 'unauthorized', message: `Ouro did not accept the API key: ${reason}`, ...extra },
    cause === undefined ? undefined : { cause },
  );
}

/** A 403 from the exchange that says the key is bad, as opposed to e.g. a blocked network. */
const INVALID_KEY = /invalid|revoked|expired|not (?:valid|found)/i;

/**
 * Exchanges `key` for a JWT. Failures that mean "this key is no good" (HTTP 401, a 403 saying the
 * key is invalid, a truthy
 * `error`, no `access_token`) become `unauthorized`; transport and server trouble keep their own
 * kind so a flaky network never signs anyone out.
 */
export async function exchangeKey(http: Http, key: string, signal?: AbortSignal): Promise<Credentials> {
  let body: Record<string, unknown>;
  let facts: { status?: number; requestId?: string };
  try {
    const result = await http.json(
      {
        method: 'POST',
        path: '/users/get-token',
        body: { pat: key },
        // Creates nothing the user can see, so repeating it after a 503 is safe.
        idempotent: true,
        secrets: [key],
        ...(signal ? { signal } : {}),
      },
      { envelope: false },
    );
    body = result.body;
    facts = { status: result.facts.status, ...(result.facts.requestId ? { requestId: result.facts.requestId } : {}) };
  } catch (error) {
    if (isAppError(error) && (error.kind === 'unauthorized' || (error.kind === 'forbidden' && INVALID_KEY.test(error.message)))) {
      throw refused(error.message, error, {
        ...(error.status !== undefined ? { status: error.status } : {}),
        ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
      });
    }
    throw error;
  }
  if (body['error']) throw refused(scrub(extractErrorMessage(body, facts.status ?? 200), [key]), undefined, facts);
  const token = body['access_token'];
  if (typeof token !== 'string' || token.trim() === '') throw refused('no user was found for this key', undefined, facts);
  const name = body['api_key_name'];
  const credentials: Credentials = { token: token.trim() };
  if (typeof name === 'string' && name.trim() !== '') credentials.keyName = name.trim();
  const expMs = jwtExpiryMs(credentials.token);
  if (expMs !== undefined) credentials.expMs = expMs;
  return credentials;
}
