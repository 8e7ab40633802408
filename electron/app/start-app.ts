// The start-up sequence after Electron's `ready`. The window comes before the keychain: reading
// it may wait on a locked GNOME keyring or a macOS Keychain prompt, and that must never happen
// with no Ouro window behind it — the page shows a neutral "Starting…" until the account is known.

export interface StartAppDeps {
  whenReady(): Promise<unknown>;
  /**
   * What must exist before the page loads: permission handlers, the app:// protocol, the IPC
   * handlers (which wait for startServices themselves), the menu.
   */
  install(): void;
  showOrCreateWindow(): Promise<unknown>;
  /** Reads settings and the keychain, and restores the upload queue. */
  startServices(): Promise<void>;
  /** Work that never delays anything (the update check). */
  inBackground?(): void;
  /** An error box, the log, and exit (app/startup-failure.ts). */
  onFailure(error: unknown): void;
}

export async function startApp(deps: StartAppDeps): Promise<void> {
  try {
    await deps.whenReady();
    deps.install();
    await deps.showOrCreateWindow();
    await deps.startServices();
    deps.inBackground?.();
  } catch (error) {
    deps.onFailure(error);
  }
}
