// The pieces main.ts wires Electron through, driven with fakes: the menu bar's live state, events
// broadcast to the windows, the app:// protocol's answers, opening the window, getting attention,
// and the desktop hooks the services are given.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApplicationMenu, type MenuApi } from '../../../electron/app/application-menu';
import { createAttention } from '../../../electron/app/attention';
import { broadcastToWindows } from '../../../electron/app/broadcast';
import { openAppWindow, type OpenableWindow } from '../../../electron/app/open-app-window';
import { rendererProtocolHandler } from '../../../electron/app/renderer-protocol';
import { itemMenuId, type MenuActions } from '../../../electron/app/app-menu';
import { eventChannel } from '../../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';

const noActions = (): MenuActions => ({
  uploadFiles: vi.fn(),
  syncFolder: vi.fn(),
  checkForUpdates: vi.fn(),
  restartToUpdate: vi.fn(),
  openExternal: vi.fn(),
  showLogs: vi.fn(),
  itemAction: vi.fn(),
});

function fakeMenuApi() {
  type FakeMenu = { template: MenuItemConstructorOptions[]; items: Map<string, { enabled: boolean }>; getMenuItemById(id: string): { enabled: boolean } | null };
  let installed: FakeMenu | null = null;
  const api: MenuApi<FakeMenu> = {
    buildFromTemplate: (template) => {
      const items = new Map<string, { enabled: boolean }>();
      const walk = (list: MenuItemConstructorOptions[]) => {
        for (const item of list) {
          if (item.id) items.set(item.id, { enabled: item.enabled ?? true });
          if (Array.isArray(item.submenu)) walk(item.submenu);
        }
      };
      walk(template);
      return { template, items, getMenuItemById: (id) => items.get(id) ?? null };
    },
    setApplicationMenu: (menu) => void (installed = menu),
    getApplicationMenu: () => installed,
  };
  return { api, installed: () => installed };
}

describe('application menu state', () => {
  it('rebuilds with "Restart to Update" once an update is ready, and reports it', () => {
    const fake = fakeMenuApi();
    const menu = createApplicationMenu(fake.api, { platform: 'linux', appName: 'Ouro' }, noActions());
    menu.install();
    expect(fake.installed()?.items.has('check-for-updates')).toBe(true);
    expect(menu.updateState()).toEqual({ ready: false, version: null });
    menu.updateReady('1.2.3');
    expect(fake.installed()?.items.has('restart-to-update')).toBe(true);
    expect(menu.updateState()).toEqual({ ready: true, version: '1.2.3' });
  });

  it('keeps the item actions in step with the selection, across a rebuild too', () => {
    const fake = fakeMenuApi();
    const menu = createApplicationMenu(fake.api, { platform: 'linux', appName: 'Ouro' }, noActions());
    menu.selectionChanged({ count: 1, files: 1, datasets: 0, textFocused: false }); // no menu yet: kept
    menu.install();
    expect(fake.installed()?.getMenuItemById(itemMenuId('rename'))?.enabled).toBe(true);
    menu.selectionChanged({ count: 0, files: 0, datasets: 0, textFocused: false });
    expect(fake.installed()?.getMenuItemById(itemMenuId('rename'))?.enabled).toBe(false);
    menu.selectionChanged({ count: 1, files: 1, datasets: 0, textFocused: false });
    menu.updateReady('2.0.0');
    expect(fake.installed()?.getMenuItemById(itemMenuId('rename'))?.enabled).toBe(true);
  });
});

describe('broadcast to windows', () => {
  it('sends each event on its channel to every window still open', () => {
    const sent: [string, string, unknown][] = [];
    const win = (name: string, destroyed: boolean) => ({ isDestroyed: () => destroyed, webContents: { send: (channel: string, payload: unknown) => void sent.push([name, channel, payload]) } });
    const emit = broadcastToWindows(() => [win('a', false), win('closing', true), win('b', false)]);
    emit('menu:action', { action: 'rename' });
    expect(sent).toEqual([
      ['a', eventChannel('menu:action'), { action: 'rename' }],
      ['b', eventChannel('menu:action'), { action: 'rename' }],
    ]);
  });
});

describe('app:// protocol answers', () => {
  let dir = '';
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('serves renderer files with the CSP and nosniff, and 404 outside the folder or for a missing file', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'renderer-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    const serve = rendererProtocolHandler(dir);
    const index = await serve(new Request('app://ouro/'));
    expect(index.status).toBe(200);
    expect(await index.text()).toBe('<!doctype html>');
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await serve(new Request('app://ouro/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://ouro/%2e%2e/secret'))).status).toBe(404);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
  });
});

describe('opening the app window', () => {
  class FakeWindow implements OpenableWindow {
    calls: string[] = [];
    private ready: (() => void) | undefined;
    constructor(readonly options: Record<string, unknown>) {}
    getNormalBounds = () => ({ x: 0, y: 0, width: 1, height: 1 });
    isMaximized = () => false;
    isMinimized = () => false;
    isFullScreen = () => false;
    on = () => this;
    once(_event: 'ready-to-show', listener: () => void) {
      this.ready = listener;
      return this;
    }
    maximize = () => void this.calls.push('maximize');
    show = () => void this.calls.push('show');
    loadURL = (url: string) => (this.calls.push(`load ${url}`), Promise.resolve());
    paint = () => this.ready?.();
  }

  const deps = (made: FakeWindow[]) => ({
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }], getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) },
    construct: (options: object) => {
      const window = new FakeWindow(options as Record<string, unknown>);
      made.push(window);
      return window;
    },
    preload: '/dist/preload.cjs',
    darkMode: () => true,
    url: 'app://ouro/',
    windowState: { save: async () => {}, saveSync: () => {} },
  });

  it('places the window where it was, loads the app, and maximises and shows it only once painted', () => {
    const made: FakeWindow[] = [];
    const window = openAppWindow({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true }, deps(made));
    expect(made).toEqual([window]);
    expect(window.options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
    expect(window.calls).toEqual(['load app://ouro/']);
    window.paint();
    expect(window.calls).toEqual(['load app://ouro/', 'maximize', 'show']);
  });

  it('a window that was not maximised is only shown', () => {
    const window = openAppWindow(null, deps([]));
    window.paint();
    expect(window.calls).toEqual(['load app://ouro/', 'show']);
  });
});

describe('attention: notifications and the icon', () => {
  function setup(platform: NodeJS.Platform) {
    const shown: string[] = [];
    const clicks: Array<() => void> = [];
    const app = { setBadgeCount: vi.fn(() => true), focus: vi.fn() };
    const showWindow = vi.fn();
    const attention = createAttention({
      platform,
      app,
      getWindow: () => null,
      showWindow,
      notifications: {
        isSupported: () => true,
        create: ({ title }) => ({
          on: (event: string, listener: () => void) => void (event === 'click' && clicks.push(listener)),
          show: () => void shown.push(title),
          close: () => {},
        }),
      },
      images: { createFromDataURL: (url: string) => url, createFromBitmap: () => 'dot' },
    });
    return { attention, shown, clicks, app, showWindow };
  }

  it('a click brings Ouro forward, on macOS as the active app', () => {
    const mac = setup('darwin');
    mac.attention.notifier.notify('Uploaded', 'a.txt');
    mac.clicks[0]?.();
    expect(mac.app.focus).toHaveBeenCalledWith({ steal: true });
    expect(mac.showWindow).toHaveBeenCalledTimes(1);
    const linux = setup('linux');
    linux.attention.notifier.notify('Uploaded', 'a.txt');
    linux.clicks[0]?.();
    expect(linux.app.focus).not.toHaveBeenCalled();
    expect(linux.showWindow).toHaveBeenCalledTimes(1);
  });

  it('on macOS the first failed upload posts a notification (the dock badge needs the permission it asks)', () => {
    const mac = setup('darwin');
    mac.attention.indicators.setFailedCount(1);
    expect(mac.shown).toEqual(['An upload failed']);
    expect(mac.app.setBadgeCount).toHaveBeenLastCalledWith(1);
  });
});
