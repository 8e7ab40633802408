// The ouro:// scheme in the running app. Installers register it (electron-builder.yml `protocols`);
// a development run registers itself, with the argv that starts this checkout. Links the OS hands
// over — macOS `open-url` (possibly before `ready`), the launch's own argv on Windows and Linux —
// go to one inbox that holds them until the link intake exists. Takes Electron's `app` structurally.
import path from 'node:path';
import { DESKTOP_SCHEME, linksInArgv } from '../links/desktop-link';

export interface ProtocolClientApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
}

export interface LinkSink {
  receive(url: string): Promise<void>;
}

export interface LinkInbox {
  receive(url: string): void;
  /** The ouro:// arguments of a command line (a launch, or a second instance's). */
  receiveArgv(argv: readonly string[]): void;
  /** From now on links go straight to `sink`; those held so far go first, in order. */
  connect(sink: LinkSink): void;
}

/** Links held before the intake exists (a launch by a link, a click during start-up). */
export function createLinkInbox(options: { max?: number; onError?(error: unknown): void } = {}): LinkInbox {
  const max = options.max ?? 10;
  let held: string[] = [];
  let sink: LinkSink | null = null;
  const deliver = (url: string) => void sink?.receive(url).catch((error: unknown) => options.onError?.(error));
  const inbox: LinkInbox = {
    receive(url) {
      if (sink) return deliver(url);
      held.push(url);
      if (held.length > max) held = held.slice(-max);
    },
    receiveArgv(argv) {
      for (const url of linksInArgv(argv)) inbox.receive(url);
    },
    connect(next) {
      sink = next;
      const waiting = held;
      held = [];
      for (const url of waiting) deliver(url);
    },
  };
  return inbox;
}

export interface DesktopLinkDeps {
  app: ProtocolClientApp;
  isPackaged: boolean;
  /** process.defaultApp: true when started as `electron <path>` (npm start), not as the app's own binary. */
  defaultApp: boolean;
  execPath: string;
  argv: readonly string[];
  platform: NodeJS.Platform;
  inbox: LinkInbox;
  /** A link arrived: bring the window forward (creating it on macOS if none is open). */
  onLink(): void;
}

/**
 * Call before `ready` (the `open-url` that launches the app on macOS arrives before it). Returns
 * whether a development run registered the scheme (null for installed apps, whose installer did).
 */
export function registerDesktopLinks(deps: DesktopLinkDeps): boolean | null {
  deps.app.on('open-url', (event, url) => {
    event.preventDefault();
    deps.inbox.receive(url);
    deps.onLink();
  });
  let registered: boolean | null = null;
  if (!deps.isPackaged) {
    // `electron <app path>`: the OS must start Electron with this app's path, then the link.
    const appPath = deps.argv[1];
    registered =
      deps.defaultApp && appPath
        ? deps.app.setAsDefaultProtocolClient(DESKTOP_SCHEME, deps.execPath, [path.resolve(appPath)])
        : deps.app.setAsDefaultProtocolClient(DESKTOP_SCHEME);
  }
  // Windows and Linux start the app with the link as an argument; macOS never does (open-url).
  if (deps.platform !== 'darwin') deps.inbox.receiveArgv(deps.argv);
  return registered;
}
