import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { bindIpc, type IpcMainLike } from '../../electron/ipc/bind-electron';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { testServices } from '../helpers/services';
import { createLogger } from '../../electron/log';
import { isTrustedSender } from '../../electron/security/trusted-sender';
import { channelNames } from '../../shared/contract';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      handlers.set(channel, listener as Listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  return { ipcMain, handlers };
}

function eventFrom(url: string, options: { parent?: unknown; destroyed?: boolean } = {}): IpcMainInvokeEvent {
  const senderFrame = options.destroyed ? null : { url, parent: options.parent ?? null };
  return { senderFrame, sender: { id: 7 } } as unknown as IpcMainInvokeEvent;
}

function setup() {
  const log = createLogger({ write: () => {} });
  const services = testServices({ host: 'electron', log });
  const { ipcMain, handlers } = fakeIpcMain();
  const unbind = bindIpc(ipcMain, createDispatcher(services.handlers, log), isTrustedSender);
  return { handlers, unbind };
}

describe('Electron IPC binding', () => {
  it('binds exactly the contract channels and unbinds them', () => {
    const { handlers, unbind } = setup();
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('answers the app page', async () => {
    const { handlers } = setup();
    const result = await handlers.get('app:info')!(eventFrom('app://ouro/index.html'), undefined);
    expect(result).toMatchObject({ ok: true, data: { version: '9.9.9', host: 'electron' } });
  });

  it.each([
    ['a remote page', eventFrom('https://evil.example/')],
    ['a file:// page', eventFrom('file:///tmp/x.html')],
    ['an app page with another host', eventFrom('app://evil/index.html')],
    ['a subframe of the app', eventFrom('app://ouro/index.html', { parent: {} })],
    ['a destroyed frame', eventFrom('app://ouro/index.html', { destroyed: true })],
  ])('refuses IPC from %s', async (_name, event) => {
    const { handlers } = setup();
    const result = await handlers.get('app:info')!(event, undefined);
    expect(result).toMatchObject({ ok: false, error: { kind: 'untrusted-sender' } });
  });

  it('answers invalid input with a validation error, not a crash', async () => {
    const { handlers } = setup();
    const result = await handlers.get('app:info')!(eventFrom('app://ouro/'), { evil: 1 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });
});
