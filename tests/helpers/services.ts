// Builds the main-process services for tests: an in-memory keychain, a silent logger and a
// fetch that must be given explicitly (a stand-in's, or one that fails).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SecretStore } from '../../electron/account/keychain';
import { createLogger } from '../../electron/log';
import { saveIntoFolder } from '../../electron/browse/downloads-folder';
import { jsThumbnailer } from '../../electron/browse/js-thumbnailer';
import { createMainServices, type MainServices, type ServiceDeps } from '../../electron/services';
import type { StandIn } from '../stand-in/index';

export function memorySecretStore(initial: Record<string, string> = {}): SecretStore & { entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => {
      entries.set(account, secret);
    },
    delete: async (account) => {
      entries.delete(account);
    },
  };
}

export function testServices(overrides: Partial<ServiceDeps> = {}) {
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'ouro-services-'));
  return createMainServices({
    appVersion: '9.9.9',
    platform: 'linux',
    apiBaseUrl: 'http://127.0.0.1:1',
    apiBaseFromEnv: true,
    dataDir,
    host: 'web',
    log: createLogger({ write: () => {} }),
    emit: () => {},
    fetch: () => Promise.reject(new TypeError('fetch failed')),
    keychain: memorySecretStore(),
    thumbnailer: jsThumbnailer,
    openExternal: () => {},
    chooseSavePath: saveIntoFolder(path.join(dataDir, 'Downloads')),
    ...overrides,
  });
}

/**
 * What a drop, a paste or main's own open dialog does in the app: main grants the paths, and the
 * page only ever holds the handles `uploads:add` and `files:replace-content` take.
 */
export async function grantedHandles(services: Pick<MainServices, 'grants'>, paths: readonly string[]): Promise<string[]> {
  const granted = await services.grants.grant(paths);
  return granted.map((grant, i) => {
    if (!grant) throw new Error(`Main would not grant ${paths[i] ?? '?'} (it does not exist)`);
    return grant.id;
  });
}

/** Upload backoff without waiting (the retry path is under test, not the clock), progress at once. */
export const instantUploads: NonNullable<ServiceDeps['uploads']> = {
  timing: { sleep: async (_ms, signal) => signal?.throwIfAborted() },
  progressIntervalMs: 0,
};

/**
 * Services against the stand-in with Alice's key in the keychain, started, and added to `running`
 * so the file's afterEach disposes of them.
 */
export async function signedInServices(standIn: Pick<StandIn, 'url' | 'apiKey'>, running: MainServices[], overrides: Partial<ServiceDeps> = {}): Promise<MainServices> {
  const services = testServices({
    apiBaseUrl: standIn.url,
    fetch: globalThis.fetch,
    keychain: memorySecretStore({ [standIn.url]: standIn.apiKey }),
    uploads: instantUploads,
    ...overrides,
  });
  running.push(services);
  await services.start();
  return services;
}
