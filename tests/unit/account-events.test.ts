import { describe, expect, it, vi } from 'vitest';
import type { AccountState } from '../../shared/account';
import { createAccountEvents } from '../../electron/account/account-events';

const signedOut: AccountState = { status: 'signed-out', reason: 'signed-out', apiBaseUrl: 'https://api.example', keychain: { available: true } };

describe('account events', () => {
  it('a listener that throws is logged and the others still follow the account', () => {
    const log = { warn: vi.fn() };
    const events = createAccountEvents(log);
    const seen: string[] = [];
    events.onChanged(() => {
      throw new Error('boom');
    });
    events.onChanged((state) => seen.push(state.status));
    events.changed(signedOut);
    expect(seen).toEqual(['signed-out']);
    expect(log.warn).toHaveBeenCalledWith('Following the account failed', expect.any(Error));
  });

  it('sign-out listeners run one after another, each awaited, and unsubscribing stops one', async () => {
    const events = createAccountEvents({ warn: vi.fn() });
    const order: string[] = [];
    events.onSignedOut(async () => {
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      order.push('first');
    });
    const off = events.onSignedOut(() => void order.push('removed'));
    events.onSignedOut(() => void order.push('second'));
    off();
    await events.signedOut();
    expect(order).toEqual(['first', 'second']);
  });
});
