// What main's services ask of the desktop, assembled from the pieces main.ts made: native dialogs,
// OS notifications, the dock/taskbar indicators, the menus, the clipboard and the shell. Takes them
// structurally, so a test drives every hook with fakes.
import type { BaseWindow, Clipboard, Shell } from 'electron';
import type { ServiceDeps } from '../services';
import type { UploadHostHooks } from '../uploads/upload-host';
import type { ApplicationMenu } from './application-menu';
import { createContextMenuPopup, type ContextMenuDeps } from './context-menu';
import type { NativeDialogs } from './native-dialogs';
import type { WindowIndicators } from './window-indicators';

export interface DesktopParts {
  /** The main window now, if there is one (its focus decides whether to notify). */
  currentWindow(): { isFocused(): boolean } | null;
  dialogs: Pick<NativeDialogs, 'chooseFiles' | 'chooseSavePath' | 'chooseFolder' | 'confirmApiAddress'>;
  /** "Sync a Folder…"'s own dialog: the folder comes from main, never from the page. */
  chooseSyncFolder(): Promise<string | null>;
  /** The notifier's notify: a click brings the window forward, then runs `open`. */
  notify(title: string, body: string, open?: () => void): unknown;
  indicators: Pick<WindowIndicators<unknown>, 'setProgress' | 'setFailedCount' | 'setUnreadCount'>;
  menu: Pick<ApplicationMenu, 'selectionChanged'>;
  buildContextMenu: ContextMenuDeps['buildFromTemplate'];
  /** The window of the webContents with this id (BrowserWindow.fromWebContents(webContents.fromId(id))). */
  windowOfSender(senderId: number): BaseWindow | null;
  shell: Pick<Shell, 'openExternal' | 'showItemInFolder'>;
  clipboard: Pick<Clipboard, 'writeText'>;
}

export type DesktopServiceHooks = Required<Pick<ServiceDeps, 'confirmApiAddress' | 'openExternal' | 'chooseSavePath' | 'sync' | 'actions' | 'desktop'>> & {
  uploadHooks: UploadHostHooks;
};

export function desktopHooks(parts: DesktopParts): DesktopServiceHooks {
  const isWindowFocused = () => Boolean(parts.currentWindow()?.isFocused());
  return {
    // An API address the page asks for is used only once the person confirms it in main's dialog.
    confirmApiAddress: parts.dialogs.confirmApiAddress,
    openExternal: (url) => parts.shell.openExternal(url),
    chooseSavePath: parts.dialogs.chooseSavePath,
    uploadHooks: {
      chooseFiles: parts.dialogs.chooseFiles,
      isWindowFocused,
      notify: (title, body) => void parts.notify(title, body),
      setProgress: parts.indicators.setProgress,
      setFailedCount: parts.indicators.setFailedCount,
    },
    sync: { chooseFolder: parts.chooseSyncFolder },
    actions: {
      chooseFolder: parts.dialogs.chooseFolder,
      showItemInFolder: (file) => parts.shell.showItemInFolder(file),
      menus: {
        popupContextMenu: createContextMenuPopup({
          buildFromTemplate: parts.buildContextMenu,
          windowFor: ({ senderId }) => (senderId === undefined ? null : parts.windowOfSender(senderId)),
        }),
        selectionChanged: (next) => parts.menu.selectionChanged(next),
      },
    },
    desktop: {
      isWindowFocused,
      notify: (title, body, open) => void parts.notify(title, body, open),
      setUnreadCount: parts.indicators.setUnreadCount,
      copyText: (text) => parts.clipboard.writeText(text),
    },
  };
}
