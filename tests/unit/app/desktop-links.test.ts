// ouro:// wiring with a fake Electron app: registration in development (with the argv that starts
// this checkout) but not in an installed app, open-url before and after the services exist, and
// links in a launch's or a second instance's argv.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLinkInbox, registerDesktopLinks, type ProtocolClientApp } from '../../../electron/app/desktop-links';
import { prepareApp, type PreparableApp, type SchemeRegistry } from '../../../electron/app/prepare-app';

const ID = '0b9e2c50-6f39-4a8e-9a55-1d2f3e4a5b6c';

function fakeApp() {
  const openUrl: Array<(event: { preventDefault(): void }, url: string) => void> = [];
  const setAsDefaultProtocolClient = vi.fn((_protocol: string, _path?: string, _args?: string[]) => true);
  const app: ProtocolClientApp = { setAsDefaultProtocolClient, on: (_event, listener) => openUrl.push(listener) };
  const prevented: string[] = [];
  return {
    app,
    setAsDefaultProtocolClient,
    prevented,
    openUrl: (url: string) => openUrl.forEach((listener) => listener({ preventDefault: () => prevented.push(url) }, url)),
  };
}

function sink() {
  const received: string[] = [];
  return { received, receive: async (url: string) => void received.push(url) };
}

const base = { isPackaged: false, defaultApp: true, execPath: '/opt/electron/electron', platform: 'darwin' as NodeJS.Platform };

describe('ouro:// links in Electron', () => {
  it('a development run registers itself with the argv that starts this checkout', () => {
    const fake = fakeApp();
    const registered = registerDesktopLinks({ ...base, app: fake.app, argv: ['/opt/electron/electron', '.'], inbox: createLinkInbox(), onLink: () => {} });
    expect(registered).toBe(true);
    expect(fake.setAsDefaultProtocolClient).toHaveBeenCalledWith('ouro', '/opt/electron/electron', [path.resolve('.')]);
  });

  it('an unpacked app started as its own binary registers without extra arguments', () => {
    const fake = fakeApp();
    registerDesktopLinks({ ...base, defaultApp: false, app: fake.app, argv: ['/opt/Ouro/ouro-desktop'], inbox: createLinkInbox(), onLink: () => {} });
    expect(fake.setAsDefaultProtocolClient).toHaveBeenCalledWith('ouro');
  });

  it('an installed app leaves registration to its installer', () => {
    const fake = fakeApp();
    expect(registerDesktopLinks({ ...base, isPackaged: true, app: fake.app, argv: ['/Applications/Ouro.app/Contents/MacOS/Ouro'], inbox: createLinkInbox(), onLink: () => {} })).toBeNull();
    expect(fake.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  it('macOS: an open-url before the services exist is held, then delivered first, in order', () => {
    const fake = fakeApp();
    const inbox = createLinkInbox();
    const onLink = vi.fn();
    registerDesktopLinks({ ...base, isPackaged: true, app: fake.app, argv: [], inbox, onLink });
    fake.openUrl(`ouro://asset/${ID}`);
    fake.openUrl(`ouro://conversation/${ID}`);
    expect(fake.prevented).toHaveLength(2);
    expect(onLink).toHaveBeenCalledTimes(2);
    const services = sink();
    inbox.connect(services);
    expect(services.received).toEqual([`ouro://asset/${ID}`, `ouro://conversation/${ID}`]);
    // After: straight through.
    fake.openUrl('ouro://asset/not-a-uuid');
    expect(services.received.at(-1)).toBe('ouro://asset/not-a-uuid');
  });

  it('holds only the latest few links before start', () => {
    const inbox = createLinkInbox({ max: 3 });
    for (let i = 0; i < 6; i++) inbox.receive(`ouro://asset/${i}`);
    const services = sink();
    inbox.connect(services);
    expect(services.received).toEqual(['ouro://asset/3', 'ouro://asset/4', 'ouro://asset/5']);
  });

  it('Windows and Linux: a launch by a link carries it in argv; macOS never reads argv for links', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const inbox = createLinkInbox();
      registerDesktopLinks({ ...base, platform, isPackaged: true, app: fakeApp().app, argv: ['C:\\Ouro\\Ouro.exe', '--', `ouro://asset/${ID}`], inbox, onLink: () => {} });
      const services = sink();
      inbox.connect(services);
      expect(services.received).toEqual([`ouro://asset/${ID}`]);
    }
    const mac = createLinkInbox();
    registerDesktopLinks({ ...base, isPackaged: true, app: fakeApp().app, argv: ['/Applications/Ouro.app/Contents/MacOS/Ouro', `ouro://asset/${ID}`], inbox: mac, onLink: () => {} });
    const services = sink();
    mac.connect(services);
    expect(services.received).toEqual([]);
  });

  it('a second instance’s argv reaches the first instance’s inbox through the single-instance lock', () => {
    const listeners: Array<(event: unknown, argv: string[]) => void> = [];
    const app: PreparableApp = {
      isPackaged: true,
      setAppUserModelId: () => {},
      getPath: () => '/home/a/.config/Ouro',
      setPath: () => {},
      setAppLogsPath: () => {},
      requestSingleInstanceLock: () => true,
      quit: () => {},
      on: (_event, listener) => listeners.push(listener),
    };
    const protocol: SchemeRegistry = { registerSchemesAsPrivileged: () => {} };
    const inbox = createLinkInbox();
    const shown = vi.fn();
    prepareApp({ app, protocol, platform: 'linux', env: {}, onSecondInstance: (argv) => (inbox.receiveArgv(argv), shown()) });
    const services = sink();
    inbox.connect(services);
    listeners.forEach((listener) => listener({}, ['/opt/Ouro/ouro-desktop', `ouro://conversation/${ID}`, '--no-sandbox']));
    listeners.forEach((listener) => listener({}, ['/opt/Ouro/ouro-desktop']));
    expect(services.received).toEqual([`ouro://conversation/${ID}`]);
    expect(shown).toHaveBeenCalledTimes(2);
  });
});
