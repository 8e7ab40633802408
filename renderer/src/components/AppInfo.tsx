// Version, platform and the Ouro API in use, at the right of the status bar: what support asks first.
import { useAppInfo } from '../queries/app';

export function AppInfo() {
  const info = useAppInfo();
  if (info.isError) {
    return (
      <span className="app-info" role="status">
        App information unavailable{' '}
        <button type="button" className="link" onClick={() => void info.refetch()}>
          Try again
        </button>
      </span>
    );
  }
  if (!info.data) return null;
  const host = info.data.host === 'electron' ? 'Desktop app' : 'Browser (web host)';
  return (
    <footer className="app-info" aria-label="About this app" title={`Ouro Desktop ${info.data.version} · ${info.data.platform} · API ${info.data.apiBaseUrl} · ${host}`}>
      <span>
        Ouro Desktop <span data-testid="app-version">{info.data.version}</span>
      </span>
      <span data-testid="app-platform">{info.data.platform}</span>
      <span className="app-info-api">
        API <span data-testid="app-api-base">{info.data.apiBaseUrl}</span>
      </span>
      <span data-testid="app-host">{host}</span>
    </footer>
  );
}
