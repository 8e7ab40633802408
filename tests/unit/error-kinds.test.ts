import { describe, expect, it } from 'vitest';
import { describeError, errorKinds, isRetryableCall, isTransient, isUnreachable, ouroErrorKinds, type ErrorKind } from '../../shared/error-kinds';

describe('friendly errors', () => {
  it.each(errorKinds)('%s has a title, a message a person understands and an action', (kind) => {
    const friendly = describeError({ kind, message: '' });
    expect(friendly.title.length).toBeGreaterThan(3);
    expect(friendly.message.length).toBeGreaterThan(15);
    expect(friendly.action.label.length).toBeGreaterThan(1);
  });

  it('covers every status class Ouro documents', () => {
    expect(ouroErrorKinds).toEqual(
      expect.arrayContaining(['bad-request', 'unauthorized', 'request-failed', 'forbidden', 'not-found', 'conflict', 'too-large', 'rate-limited', 'server', 'network', 'timeout', 'invalid-response']),
    );
  });

  it('shows the wait for rate limiting and the status for server errors', () => {
    expect(describeError({ kind: 'rate-limited', message: '', retryAfterSeconds: 7 }).message).toContain('7 s');
    expect(describeError({ kind: 'server', message: '', status: 503 }).message).toContain('503');
    expect(describeError({ kind: 'unauthorized', message: '' }).action.kind).toBe('sign-in');
    expect(describeError({ kind: 'network', message: '' }).action.kind).toBe('check-connection');
  });
});

// One row per failure the client produces: [kind, status, retryable call, transient, unreachable].
const meanings: [ErrorKind, number | undefined, boolean, boolean, boolean][] = [
  ['network', undefined, true, true, true],
  ['timeout', undefined, false, true, true],
  ['timeout', 408, false, true, true],
  ['rate-limited', 429, true, true, false],
  ['server', 500, false, true, false],
  ['server', 502, true, true, false],
  ['server', 503, true, true, false],
  ['server', 504, true, true, false],
  ['server', 599, false, true, false],
  // A 401 after a fresh exchange is Ouro contradicting itself: a server fault, not a retry at once.
  ['server', 401, false, true, false],
  ['invalid-response', 503, false, false, false],
  ['invalid-response', 200, false, false, false],
  ['bad-request', 400, false, false, false],
  ['unauthorized', 401, false, false, false],
  ['request-failed', 402, false, false, false],
  ['forbidden', 403, false, false, false],
  ['not-found', 404, false, false, false],
  ['conflict', 409, false, false, false],
  ['too-large', 413, false, false, false],
  ['untrusted-certificate', undefined, false, false, false],
  ['cancelled', undefined, false, false, false],
  ['not-signed-in', undefined, false, false, false],
  ['file-unreadable', undefined, false, false, false],
  ['internal', undefined, false, false, false],
];

describe('what a failure means for trying again', () => {
  it.each(meanings)('%s (HTTP %s): call retried %s, transient %s, unreachable %s', (kind, status, call, transient, unreachable) => {
    const failure = { kind, ...(status === undefined ? {} : { status }) };
    expect(isRetryableCall(failure)).toBe(call);
    expect(isTransient(failure)).toBe(transient);
    expect(isUnreachable(failure)).toBe(unreachable);
  });

  it('every unreachable failure is transient, and every retryable call is transient', () => {
    for (const [kind, status] of meanings) {
      const failure = { kind, ...(status === undefined ? {} : { status }) };
      if (isUnreachable(failure) || isRetryableCall(failure)) expect(isTransient(failure)).toBe(true);
    }
  });
});
