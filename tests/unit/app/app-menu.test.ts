import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { ItemAction } from '../../../shared/item-actions';
import { applyItemMenuState, buildMenuTemplate, DOCS_URL, REPORT_ISSUE_URL, type MenuActions } from '../../../electron/app/app-menu';

function actions() {
  return {
    uploadFiles: vi.fn<() => void>(),
    syncFolder: vi.fn<() => void>(),
    checkForUpdates: vi.fn<() => void>(),
    restartToUpdate: vi.fn<() => void>(),
    openExternal: vi.fn<(url: string) => void>(),
    showLogs: vi.fn<() => void>(),
    itemAction: vi.fn<(action: ItemAction) => void>(),
  } satisfies MenuActions;
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error(`no submenu on ${item?.label ?? item?.role}`);
  return item.submenu;
}

function find(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const found = find(item.submenu, id);
      if (found) return found;
    }
  }
  return undefined;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error('item has no click');
  // The real Menu passes (menuItem, window, event); our handlers ignore them.
  (item.click as () => void)();
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

describe('application menu', () => {
  it('on macOS starts with the App menu, with About, updates and Quit', () => {
    const template = buildMenuTemplate({ platform: 'darwin', appName: 'Ouro' }, actions());
    expect(template.map((item) => item.label ?? item.role)).toEqual(['Ouro', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    const appMenu = submenu(template[0]);
    expect(roles(appMenu)).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(appMenu.some((item) => item.id === 'check-for-updates')).toBe(true);
  });

  it('elsewhere has no App menu; Quit is under File, About and updates under Help', () => {
    const template = buildMenuTemplate({ platform: 'win32', appName: 'Ouro' }, actions());
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(roles(submenu(template[0]))).toContain('quit');
    const help = submenu(template.at(-1));
    expect(roles(help)).toContain('about');
    expect(help.some((item) => item.id === 'check-for-updates')).toBe(true);
  });

  it('Edit has the clipboard roles, so copy and paste work in the page', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const edit = submenu(buildMenuTemplate({ platform, appName: 'Ouro' }, actions()).find((item) => item.label === 'Edit'));
      expect(roles(edit)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    }
  });

  it('File → Upload Files… calls the upload callback', () => {
    const a = actions();
    click(find(buildMenuTemplate({ platform: 'linux', appName: 'Ouro' }, a), 'upload-files'));
    expect(a.uploadFiles).toHaveBeenCalledOnce();
  });

  it('File → Sync a Folder… calls the sync callback', () => {
    const a = actions();
    click(find(buildMenuTemplate({ platform: 'linux', appName: 'Ouro' }, a), 'sync-folder'));
    expect(a.syncFolder).toHaveBeenCalledOnce();
    expect(a.uploadFiles).not.toHaveBeenCalled();
  });

  it('Help opens the docs and the issue tracker in the browser', () => {
    const a = actions();
    const template = buildMenuTemplate({ platform: 'linux', appName: 'Ouro' }, a);
    click(find(template, 'docs'));
    click(find(template, 'report-issue'));
    expect(a.openExternal.mock.calls).toEqual([[DOCS_URL], [REPORT_ISSUE_URL]]);
    expect(DOCS_URL).toBe('https://ouro.foundation/docs');
  });

  it('Help → Show Logs reveals the log file, on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const a = actions();
      const help = submenu(buildMenuTemplate({ platform, appName: 'Ouro' }, a).at(-1));
      const item = help.find((entry) => entry.id === 'show-logs');
      expect(item?.label).toBe('Show Logs');
      click(item);
      expect(a.showLogs).toHaveBeenCalledOnce();
    }
  });

  it('offers "Check for Updates…" until an update is ready, then "Restart to Update"', () => {
    const a = actions();
    const before = buildMenuTemplate({ platform: 'darwin', appName: 'Ouro' }, a);
    click(find(before, 'check-for-updates'));
    expect(a.checkForUpdates).toHaveBeenCalledOnce();
    const after = buildMenuTemplate({ platform: 'darwin', appName: 'Ouro', updateReady: true }, a);
    expect(find(after, 'check-for-updates')).toBeUndefined();
    click(find(after, 'restart-to-update'));
    expect(a.restartToUpdate).toHaveBeenCalledOnce();
  });

  it('shows reload and developer tools only when asked (development runs)', () => {
    const view = (developerItems: boolean) =>
      roles(submenu(buildMenuTemplate({ platform: 'linux', appName: 'Ouro', developerItems }, actions()).find((item) => item.label === 'View')));
    expect(view(false)).not.toContain('toggleDevTools');
    expect(view(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  describe('item actions (File menu)', () => {
    const none = { count: 0, files: 0, datasets: 0, textFocused: false };
    const oneFile = { count: 1, files: 1, datasets: 0, textFocused: false };

    it('lists Rename…, Delete…, Copy Link and the rest, each sending its action to the page', () => {
      const a = actions();
      const template = buildMenuTemplate({ platform: 'linux', appName: 'Ouro', selection: oneFile }, a);
      const file = submenu(template[0]);
      expect(file.filter((i) => i.id?.startsWith('item:')).map((i) => i.label)).toEqual([
        'Open',
        'Download…',
        'Rename…',
        'Edit Details…',
        'Move To…',
        'Visibility',
        'Replace File…',
        'Copy Link',
        'Copy Desktop Link',
        'Open in Ouro',
        'Delete…',
      ]);
      click(find(template, 'item:rename'));
      click(find(template, 'item:visibility-public'));
      expect(a.itemAction.mock.calls).toEqual([['rename'], ['visibility-public']]);
    });

    it('shows the usual shortcuts on Windows and Linux, none registered: F2 in a text field stays the field’s', () => {
      for (const platform of ['win32', 'linux'] as const) {
        const template = buildMenuTemplate({ platform, appName: 'Ouro' }, actions());
        expect(find(template, 'item:rename')).toMatchObject({ accelerator: 'F2', registerAccelerator: false });
        expect(find(template, 'item:delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
        expect(find(template, 'item:copy-link')).toMatchObject({ accelerator: 'CmdOrCtrl+C', registerAccelerator: false });
      }
      // macOS cannot show a shortcut without taking the key from text fields: the page handles them.
      const mac = buildMenuTemplate({ platform: 'darwin', appName: 'Ouro' }, actions());
      for (const id of ['item:rename', 'item:delete', 'item:copy-link']) expect(find(mac, id)?.accelerator).toBeUndefined();
      // Edit → Copy keeps Cmd/Ctrl+C, which reaches the page as a copy event.
      expect(roles(submenu(mac.find((item) => item.label === 'Edit')))).toContain('copy');
    });

    it('enables item actions to match the selection, when built and when it changes', () => {
      const template = buildMenuTemplate({ platform: 'linux', appName: 'Ouro' }, actions());
      expect(find(template, 'item:delete')?.enabled).toBe(false);
      const state = new Map<string, { enabled: boolean }>();
      const collect = (items: MenuItemConstructorOptions[]) => {
        for (const item of items) {
          if (item.id) state.set(item.id, { enabled: item.enabled ?? true });
          if (Array.isArray(item.submenu)) collect(item.submenu);
        }
      };
      collect(template);
      const menu = { getMenuItemById: (id: string) => state.get(id) ?? null };
      applyItemMenuState(menu, { count: 3, files: 2, datasets: 1, textFocused: false });
      expect(state.get('item:delete')?.enabled).toBe(true);
      expect(state.get('item:download')?.enabled).toBe(true);
      expect(state.get('item:rename')?.enabled).toBe(false);
      expect(state.get('item:replace')?.enabled).toBe(false);
      applyItemMenuState(menu, oneFile);
      expect(state.get('item:rename')?.enabled).toBe(true);
      expect(state.get('item:replace')?.enabled).toBe(true);
      applyItemMenuState(menu, { count: 1, files: 0, datasets: 1, textFocused: false });
      expect(state.get('item:replace')?.enabled).toBe(false);
      applyItemMenuState(menu, none);
      expect([...state].filter(([id]) => id.startsWith('item:') && id !== 'item:visibility').every(([, item]) => !item.enabled)).toBe(true);
    });
  });
});
