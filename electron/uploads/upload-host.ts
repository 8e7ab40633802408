// What the host offers the upload queue: Electron's open dialog, OS notifications and the
// dock/taskbar progress and badge; the web host and tests pass fewer (or none).
export interface UploadHostHooks {
  /** The native open dialog (several files); absent where there is none (web host). */
  chooseFiles?(): Promise<string[]>;
  /** An OS notification; only called while the window is not focused. */
  notify?(title: string, body: string): void;
  isWindowFocused?(): boolean;
  /** Overall progress 0…1 on the dock/taskbar icon; -1 removes it. */
  setProgress?(fraction: number): void;
  /** Number of failed uploads, for the icon badge. */
  setFailedCount?(count: number): void;
}
