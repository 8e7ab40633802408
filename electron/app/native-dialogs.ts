// The native dialogs main.ts hands to the services and the updater: the open dialog behind
// "Upload Files…", the save dialog for downloads, the folder for a bulk download, the
// confirmation of another API address, and update notices. Each is attached to the main window
// when there is one (a sheet on macOS), and free-standing when there is none.
import path from 'node:path';
import type { BaseWindow, Dialog } from 'electron';
import { confirmApiAddressWith } from './api-address-dialog';
import type { ConfirmApiAddress } from '../account/api-address';
import type { UpdateNotice } from './update-controller';

export type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;

export interface NativeDialogsDeps {
  dialog: DialogApi;
  getWindow(): BaseWindow | null;
  /** app.getPath('downloads'), where the save dialog starts. */
  downloadsDir(): string;
}

export interface NativeDialogs {
  /** Several files to upload; [] when cancelled. */
  chooseFiles(): Promise<string[]>;
  /** Where to save a download named `suggestedName`; null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** The folder a bulk download goes into; null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Sign in → Advanced → API URL: the person confirms the host before the key goes there. */
  confirmApiAddress: ConfirmApiAddress;
  showNotice(notice: UpdateNotice): void;
}

export function createNativeDialogs(deps: NativeDialogsDeps): NativeDialogs {
  const { dialog } = deps;
  return {
    async chooseFiles() {
      const options = { title: 'Upload files to Ouro', properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'> };
      const window = deps.getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSavePath(suggestedName) {
      const options = { defaultPath: path.join(deps.downloadsDir(), suggestedName) };
      const window = deps.getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder() {
      const options = {
        title: 'Download to folder',
        buttonLabel: 'Download Here',
        defaultPath: deps.downloadsDir(),
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const window = deps.getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // Opened by main, outside the page: page script can neither draw nor click it.
    confirmApiAddress: confirmApiAddressWith((options) => {
      const window = deps.getWindow();
      return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
    }),
    showNotice(notice) {
      const options = { type: notice.kind === 'error' ? ('error' as const) : ('info' as const), message: notice.title, detail: notice.message, buttons: ['OK'] };
      const window = deps.getWindow();
      void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    },
  };
}
