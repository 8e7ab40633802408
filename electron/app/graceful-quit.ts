// Quitting waits for the app to clean up — the upload queue saved, downloads aborted and their
// temporary files removed — but never for long: the first `before-quit` is held back, cleanup
// runs with a time limit, and then the app quits for real.

export interface QuittableApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface GracefulQuitDeps {
  cleanup(): Promise<void>;
  /** How long cleanup may take before the app quits anyway. */
  timeoutMs: number;
  /** Runs as cleanup starts, e.g. to hide the windows so quitting feels immediate. */
  onCleanupStart?(): void;
  log: { info(message: string): void; warn(message: string, ...details: unknown[]): void };
}

export const QUIT_CLEANUP_TIMEOUT_MS = 5_000;

export function quitAfterCleanup(app: QuittableApp, deps: GracefulQuitDeps): void {
  let phase: 'running' | 'cleaning' | 'done' = 'running';

  app.on('before-quit', (event) => {
    if (phase === 'done') return; // our own app.quit() below: let it through
    event.preventDefault();
    if (phase === 'cleaning') return; // a second Cmd+Q while cleaning: the first one finishes the job
    phase = 'cleaning';
    deps.onCleanupStart?.();

    const finish = () => {
      if (phase === 'done') return;
      phase = 'done';
      clearTimeout(timer);
      app.quit();
    };
    const timer = setTimeout(() => {
      deps.log.warn(`Cleanup took longer than ${deps.timeoutMs} ms; quitting anyway`);
      finish();
    }, deps.timeoutMs);
    Promise.resolve()
      .then(() => deps.cleanup())
      .then(
        () => phase === 'cleaning' && deps.log.info('Cleaned up; quitting'),
        (error: unknown) => deps.log.warn('Cleanup before quitting failed', error),
      )
      .finally(finish);
  });
}
