// The context menu and app menu channels. Electron builds a native menu from the actions the page
// names (labels are main's) and answers the choice; the web host has no native menus, so it says
// `supported: false` and the page shows its own role=menu. The selection reaches the app menu so
// its item actions enable to match.
import type { ItemAction, MenuSelection } from '../../shared/item-actions';
import type { HandlerContext } from '../ipc/handlers';
import type { Handlers } from '../ipc/handlers';

export interface ContextMenuRequest {
  actions: ItemAction[];
  disabled: ItemAction[];
  checked?: ItemAction | undefined;
}

/** What only a host with native menus can do (main.ts passes Electron's). */
export interface MenuHooks {
  /** Pops a native menu over the window that asked; resolves the chosen action, or null if dismissed. */
  popupContextMenu?(request: ContextMenuRequest, context: HandlerContext): Promise<ItemAction | null>;
  /** The selection changed: enable the app menu's item actions to match. */
  selectionChanged?(selection: MenuSelection): void;
}

export function createMenuHandlers(hooks: MenuHooks = {}): Pick<Handlers, 'menu:context' | 'menu:selection-changed'> {
  return {
    async 'menu:context'(input, context) {
      if (!hooks.popupContextMenu || context.host !== 'electron') return { supported: false };
      const request: ContextMenuRequest = { actions: input.actions, disabled: input.disabled, checked: input.checked };
      return { supported: true, action: await hooks.popupContextMenu(request, context) };
    },
    'menu:selection-changed'(selection) {
      hooks.selectionChanged?.(selection);
    },
  };
}
