// The app shell: the title bar (product, the one connection notice, the command palette, the account), the screen for
// the account's state, and the status bar (the Uploads tray, what this app is).
import { accountIdentity } from './account/account-cache';
import { AccountMenu } from './account/AccountMenu';
import { useAccount } from './account/queries';
import { SignInScreen } from './account/SignInScreen';
import { AppInfo } from './components/AppInfo';
import { ConnectionNotice } from './components/ConnectionNotice';
import { ErrorNotice } from './components/ErrorNotice';
import { UpdateBanner } from './components/UpdateBanner';
import { BrowseScreen } from './browse/BrowseScreen';
import { ownBrowsePreferences } from './browse/preferences';
import { Uploads } from './uploads/Uploads';
import { LinkRequests } from './links/LinkRequests';
import { CommandPalette } from './palette/CommandPalette';
import { SyncFeature } from './sync/SyncFeature';
import './components/components.css';
import './components/overlays.css';
import './shell.css';

export function App() {
  const account = useAccount();
  const state = account.data;
  const signedIn = state?.status === 'signed-in' ? state : null;
  const identity = accountIdentity(state);
  // Before the browse screen reads its saved choices: they must be this account's.
  if (identity) ownBrowsePreferences(identity);
  return (
    <div className="shell">
      <header className="titlebar">
        <span className="logo" aria-hidden="true">
          ◎
        </span>
        <h1>Ouro</h1>
        <div className="titlebar-center">
          <ConnectionNotice account={state} />
        </div>
        {signedIn && <CommandPalette key={`palette:${identity ?? 'unknown'}`} />}
        {signedIn && <AccountMenu account={signedIn} />}
      </header>
      <UpdateBanner />
      <div className="shell-body">
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
        {/* Keyed by account: another account's screens start afresh, with nothing of the last one's. */}
        {signedIn && <BrowseScreen key={`browse:${identity ?? 'unknown'}`} />}
      </div>
      <div className="statusbar">
        {signedIn && <LinkRequests key={`links:${identity ?? 'unknown'}`} />}
        {signedIn ? <Uploads key={`uploads:${identity ?? 'unknown'}`} /> : <span />}
        {signedIn && <SyncFeature key={`sync:${identity ?? 'unknown'}`} />}
        <AppInfo />
      </div>
    </div>
  );
}
