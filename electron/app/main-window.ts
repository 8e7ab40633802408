// The one main window. Everything that wants it on screen — the dock's `activate`, a second
// launch, a notification click, the menu — calls showOrCreate(): it fronts the window, or creates
// one when there is none (macOS keeps running with no window). The guard is set synchronously,
// so two quick calls while the first is still creating can never make two windows.
import { bringToFront, type FocusableWindow } from './single-instance';

export interface ManagedWindow extends FocusableWindow {
  once(event: 'closed', listener: () => void): unknown;
}

export interface MainWindowDeps<W extends ManagedWindow> {
  /** Builds and loads a new window (it shows itself when ready). */
  create(): Promise<W> | W;
  /** Runs once per new window, e.g. to restore the dock progress and badge it should show. */
  onCreated?(window: W): void;
}

export interface MainWindow<W extends ManagedWindow> {
  /** The live window, or null while there is none. */
  current(): W | null;
  showOrCreate(): Promise<W>;
}

export function createMainWindow<W extends ManagedWindow>(deps: MainWindowDeps<W>): MainWindow<W> {
  let window: W | null = null;
  let creating: Promise<W> | null = null;

  const current = () => (window && !window.isDestroyed() ? window : null);

  return {
    current,
    showOrCreate() {
      const live = current();
      if (live) {
        bringToFront(live);
        return Promise.resolve(live);
      }
      // Set synchronously: a second call while this one is creating shares it. create() itself
      // runs a tick later, so even a synchronous throw cannot leave the guard set.
      if (!creating) {
        const attempt = Promise.resolve()
          .then(() => deps.create())
          .then((created) => {
            window = created;
            created.once('closed', () => {
              if (window === created) window = null;
            });
            deps.onCreated?.(created);
            return created;
          });
        const clear = () => {
          if (creating === attempt) creating = null;
        };
        attempt.then(clear, clear);
        creating = attempt;
      }
      return creating;
    },
  };
}
