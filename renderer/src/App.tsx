// The app shell: the header with the product name and the main area. Later screens (sign-in,
// browsing, uploads) render inside it.
import { useAppInfo } from './queries/app';
import { ErrorNotice } from './components/ErrorNotice';

export function App() {
  const info = useAppInfo();
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="logo" aria-hidden="true">
          ◎
        </span>
        <h1>Ouro</h1>
      </header>
      <main className="shell-main">
        <section className="welcome" aria-labelledby="welcome-title">
          <h2 id="welcome-title">Your Ouro files, datasets and conversations</h2>
          <p>Browse, search and upload your content on Ouro from your desktop.</p>
        </section>
        <section className="app-info" aria-label="About this app">
          {info.isPending && <p role="status">Loading…</p>}
          {info.isError && <ErrorNotice error={info.error} onRetry={() => void info.refetch()} />}
          {info.data && (
            <dl>
              <dt>Version</dt>
              <dd data-testid="app-version">{info.data.version}</dd>
              <dt>Platform</dt>
              <dd data-testid="app-platform">{info.data.platform}</dd>
              <dt>Ouro API</dt>
              <dd data-testid="app-api-base">{info.data.apiBaseUrl}</dd>
              <dt>Running in</dt>
              <dd data-testid="app-host">{info.data.host === 'electron' ? 'Desktop app' : 'Browser (web host)'}</dd>
            </dl>
          )}
        </section>
      </main>
    </div>
  );
}
