// The native context menu on items: built from the actions the page names (labels are main's, so
// a page cannot put arbitrary text in a native menu), popped up over the window that asked, and
// answered with the chosen action or null when dismissed. Takes Electron's Menu and windows as
// arguments, so tests drive it with fakes.
import type { BaseWindow, MenuItemConstructorOptions, PopupOptions } from 'electron';
import { itemActionLabels, type ItemAction } from '../../shared/item-actions';
import type { ContextMenuRequest } from '../actions/menu-handlers';
import type { HandlerContext } from '../ipc/handlers';

/** In this order, a separator between groups; the visibilities form one submenu. */
const GROUPS: readonly (readonly ItemAction[])[] = [
  ['open', 'download'],
  ['rename', 'edit-details', 'move', 'visibility-private', 'visibility-organization', 'visibility-public', 'replace'],
  ['copy-link', 'open-in-ouro'],
  ['delete'],
];
const VISIBILITY: readonly ItemAction[] = ['visibility-private', 'visibility-organization', 'visibility-public'];

export function contextMenuTemplate(request: ContextMenuRequest, choose: (action: ItemAction) => void): MenuItemConstructorOptions[] {
  const offered = new Set(request.actions);
  const disabled = new Set(request.disabled);
  const item = (action: ItemAction): MenuItemConstructorOptions => ({
    id: action,
    label: itemActionLabels[action],
    enabled: !disabled.has(action),
    click: () => choose(action),
  });
  const visibilities = VISIBILITY.filter((v) => offered.has(v));
  const template: MenuItemConstructorOptions[] = [];
  for (const group of GROUPS) {
    const items = group.filter((action) => offered.has(action) && !VISIBILITY.includes(action)).map(item);
    if (group.some((action) => VISIBILITY.includes(action)) && visibilities.length) {
      // One "Visibility" submenu, the current one checked, just before Replace File….
      const at = items.findIndex((i) => i.id === 'replace');
      const submenu = visibilities.map((v) => ({ ...item(v), type: 'radio' as const, checked: request.checked === v }));
      items.splice(at === -1 ? items.length : at, 0, { id: 'visibility', label: 'Visibility', submenu });
    }
    if (items.length === 0) continue;
    if (template.length) template.push({ type: 'separator' });
    template.push(...items);
  }
  return template;
}

export interface PopupMenu {
  popup(options: PopupOptions): void;
}

export interface ContextMenuDeps {
  buildFromTemplate(template: MenuItemConstructorOptions[]): PopupMenu;
  /** The window of the page that asked (BrowserWindow.fromWebContents of its webContents). */
  windowFor(context: HandlerContext): BaseWindow | null;
  /**
   * Some platforms report the menu closed before the chosen item's click: wait this long after
   * closing before answering "dismissed" (default 100 ms).
   */
  closeGraceMs?: number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
}

export function createContextMenuPopup(deps: ContextMenuDeps): (request: ContextMenuRequest, context: HandlerContext) => Promise<ItemAction | null> {
  const later = deps.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
  return (request, context) =>
    new Promise<ItemAction | null>((resolve) => {
      let answered = false;
      const answer = (action: ItemAction | null): void => {
        if (answered) return;
        answered = true;
        resolve(action);
      };
      const window = deps.windowFor(context);
      if (!window) return answer(null);
      const menu = deps.buildFromTemplate(contextMenuTemplate(request, answer));
      menu.popup({ window, callback: () => void later(() => answer(null), deps.closeGraceMs ?? 100) });
    });
}
