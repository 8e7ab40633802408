// The native menu bar: the platform's standard roles (the App menu on macOS, Edit, View, Window)
// plus Ouro's own items. A pure template builder — main.ts passes the actions and hands the result
// to Menu.buildFromTemplate — so tests can check the structure and click the items.
import type { MenuItemConstructorOptions } from 'electron';
import { itemActionEnabled, itemActionLabels, type ItemAction, type MenuSelection } from '../../shared/item-actions';

export const DOCS_URL = 'https://ouro.foundation/docs';
export const REPORT_ISSUE_URL = 'https://github.com/ourofoundation/ouro-desktop/issues/new';

export interface MenuActions {
  /** File → Upload files…; the upload feature decides what it opens. */
  uploadFiles(): void;
  /** File → Sync a Folder… (issue 15): the page opens its add-folder sheet, which asks main for the folder. */
  syncFolder(): void;
  checkForUpdates(): void;
  restartToUpdate(): void;
  /** shell.openExternal; only ever given the constant URLs above. */
  openExternal(url: string): void;
  /** Help → Show Logs: reveals the log file (app/log-file.ts), which support asks for first. */
  showLogs(): void;
  /** File → Rename…, Delete…, …: the page applies the action to its selection (`menu:action`). */
  itemAction(action: ItemAction): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** An update has been downloaded: offer "Restart to Update" instead of "Check for Updates…". */
  updateReady?: boolean;
  /** Reload and developer tools, for unpackaged (development) runs only. */
  developerItems?: boolean;
  /** What the page has selected: item actions are enabled to match (none selected: all disabled). */
  selection?: MenuSelection;
}

/** Menu item ids of the item actions: `item:rename`… */
export const itemMenuId = (action: ItemAction): string => `item:${action}`;

const ITEM_ACTIONS: readonly ItemAction[] = ['open', 'download', 'rename', 'edit-details', 'move', 'replace', 'copy-link', 'copy-desktop-link', 'open-in-ouro', 'delete'];
const VISIBILITY_ACTIONS: readonly ItemAction[] = ['visibility-private', 'visibility-organization', 'visibility-public'];

/**
 * Shortcuts shown beside item actions. Keys people also type with (F2, Delete, Enter, Ctrl+C) are
 * only displayed (`registerAccelerator: false`, Windows and Linux), never registered, or they
 * would be taken from text fields; the page handles them while its list has focus. macOS cannot
 * display a shortcut without registering it, so there the page handles them all (README lists them).
 */
function shortcut(action: ItemAction, platform: NodeJS.Platform): Pick<MenuItemConstructorOptions, 'accelerator' | 'registerAccelerator'> {
  if (platform === 'darwin') return {};
  switch (action) {
    case 'rename':
      return { accelerator: 'F2', registerAccelerator: false };
    case 'delete':
      return { accelerator: 'Delete', registerAccelerator: false };
    case 'copy-link':
      return { accelerator: 'CmdOrCtrl+C', registerAccelerator: false };
    default:
      return {};
  }
}

function itemMenuItems(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const selection = options.selection ?? { count: 0, files: 0, datasets: 0, textFocused: false };
  const entry = (action: ItemAction): MenuItemConstructorOptions => ({
    id: itemMenuId(action),
    label: itemActionLabels[action],
    enabled: itemActionEnabled(action, selection),
    click: () => actions.itemAction(action),
    ...shortcut(action, options.platform),
  });
  const items = ITEM_ACTIONS.map(entry);
  // Visibility as a submenu right after Move To….
  items.splice(ITEM_ACTIONS.indexOf('move') + 1, 0, { id: 'item:visibility', label: 'Visibility', submenu: VISIBILITY_ACTIONS.map(entry) });
  return items;
}

/** The parts of Electron's Menu that applyItemMenuState needs. */
export interface MenuLike {
  getMenuItemById(id: string): { enabled: boolean } | null;
}

/** Enables the item actions of an installed menu to match a new selection, without rebuilding it. */
export function applyItemMenuState(menu: MenuLike, selection: MenuSelection): void {
  for (const action of [...ITEM_ACTIONS, ...VISIBILITY_ACTIONS]) {
    const item = menu.getMenuItemById(itemMenuId(action));
    if (item) item.enabled = itemActionEnabled(action, selection);
  }
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
      { id: 'sync-folder', label: 'Sync a Folder…', click: () => actions.syncFolder() },
      { type: 'separator' },
      ...itemMenuItems(options, actions),
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
