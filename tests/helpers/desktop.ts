// Main-process services against a stand-in, called through the dispatcher (so envelopes carry the
// offline mark), with the events they push recorded — for the issue-16 integration tests.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel, ChannelInput, EventName } from '../../shared/contract';
import type { IpcResult } from '../../shared/ipc-result';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createLogger } from '../../electron/log';
import type { ServiceDeps } from '../../electron/services';
import { memorySecretStore, testServices } from './services';

export type Recorded = { event: EventName; payload: unknown };

export function desktopServices(apiBaseUrl: string, overrides: Partial<ServiceDeps> = {}) {
  const events: Recorded[] = [];
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'ouro-desktop-'));
  const keychain = overrides.keychain ?? memorySecretStore();
  const log = createLogger({ write: () => {} });
  const services = testServices({
    apiBaseUrl,
    fetch: globalThis.fetch,
    retryDelaysMs: [200],
    log,
    ...overrides,
    dataDir,
    keychain,
    emit: (event, payload) => {
      events.push({ event, payload });
      overrides.emit?.(event, payload);
    },
  });
  const dispatch = createDispatcher(services.handlers, log);
  /** A call as the page makes it: validated input, the envelope back. */
  const call = <C extends Channel>(channel: C, ...input: undefined extends ChannelInput<C> ? [ChannelInput<C>?] : [ChannelInput<C>]) =>
    dispatch(channel, input[0], { host: 'web', sender: 'test-page' }) as Promise<IpcResult<unknown>>;
  /** The data of a call that must succeed. */
  const ok = async <T = unknown>(channel: Channel, input?: unknown): Promise<T> => {
    const result = await dispatch(channel, input, { host: 'web', sender: 'test-page' });
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
    return result.data as T;
  };
  const eventsOf = (name: EventName) => events.filter((e) => e.event === name).map((e) => e.payload);
  return { services, dispatch, call, ok, events, eventsOf, dataDir, keychain };
}
