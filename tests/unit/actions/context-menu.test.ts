// The native context menu through fakes of Electron's Menu and windows: what the template holds
// (main's labels, only known actions, the visibility submenu), the popup over the asking page's
// window, and the answer: the clicked action, or null once the menu closed without a click.
import type { BaseWindow, MenuItemConstructorOptions, PopupOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { itemActionLabels, type ItemAction } from '../../../shared/item-actions';
import { contextMenuTemplate, createContextMenuPopup } from '../../../electron/app/context-menu';
import { createMenuHandlers } from '../../../electron/actions/menu-handlers';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createLogger } from '../../../electron/log';
import { testServices } from '../../helpers/services';

const request = (actions: ItemAction[], extra: { disabled?: ItemAction[]; checked?: ItemAction } = {}) => ({ actions, disabled: extra.disabled ?? [], checked: extra.checked });

function labels(template: MenuItemConstructorOptions[]): unknown[] {
  return template.map((item) => (item.type === 'separator' ? '---' : Array.isArray(item.submenu) ? { [item.label ?? '']: labels(item.submenu) } : item.label));
}

/** A fake Menu.buildFromTemplate: records the template and the popup options. */
function fakeMenus() {
  const built: { template: MenuItemConstructorOptions[]; popups: PopupOptions[] }[] = [];
  return {
    built,
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
      const entry = { template, popups: [] as PopupOptions[] };
      built.push(entry);
      return { popup: (options: PopupOptions) => void entry.popups.push(options) };
    },
  };
}

function click(template: MenuItemConstructorOptions[], id: string): void {
  for (const item of template) {
    if (item.id === id) return (item.click as () => void)();
    if (Array.isArray(item.submenu)) {
      try {
        return click(item.submenu, id);
      } catch {
        // not in this submenu
      }
    }
  }
  throw new Error(`no item ${id}`);
}

describe('context menu template', () => {
  it('groups the offered actions with main’s labels, the visibilities in one submenu, the current one checked', () => {
    const template = contextMenuTemplate(
      request(['delete', 'copy-link', 'rename', 'open', 'move', 'visibility-public', 'visibility-private', 'replace', 'open-in-ouro', 'download', 'edit-details'], { checked: 'visibility-private' }),
      () => {},
    );
    expect(labels(template)).toEqual([
      'Open',
      'Download…',
      '---',
      'Rename…',
      'Edit Details…',
      'Move To…',
      { Visibility: ['Private', 'Public'] },
      'Replace File…',
      '---',
      'Copy Link',
      'Open in Ouro',
      '---',
      'Delete…',
    ]);
    const visibility = template.find((i) => i.id === 'visibility')?.submenu as MenuItemConstructorOptions[];
    expect(visibility.map((i) => [i.type, i.checked])).toEqual([
      ['radio', true],
      ['radio', false],
    ]);
  });

  it('leaves out what was not offered (no empty groups or separators) and disables what the page says', () => {
    const template = contextMenuTemplate(request(['delete', 'download'], { disabled: ['delete'] }), () => {});
    expect(labels(template)).toEqual(['Download…', '---', 'Delete…']);
    expect(template.find((i) => i.id === 'delete')?.enabled).toBe(false);
    expect(template.find((i) => i.id === 'download')?.enabled).toBe(true);
    expect(Object.values(itemActionLabels)).toContain('Delete…');
  });
});

describe('context menu popup', () => {
  const window = { id: 7 } as unknown as BaseWindow;

  it('pops up over the asking page’s window and answers the clicked action', async () => {
    const menus = fakeMenus();
    const windowFor = vi.fn(() => window);
    const popup = createContextMenuPopup({ buildFromTemplate: menus.buildFromTemplate, windowFor });
    const answer = popup(request(['rename', 'delete']), { host: 'electron', senderId: 3 });
    expect(windowFor).toHaveBeenCalledWith({ host: 'electron', senderId: 3 });
    const [menu] = menus.built;
    expect(menu?.popups).toHaveLength(1);
    expect(menu?.popups[0]?.window).toBe(window);
    click(menu?.template ?? [], 'delete');
    // Closing afterwards (the usual order) changes nothing.
    menu?.popups[0]?.callback?.();
    await expect(answer).resolves.toBe('delete');
  });

  it('answers null when the menu closes without a choice, after a grace for a late click', async () => {
    const menus = fakeMenus();
    const timers: Array<() => void> = [];
    const popup = createContextMenuPopup({ buildFromTemplate: menus.buildFromTemplate, windowFor: () => window, setTimeout: (callback) => void timers.push(callback) });
    const answer = popup(request(['rename']), { host: 'electron' });
    menus.built[0]?.popups[0]?.callback?.();
    expect(timers).toHaveLength(1);
    timers[0]?.();
    await expect(answer).resolves.toBeNull();
  });

  it('a click reported just after the close still counts (some platforms close first)', async () => {
    const menus = fakeMenus();
    const timers: Array<() => void> = [];
    const popup = createContextMenuPopup({ buildFromTemplate: menus.buildFromTemplate, windowFor: () => window, setTimeout: (callback) => void timers.push(callback) });
    const answer = popup(request(['visibility-public', 'visibility-private']), { host: 'electron' });
    menus.built[0]?.popups[0]?.callback?.();
    click(menus.built[0]?.template ?? [], 'visibility-public');
    timers[0]?.();
    await expect(answer).resolves.toBe('visibility-public');
  });

  it('answers null, without building a menu, when the asking page has no window', async () => {
    const menus = fakeMenus();
    const popup = createContextMenuPopup({ buildFromTemplate: menus.buildFromTemplate, windowFor: () => null });
    await expect(popup(request(['rename']), { host: 'electron' })).resolves.toBeNull();
    expect(menus.built).toEqual([]);
  });
});

describe('menu channels', () => {
  it('the web host (or a host without the hook) says unsupported, so the page shows its own role=menu', async () => {
    const hook = vi.fn(async () => 'rename' as const);
    const handlers = createMenuHandlers({ popupContextMenu: hook });
    await expect(handlers['menu:context']({ actions: ['rename'], disabled: [] }, { host: 'web' })).resolves.toEqual({ supported: false });
    expect(hook).not.toHaveBeenCalled();
    await expect(createMenuHandlers()['menu:context']({ actions: ['rename'], disabled: [] }, { host: 'electron' })).resolves.toEqual({ supported: false });
    await expect(handlers['menu:context']({ actions: ['rename'], disabled: [] }, { host: 'electron', senderId: 1 })).resolves.toEqual({ supported: true, action: 'rename' });
  });

  it('refuses unknown actions and duplicates at the contract, before any menu is built', async () => {
    const hook = vi.fn(async (_request: unknown, _context: unknown) => null);
    const log = createLogger({ write: () => {} });
    const dispatch = createDispatcher(testServices({ host: 'electron', log, actions: { menus: { popupContextMenu: hook } } }).handlers, log);
    for (const input of [{ actions: ['format-disk'] }, { actions: ['rename', 'rename'] }, { actions: [] }, { actions: ['rename'], label: 'Anything' }]) {
      const result = await dispatch('menu:context', input, { host: 'electron' });
      if (!('label' in input)) expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
    expect(hook).toHaveBeenCalledTimes(1); // only the last input (an unknown key is dropped, not shown)
    expect(hook.mock.calls[0]?.[0]).toEqual({ actions: ['rename'], disabled: [], checked: undefined });
  });

  it('passes the selection to the app menu', () => {
    const selectionChanged = vi.fn();
    createMenuHandlers({ selectionChanged })['menu:selection-changed']({ count: 2, files: 1, datasets: 1, textFocused: false }, { host: 'electron' });
    expect(selectionChanged).toHaveBeenCalledWith({ count: 2, files: 1, datasets: 1, textFocused: false });
  });
});
