// The desktop hooks main's services get, assembled from fakes: which window a context menu pops
// over, when "is the window focused" holds, and where each hook lands.
import type { BaseWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { desktopHooks, type DesktopParts } from '../../../electron/app/desktop-hooks';

function parts(overrides: Partial<DesktopParts> = {}) {
  const popups: unknown[] = [];
  const window = { id: 'w' } as unknown as BaseWindow;
  const base: DesktopParts = {
    currentWindow: () => null,
    dialogs: { chooseFiles: vi.fn(), chooseSavePath: vi.fn(), chooseFolder: vi.fn(), confirmApiAddress: vi.fn() },
    chooseSyncFolder: vi.fn(async () => '/home/me/Notes'),
    notify: vi.fn(),
    indicators: { setProgress: vi.fn(), setFailedCount: vi.fn(), setUnreadCount: vi.fn() },
    menu: { selectionChanged: vi.fn() },
    buildContextMenu: () => ({ popup: (options) => void popups.push(options.window) }),
    windowOfSender: (id) => (id === 7 ? window : null),
    shell: { openExternal: vi.fn(async () => {}), showItemInFolder: vi.fn() },
    clipboard: { writeText: vi.fn() },
    ...overrides,
  };
  return { base, popups, window };
}

describe('desktop hooks for the services', () => {
  it('pops a context menu over the window of the page that asked, and answers null with none', async () => {
    const { base, popups, window } = parts();
    const hooks = desktopHooks(base);
    const popup = hooks.actions.menus?.popupContextMenu;
    expect(await popup?.({ actions: ['open'], disabled: [] }, { host: 'electron' })).toBeNull();
    expect(await popup?.({ actions: ['open'], disabled: [] }, { host: 'electron', senderId: 8 })).toBeNull();
    expect(popups).toEqual([]);
    void popup?.({ actions: ['open'], disabled: [] }, { host: 'electron', senderId: 7 });
    expect(popups).toEqual([window]);
  });

  it('the window counts as focused only while it exists and has focus', () => {
    let current: { isFocused(): boolean } | null = null;
    const hooks = desktopHooks(parts({ currentWindow: () => current }).base);
    expect(hooks.uploadHooks.isWindowFocused?.()).toBe(false);
    current = { isFocused: () => false };
    expect(hooks.desktop.isWindowFocused?.()).toBe(false);
    current = { isFocused: () => true };
    expect(hooks.uploadHooks.isWindowFocused?.()).toBe(true);
    expect(hooks.desktop.isWindowFocused?.()).toBe(true);
  });

  it('hands each hook to the piece that owns it', async () => {
    const { base } = parts();
    const hooks = desktopHooks(base);
    const open = () => {};
    hooks.desktop.notify?.('Mentioned', 'by bob', open);
    hooks.uploadHooks.notify?.('Uploaded', 'a.txt');
    expect(base.notify).toHaveBeenNthCalledWith(1, 'Mentioned', 'by bob', open);
    expect(base.notify).toHaveBeenNthCalledWith(2, 'Uploaded', 'a.txt');
    hooks.desktop.copyText?.('ouro://file/1');
    expect(base.clipboard.writeText).toHaveBeenCalledWith('ouro://file/1');
    hooks.actions.menus?.selectionChanged?.({ count: 2, files: 2, datasets: 0, textFocused: false });
    expect(base.menu.selectionChanged).toHaveBeenCalledWith({ count: 2, files: 2, datasets: 0, textFocused: false });
    hooks.actions.showItemInFolder?.('/tmp/a.txt');
    expect(base.shell.showItemInFolder).toHaveBeenCalledWith('/tmp/a.txt');
    await hooks.openExternal('https://ouro.foundation');
    expect(base.shell.openExternal).toHaveBeenCalledWith('https://ouro.foundation');
    expect(await hooks.sync.chooseFolder?.()).toBe('/home/me/Notes');
    expect(hooks.confirmApiAddress).toBe(base.dialogs.confirmApiAddress);
    expect(hooks.chooseSavePath).toBe(base.dialogs.chooseSavePath);
    expect(hooks.uploadHooks.setProgress).toBe(base.indicators.setProgress);
    expect(hooks.desktop.setUnreadCount).toBe(base.indicators.setUnreadCount);
  });
});
