// Opens the main window where it was last left: placed on a display that still exists, shown only
// once painted, and its bounds tracked for next time. Takes Electron's objects structurally.
import type { BrowserWindowConstructorOptions } from 'electron';
import { appWindowOptions } from './app-window';
import { placeWindow, type DisplayLike, type WindowState } from './window-state';
import { trackWindowState, type TrackableWindow, type TrackOptions, type WindowStateSink } from './window-state-tracker';

export interface OpenableWindow extends TrackableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  maximize(): void;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export interface OpenAppWindowDeps<W extends OpenableWindow> {
  screen: { getAllDisplays(): DisplayLike[]; getPrimaryDisplay(): DisplayLike };
  construct(options: BrowserWindowConstructorOptions): W;
  /** Linux and Windows; macOS takes the bundle's icon. */
  icon?: string | undefined;
  preload: string;
  /** nativeTheme.shouldUseDarkColors, read as the window opens. */
  darkMode(): boolean;
  url: string;
  windowState: WindowStateSink;
  log?: TrackOptions['log'];
}

export function openAppWindow<W extends OpenableWindow>(saved: WindowState | null, deps: OpenAppWindowDeps<W>): W {
  const placement = placeWindow(saved, deps.screen.getAllDisplays(), deps.screen.getPrimaryDisplay());
  const window = deps.construct(appWindowOptions({ placement, icon: deps.icon, preload: deps.preload, darkMode: deps.darkMode() }));
  // Maximising a hidden window shows it early on some platforms, so it waits for ready-to-show.
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  trackWindowState(window, deps.windowState, deps.log ? { log: deps.log } : {});
  void window.loadURL(deps.url);
  return window;
}
