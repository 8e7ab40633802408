// One running Ouro per data folder: a second launch hands over to the first, which brings its
// window forward (creating it if there is none), and then quits. Takes Electron's `app`
// structurally so tests drive it with fakes.

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  /** Electron passes the second launch's command line, which carries an ouro:// link on Windows and Linux. */
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings a window to the front, un-minimising it first (focus alone leaves it in the dock/taskbar). */
export function bringToFront(window: FocusableWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Claims the single-instance lock. Returns false when another instance holds it: that instance is
 * told (Electron emits `second-instance` there) and this one quits, so main.ts must stop starting.
 * `onSecondInstance` runs in the first instance with the second's argv (main.ts shows the window
 * and hands any ouro:// link in it to the link intake).
 */
export function claimSingleInstance(app: SingleInstanceApp, onSecondInstance: (argv: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondInstance(Array.isArray(argv) ? argv.filter((arg) => typeof arg === 'string') : []));
  return true;
}
