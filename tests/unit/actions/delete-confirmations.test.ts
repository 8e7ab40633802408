// The confirmation a delete must carry: single-use, short-lived, for exactly the previewed ids,
// under the same account; a bounded number outstanding.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import { createDeleteConfirmations, type ConfirmedItem } from '../../../electron/actions/delete-confirmations';

const items: ConfirmedItem[] = [
  { id: 'A1', assetType: 'file', name: 'a.txt' },
  { id: 'b2', assetType: 'dataset', name: 'b' },
];

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not-confirmed') return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('delete confirmations', () => {
  it('redeems once, for the same ids in any order and case, returning the previewed items', () => {
    const confirmations = createDeleteConfirmations();
    const { token, expiresAt } = confirmations.issue('acct', items);
    expect(expiresAt).toBeGreaterThan(Date.now());
    expect(confirmations.redeem(token, ['B2', 'a1'], 'acct')).toEqual(items);
    expect(refusal(() => confirmations.redeem(token, ['a1', 'b2'], 'acct'))).toMatch(/already used/);
  });

  it('refuses other ids (more, fewer, repeated) and spends the token doing so', () => {
    const confirmations = createDeleteConfirmations();
    for (const ids of [['A1'], ['A1', 'b2', 'c3'], ['A1', 'A1'], ['A1', 'c3']]) {
      const { token } = confirmations.issue('acct', items);
      expect(refusal(() => confirmations.redeem(token, ids, 'acct'))).toMatch(/not the ones that were confirmed/);
      expect(refusal(() => confirmations.redeem(token, ['A1', 'b2'], 'acct'))).toMatch(/already used/);
    }
  });

  it('refuses an expired token and one issued under another account', () => {
    let now = 1_000;
    const confirmations = createDeleteConfirmations({ ttlMs: 100, now: () => now });
    const first = confirmations.issue('acct', items);
    now += 100;
    expect(refusal(() => confirmations.redeem(first.token, ['A1', 'b2'], 'acct'))).toMatch(/expired/);
    const second = confirmations.issue('acct', items);
    expect(refusal(() => confirmations.redeem(second.token, ['A1', 'b2'], 'other'))).toMatch(/another account/);
  });

  it('keeps a bounded number outstanding, dropping the oldest', () => {
    const confirmations = createDeleteConfirmations({ maxOutstanding: 2 });
    const oldest = confirmations.issue('acct', items);
    const middle = confirmations.issue('acct', items);
    const newest = confirmations.issue('acct', items);
    expect(refusal(() => confirmations.redeem(oldest.token, ['A1', 'b2'], 'acct'))).toMatch(/not confirmed/);
    expect(confirmations.redeem(middle.token, ['A1', 'b2'], 'acct')).toHaveLength(2);
    expect(confirmations.redeem(newest.token, ['A1', 'b2'], 'acct')).toHaveLength(2);
  });
});
