// Version, platform and the Ouro API in use: what support asks first.
import { useAppInfo } from '../queries/app';
import { ErrorNotice } from './ErrorNotice';

export function AppInfoFooter() {
  const info = useAppInfo();
  if (info.isError) return <ErrorNotice error={info.error} onRetry={() => void info.refetch()} />;
  if (!info.data) return null;
  return (
    <footer className="app-info" aria-label="About this app">
      <span>
        Ouro Desktop <span data-testid="app-version">{info.data.version}</span>
      </span>
      <span data-testid="app-platform">{info.data.platform}</span>
      <span>
        API <span data-testid="app-api-base">{info.data.apiBaseUrl}</span>
      </span>
      <span data-testid="app-host">{info.data.host === 'electron' ? 'Desktop app' : 'Browser (web host)'}</span>
    </footer>
  );
}
