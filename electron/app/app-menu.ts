// The native menu bar: the platform's standard roles (the App menu on macOS, Edit, View, Window)
// plus Ouro's own items. A pure template builder — main.ts passes the actions and hands the result
// to Menu.buildFromTemplate — so tests can check the structure and click the items.
import type { MenuItemConstructorOptions } from 'electron';

export const DOCS_URL = 'https://ouro.foundation/docs';
export const REPORT_ISSUE_URL = 'https://github.com/ourofoundation/ouro-desktop/issues/new';

export interface MenuActions {
  /** File → Upload files…; the upload feature decides what it opens. */
  uploadFiles(): void;
  checkForUpdates(): void;
  restartToUpdate(): void;
  /** shell.openExternal; only ever given the constant URLs above. */
  openExternal(url: string): void;
  /** Help → Show Logs: reveals the log file (app/log-file.ts), which support asks for first. */
  showLogs(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** An update has been downloaded: offer "Restart to Update" instead of "Check for Updates…". */
  updateReady?: boolean;
  /** Reload and developer tools, for unpackaged (development) runs only. */
  developerItems?: boolean;
}

function updateItem(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions {
  return options.updateReady
    ? { id: 'restart-to-update', label: 'Restart to Update', click: () => actions.restartToUpdate() }
    : { id: 'check-for-updates', label: 'Check for Updates…', click: () => actions.checkForUpdates() };
}

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        updateItem(options, actions),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: 'File',
    submenu: [
      { id: 'upload-files', label: 'Upload Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.uploadFiles() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });

  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });

  template.push({
    label: 'View',
    submenu: [
      ...(options.developerItems
        ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });

  template.push({ role: 'windowMenu' });

  template.push({
    role: 'help',
    submenu: [
      { id: 'docs', label: 'Ouro Docs', click: () => actions.openExternal(DOCS_URL) },
      { id: 'report-issue', label: 'Report an Issue', click: () => actions.openExternal(REPORT_ISSUE_URL) },
      { id: 'show-logs', label: 'Show Logs', click: () => actions.showLogs() },
      // On macOS these live in the App menu, where people look for them.
      ...(isMac ? [] : [{ type: 'separator' } as const, updateItem(options, actions), { role: 'about' } as const]),
    ],
  });

  return template;
}
