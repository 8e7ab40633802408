// The main window's construction options: where it goes, and the web preferences that keep the
// page in its sandbox (DESIGN.md §3). A pure function, so a test pins every security setting.
import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_WINDOW_SIZE, type WindowPlacement } from './window-state';

export interface AppWindowOptions {
  placement: WindowPlacement;
  /** Linux and Windows; macOS takes the bundle's icon. */
  icon?: string | undefined;
  /** dist/preload.cjs */
  preload: string;
  /** nativeTheme.shouldUseDarkColors: the background shown before the page paints. */
  darkMode: boolean;
}

export function appWindowOptions(options: AppWindowOptions): BrowserWindowConstructorOptions {
  const { placement } = options;
  return {
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    ...(options.icon ? { icon: options.icon } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on ready-to-show, so it never flashes an empty frame.
    show: false,
    title: 'Ouro',
    backgroundColor: options.darkMode ? '#15171c' : '#f7f7f9',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  };
}
