// Electron's side of sync folders, taking Electron's objects structurally so tests pass fakes:
// the native folder dialog behind "Sync a Folder…" (its choice becomes main's grant in the sync
// service), and a catch-up scan when the computer wakes from sleep or the screen unlocks.
import type { BaseWindow, Dialog } from 'electron';

export interface SyncDialogDeps {
  dialog: Pick<Dialog, 'showOpenDialog'>;
  getWindow(): BaseWindow | null;
  /** Where the dialog starts (the home folder). */
  defaultPath(): string;
}

/** The folder the person picked, or null when they cancelled. */
export function createSyncFolderDialog(deps: SyncDialogDeps): () => Promise<string | null> {
  return async () => {
    const options = {
      title: 'Sync a folder with Ouro',
      buttonLabel: 'Sync This Folder',
      defaultPath: deps.defaultPath(),
      properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
    };
    const window = deps.getWindow();
    const result = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}

/** The part of Electron's powerMonitor used here. */
export interface PowerEvents {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

/** After sleep the watcher may have missed changes (a disk remounted, events dropped): scan again. */
export function catchUpAfterSleep(power: PowerEvents, sync: { catchUp(): void }): void {
  power.on('resume', () => sync.catchUp());
  power.on('unlock-screen', () => sync.catchUp());
}
