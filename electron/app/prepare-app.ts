// Everything that must happen before Electron's `ready`, in this order: the Windows identity
// first, the app:// scheme's privileges, the data folder (a development run gets its own), and
// only then the single-instance lock, which Electron keys on that folder. Takes Electron's `app`
// and `protocol` structurally, so tests pin the order with fakes.
import path from 'node:path';
import { APP_SCHEME } from '../security/app-origin';
import { appUserModelId, runMode, userDataOverride, type RunMode } from './app-identity';
import { claimSingleInstance, type SingleInstanceApp } from './single-instance';

export interface PreparableApp extends SingleInstanceApp {
  readonly isPackaged: boolean;
  setAppUserModelId(id: string): void;
  getPath(name: 'appData' | 'userData'): string;
  setPath(name: 'userData', value: string): void;
  setAppLogsPath(value?: string): void;
}

export interface SchemeRegistry {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }>): void;
}

export interface PrepareDeps {
  app: PreparableApp;
  protocol: SchemeRegistry;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** A second launch (in this, the first instance): show the window, creating it if needed, and take any ouro:// link in its argv. */
  onSecondInstance(argv: string[]): void;
}

export interface Prepared {
  /** False in a second launch, which has already asked the first to come forward and is quitting. */
  firstInstance: boolean;
  mode: RunMode;
  userDataDir: string;
}

export function prepareApp(deps: PrepareDeps): Prepared {
  const { app } = deps;
  const mode = runMode(app.isPackaged);
  // First, before any window or notification exists: Windows ties both to this id.
  if (deps.platform === 'win32') app.setAppUserModelId(appUserModelId(mode));

  // app:// behaves like https (a secure context, fetch, relative URLs); only possible before `ready`.
  deps.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

  const override = userDataOverride({ mode, env: deps.env, appDataDir: app.getPath('appData') });
  if (override) {
    app.setPath('userData', override);
    // The logs follow (macOS would otherwise share ~/Library/Logs/Ouro with the installed app).
    app.setAppLogsPath(path.join(override, 'logs'));
  }

  // Last: the lock belongs to the data folder chosen above.
  const firstInstance = claimSingleInstance(app, deps.onSecondInstance);
  return { firstInstance, mode, userDataDir: app.getPath('userData') };
}
