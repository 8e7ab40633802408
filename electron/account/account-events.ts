// The one route by which account changes reach the rest of main: every state the account
// publishes (before the page hears of it, so nothing shows or acts on another account's items),
// and the sign-out (or refused key) after which each service forgets what belonged to the account.
import type { AccountState } from '../../shared/account';
import type { Logger } from '../log';

export interface AccountEvents {
  /** Every published account state, in order, before the page is told. */
  onChanged(listener: (state: AccountState) => void): () => void;
  /** An account's data must go (sign-out or a refused key); awaited, one listener at a time. */
  onSignedOut(listener: () => Promise<void> | void): () => void;
}

export interface AccountEventBus extends AccountEvents {
  changed(state: AccountState): void;
  signedOut(): Promise<void>;
}

export function createAccountEvents(log: Pick<Logger, 'warn'>): AccountEventBus {
  const changedListeners = new Set<(state: AccountState) => void>();
  const signedOutListeners = new Set<() => Promise<void> | void>();
  return {
    onChanged(listener) {
      changedListeners.add(listener);
      return () => changedListeners.delete(listener);
    },
    onSignedOut(listener) {
      signedOutListeners.add(listener);
      return () => signedOutListeners.delete(listener);
    },
    changed(state) {
      // One service failing to follow must not keep the others (or the page) on the old account.
      for (const listener of changedListeners) {
        try {
          listener(state);
        } catch (error) {
          log.warn('Following the account failed', error);
        }
      }
    },
    async signedOut() {
      for (const listener of signedOutListeners) {
        try {
          await listener();
        } catch (error) {
          log.warn('Clearing account data failed', error);
        }
      }
    },
  };
}
