// The menu bar's live state: whether an update is ready and what the page has selected. Every
// rebuild (an update arriving) starts from that state, so the File menu's item actions stay in
// step with the page's selection. Takes Electron's Menu structurally so tests pass a fake.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuSelection } from '../../shared/item-actions';
import { applyItemMenuState, buildMenuTemplate, type MenuActions, type MenuLike, type MenuOptions } from './app-menu';

/** The part of Electron's Menu (its statics) used here. */
export interface MenuApi<M extends MenuLike> {
  buildFromTemplate(template: MenuItemConstructorOptions[]): M;
  setApplicationMenu(menu: M | null): void;
  getApplicationMenu(): M | null;
}

export interface ApplicationMenu {
  /** Builds the menu bar from the current state and makes it the application's. */
  install(): void;
  /** An update has been downloaded: the menu offers "Restart to Update" from now on. */
  updateReady(version: string): void;
  updateState(): { ready: boolean; version: string | null };
  /** The page's selection changed: enable the item actions to match, without a rebuild. */
  selectionChanged(next: MenuSelection): void;
}

export function createApplicationMenu<M extends MenuLike>(
  menu: MenuApi<M>,
  options: Omit<MenuOptions, 'updateReady' | 'selection'>,
  actions: MenuActions,
): ApplicationMenu {
  let ready = false;
  let version: string | null = null;
  let selection: MenuSelection = { count: 0, files: 0, datasets: 0, textFocused: false };

  function install(): void {
    menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate({ ...options, updateReady: ready, selection }, actions)));
  }

  return {
    install,
    updateReady(next) {
      ready = true;
      version = next;
      install();
    },
    updateState: () => ({ ready, version }),
    selectionChanged(next) {
      selection = next;
      const current = menu.getApplicationMenu();
      if (current) applyItemMenuState(current, next);
    },
  };
}
