// The app shell: the title bar (product, the one connection notice, the account), the screen for
// the account's state, and the status bar (the Uploads tray, what this app is).
import { AccountMenu } from './account/AccountMenu';
import { useAccount } from './account/queries';
import { SignInScreen } from './account/SignInScreen';
import { AppInfo } from './components/AppInfo';
import { ConnectionNotice } from './components/ConnectionNotice';
import { ErrorNotice } from './components/ErrorNotice';
import { UpdateBanner } from './components/UpdateBanner';
import { BrowseScreen } from './browse/BrowseScreen';
import { Uploads } from './uploads/Uploads';
import './components/components.css';
import './components/overlays.css';
import './shell.css';

export function App() {
  const account = useAccount();
  const state = account.data;
  const signedIn = state?.status === 'signed-in' ? state : null;
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
        {signedIn && <BrowseScreen />}
      </div>
      <div className="statusbar">
        {signedIn ? <Uploads /> : <span />}
        <AppInfo />
      </div>
    </div>
  );
}
