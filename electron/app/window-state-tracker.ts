// Keeps window-state.json in step with the main window: saves are debounced while the window is
// dragged or resized (those events fire many times a second), and flushed synchronously as it
// closes. Takes the BrowserWindow structurally so tests use a fake and fake timers.
import type { Rect, WindowState } from './window-state';

export interface TrackableWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

export interface WindowStateSink {
  save(state: WindowState): Promise<void>;
  saveSync(state: WindowState): void;
}

export interface TrackOptions {
  debounceMs?: number;
  log?: { warn(message: string, ...details: unknown[]): void };
}

export const WINDOW_STATE_DEBOUNCE_MS = 500;

export function trackWindowState(window: TrackableWindow, sink: WindowStateSink, options: TrackOptions = {}): void {
  const debounceMs = options.debounceMs ?? WINDOW_STATE_DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Minimised and full-screen geometry is not where the person wants the window next time, so
  // those moments keep the last good state rather than overwrite it.
  const capture = (): WindowState | null => {
    if (window.isMinimized() || window.isFullScreen()) return null;
    return { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const state = capture();
      if (state) sink.save(state).catch((error: unknown) => options.log?.warn('Could not save the window state', error));
    }, debounceMs);
  };

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, schedule);

  window.on('close', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const state = capture();
    if (!state) return;
    try {
      sink.saveSync(state);
    } catch (error) {
      options.log?.warn('Could not save the window state', error);
    }
  });
}
