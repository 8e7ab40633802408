// The confirmation step of a delete, enforced in main: a preview (the dry run) issues a token for
// exactly the ids it showed, and a delete is refused unless it brings that token back, unused,
// in time, for the same ids, under the same account. A page that skips the confirm sheet (or a
// script in it) cannot delete anything.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/app-error';
import type { ActionAssetType } from '../../shared/actions';

export interface ConfirmedItem {
  id: string;
  assetType: ActionAssetType;
  name: string;
}

export interface DeleteConfirmations {
  issue(account: string, items: readonly ConfirmedItem[]): { token: string; expiresAt: number };
  /**
   * Uses up `token` and returns its items, in preview order, when it was issued to `account` for
   * exactly `ids`. Any use spends it, so a wrong guess cannot be followed by a right one.
   */
  redeem(token: string, ids: readonly string[], account: string): ConfirmedItem[];
}

export interface ConfirmationOptions {
  /** How long a preview's confirmation stays good (default 5 minutes). */
  ttlMs?: number;
  /** Confirmations kept at once; the oldest is dropped first (default 20). */
  maxOutstanding?: number;
  now?: () => number;
}

function refused(message: string): AppError {
  return new AppError({ kind: 'not-confirmed', message });
}

export function createDeleteConfirmations(options: ConfirmationOptions = {}): DeleteConfirmations {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const max = options.maxOutstanding ?? 20;
  const now = options.now ?? Date.now;
  const issued = new Map<string, { account: string; items: ConfirmedItem[]; expiresAt: number }>();

  return {
    issue(account, items) {
      for (const [token, entry] of issued) if (entry.expiresAt <= now()) issued.delete(token);
      while (issued.size >= max) issued.delete(issued.keys().next().value as string);
      const token = randomUUID();
      const expiresAt = now() + ttlMs;
      issued.set(token, { account, items: items.map((item) => ({ ...item })), expiresAt });
      return { token, expiresAt };
    },
    redeem(token, ids, account) {
      const entry = issued.get(token);
      issued.delete(token);
      if (!entry) throw refused('This delete was not confirmed, or its confirmation was already used.');
      if (entry.expiresAt <= now()) throw refused('The confirmation expired before the delete was sent.');
      if (entry.account !== account) throw refused('The confirmation was given under another account.');
      const wanted = new Set(ids.map((id) => id.toLowerCase()));
      const confirmed = new Set(entry.items.map((item) => item.id.toLowerCase()));
      const same = wanted.size === ids.length && wanted.size === confirmed.size && [...wanted].every((id) => confirmed.has(id));
      if (!same) throw refused('The items to delete are not the ones that were confirmed.');
      return entry.items;
    },
  };
}
