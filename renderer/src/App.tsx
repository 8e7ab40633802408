// The app shell: the header (product name, account) and the screen for the account's state.
import { AccountBadge } from './account/AccountBadge';
import { accountIdentity, useAccount, useReconnect } from './account/queries';
import { SignInScreen } from './account/SignInScreen';
import { AppInfoFooter } from './components/AppInfoFooter';
import { ErrorNotice } from './components/ErrorNotice';
import { RetryNotice } from './components/RetryNotice';
import { UpdateBanner } from './components/UpdateBanner';
import { BrowseScreen } from './browse/BrowseScreen';
import { ownBrowsePreferences } from './browse/preferences';
import { Uploads } from './uploads/Uploads';

export function App() {
  const account = useAccount();
  const reconnect = useReconnect();
  const state = account.data;
  const identity = accountIdentity(state);
  // Before the browse screen reads its saved choices: they must be this account's.
  if (identity) ownBrowsePreferences(identity);
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="logo" aria-hidden="true">
          ◎
        </span>
        <h1>Ouro</h1>
        <div className="spacer" />
        {state?.status === 'signed-in' && <AccountBadge account={state} />}
      </header>
      <UpdateBanner />
      {state?.status === 'signed-in' && state.connection === 'offline' && (
        <div role="alert" className="banner banner-offline">
          <span>You're offline. Ouro Desktop will keep trying to reach Ouro; what you already loaded stays visible.</span>
          <button type="button" onClick={() => reconnect.mutate()} disabled={reconnect.isPending}>
            Retry
          </button>
        </div>
      )}
      {account.isPending && (
        <main className="shell-main">
          <p role="status">Starting…</p>
        </main>
      )}
      {account.isError && (
        <main className="shell-main">
          <ErrorNotice error={account.error} onRetry={() => void account.refetch()} />
        </main>
      )}
      {state?.status === 'signed-out' && <SignInScreen account={state} />}
      {state?.status === 'signed-in' && <RetryNotice />}
      {/* Keyed by account: another account's screens start afresh, with nothing of the last one's. */}
      {state?.status === 'signed-in' && <BrowseScreen key={`browse:${identity ?? 'unknown'}`} />}
      {state?.status === 'signed-in' && <Uploads key={`uploads:${identity ?? 'unknown'}`} />}
      <AppInfoFooter />
    </div>
  );
}
