import { describe, expect, it } from 'vitest';
import { describeError, errorKinds, ouroErrorKinds } from '../../shared/error-kinds';

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
