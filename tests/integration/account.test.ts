// The account service against the stand-in: verification before storage, the keychain as the
// only home of the key, refused keys (only at the exchange), offline start-up, logs free of
// secrets, and an API address the page names: refused without a native confirmation, never
// reached when the person declines, its own keychain entry when confirmed.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountState } from '../../shared/account';
import { createKeychain } from '../../electron/account/keychain';
import { createLogger } from '../../electron/log';
import { startStandIn, type StandIn } from '../stand-in/index';
import { memorySecretStore, testServices } from '../helpers/services';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
});
afterAll(() => standIn.close());

interface SetupOptions {
  keychain?: ReturnType<typeof memorySecretStore>;
  dataDir?: string;
  envApiKey?: string;
  confirmApiAddress?: (address: { host: string; url: string }) => Promise<boolean>;
  apiBaseFromEnv?: boolean;
}

function setup(options: SetupOptions = {}) {
  const lines: string[] = [];
  const events: AccountState[] = [];
  const keychain = options.keychain ?? memorySecretStore();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'ouro-account-'));
  const services = testServices({
    apiBaseUrl: standIn.url,
    dataDir,
    keychain,
    fetch: globalThis.fetch,
    envApiKey: options.envApiKey,
    confirmApiAddress: options.confirmApiAddress,
    apiBaseFromEnv: options.apiBaseFromEnv ?? true,
    retryDelaysMs: [50],
    log: createLogger({ level: 'debug', write: (_level, line) => lines.push(line) }),
    emit: (event, payload) => {
      if (event === 'account:changed') events.push(payload as AccountState);
    },
  });
  return { services, keychain, lines, events, dataDir };
}

describe('account service', () => {
  it('verifies, stores the key under the API URL, and reports the user without the key', async () => {
    const { services, keychain, dataDir } = setup();
    await services.start();
    const state = await services.account.signIn({ apiKey: ` ${standIn.apiKey} ` });
    expect(state).toMatchObject({ status: 'signed-in', storage: 'keychain', keyName: 'laptop-key', keyHint: `•••• ${standIn.apiKey.slice(-4)}` });
    expect(state.status === 'signed-in' && state.user?.username).toBe(standIn.seed.users.alice.username);
    expect(keychain.entries.get(standIn.url)).toBe(standIn.apiKey);
    expect(JSON.stringify(state)).not.toContain(standIn.apiKey);
    for (const file of readdirSync(dataDir)) expect(readFileSync(path.join(dataDir, file), 'utf8')).not.toContain(standIn.apiKey);
  });

  it('stores nothing for a refused key', async () => {
    const { services, keychain } = setup();
    await services.start();
    await expect(services.account.signIn({ apiKey: 'wrong-key-0000' })).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(keychain.entries.size).toBe(0);
    expect((await services.account.state()).status).toBe('signed-out');
  });

  it('writes nothing secret to a debug-level log when sign-in fails or succeeds', async () => {
    const { services, lines } = setup();
    await services.start();
    standIn.faults.add({ method: 'GET', path: '/user/profile', status: 500 });
    await expect(services.account.signIn({ apiKey: standIn.apiKey })).rejects.toMatchObject({ kind: 'server' });
    await expect(services.account.signIn({ apiKey: 'another-wrong-key-9876' })).rejects.toMatchObject({ kind: 'unauthorized' });
    await services.account.signIn({ apiKey: standIn.apiKey });
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(text).not.toContain(standIn.apiKey);
    expect(text).not.toContain('another-wrong-key-9876');
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('signs in at start-up from the keychain, and signs out removing the key and cached data', async () => {
    const keychain = memorySecretStore({ [standIn.url]: standIn.apiKey });
    const { services, events, dataDir } = setup({ keychain });
    await services.start();
    expect(await services.account.state()).toMatchObject({ status: 'signed-in', storage: 'keychain' });
    await expect.poll(() => events.at(-1)?.status === 'signed-in' && events.at(-1)).toMatchObject({ connection: 'online' });
    expect(readdirSync(dataDir)).toContain('account-cache.json');
    await services.account.signOut();
    expect(keychain.entries.size).toBe(0);
    expect(readdirSync(dataDir)).not.toContain('account-cache.json');
    expect(() => services.account.client()).toThrow(/Sign in/);
  });

  it('returns to sign-in as revoked when Ouro refuses the stored key, removing it', async () => {
    const other = await startStandIn({ quiet: true });
    try {
      const keychain = memorySecretStore({ [other.url]: other.apiKey });
      const services = testServices({ apiBaseUrl: other.url, keychain, fetch: globalThis.fetch });
      await services.start();
      await services.account.reconnect();
      expect(await services.account.state()).toMatchObject({ status: 'signed-in', connection: 'online' });
      other.revokeKey(other.apiKey);
      await services.account.reconnect();
      expect(await services.account.state()).toMatchObject({ status: 'signed-out', reason: 'revoked' });
      await expect.poll(() => keychain.entries.size).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('stays signed in offline at start-up and recovers by itself', async () => {
    const keychain = memorySecretStore({ [standIn.url]: standIn.apiKey });
    const { services, events } = setup({ keychain });
    standIn.faults.add({ path: '/users/get-token', reset: 'immediately', times: 8 });
    await services.start();
    await expect.poll(() => events.some((e) => e.status === 'signed-in' && e.connection === 'offline'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => events.at(-1), { timeout: 15_000 }).toMatchObject({ status: 'signed-in', connection: 'online' });
    standIn.faults.clear();
  });

  it('uses OURO_API_KEY for the session without writing it to the keychain', async () => {
    const { services, keychain } = setup({ envApiKey: standIn.apiKey });
    await services.start();
    expect(await services.account.state()).toMatchObject({ status: 'signed-in', storage: 'environment' });
    expect(keychain.entries.size).toBe(0);
  });

  it('turns an unloadable or failing keychain into keychain-unavailable with OS help, and allows a session-only sign-in', async () => {
    const broken = createKeychain(() => Promise.reject(new Error('Cannot find module keytar')), 'linux');
    await expect(broken.get('x')).rejects.toMatchObject({ kind: 'keychain-unavailable', message: expect.stringContaining('GNOME Keyring') });
    const failing = createKeychain(
      async () => ({
        getPassword: () => Promise.reject(new Error('locked')),
        setPassword: () => Promise.reject(new Error('locked')),
        deletePassword: () => Promise.reject(new Error('locked')),
      }),
      'darwin',
    );
    await expect(failing.set('x', 'y')).rejects.toMatchObject({ kind: 'keychain-unavailable', message: expect.stringContaining('Keychain Access') });

    const services = testServices({ apiBaseUrl: standIn.url, keychain: failing, fetch: globalThis.fetch });
    await services.start();
    expect(await services.account.state()).toMatchObject({ status: 'signed-out', keychain: { available: false } });
    await expect(services.account.signIn({ apiKey: standIn.apiKey })).rejects.toMatchObject({ kind: 'keychain-unavailable' });
    expect(await services.account.signIn({ apiKey: standIn.apiKey, sessionOnly: true })).toMatchObject({ status: 'signed-in', storage: 'session' });
  });

  it('a 401 on GET /user right after a good exchange keeps the person signed in and the key stored', async () => {
    const keychain = memorySecretStore({ [standIn.url]: standIn.apiKey });
    const { services, events } = setup({ keychain });
    standIn.faults.add({ method: 'GET', path: '/user', status: 401 });
    await services.start();
    await services.account.verified();
    expect(await services.account.state()).toMatchObject({ status: 'signed-in' });
    expect(events.some((e) => e.status === 'signed-out')).toBe(false);
    expect(keychain.entries.get(standIn.url)).toBe(standIn.apiKey);
    expect(standIn.faults.pending()).toBe(0);
  });
});

describe('the API address', () => {
  let attacker: StandIn;
  beforeAll(async () => {
    attacker = await startStandIn({ quiet: true });
  });
  afterAll(() => attacker.close());

  it('without a native confirmation (web host) an address from the page is refused before anything is sent', async () => {
    const { services, keychain, dataDir, lines } = setup();
    await services.start();
    attacker.clearLog();
    const error = await services.account.signIn({ apiKey: standIn.apiKey, apiBaseUrl: attacker.url }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('does not take an API address from the page') });
    expect(attacker.log).toEqual([]);
    expect(keychain.entries.size).toBe(0);
    expect(readdirSync(dataDir)).not.toContain('settings.json');
    expect((await services.account.state()).apiBaseUrl).toBe(standIn.url);
    expect(lines.join('\n')).toContain('Ignored an API address sent by the page');
    // The address already in use (or the launch default) needs no confirmation.
    expect(await services.account.signIn({ apiKey: standIn.apiKey, apiBaseUrl: `${standIn.url}/` })).toMatchObject({ status: 'signed-in' });
  });

  it('plain http is refused for anything but this computer, before any dialog', async () => {
    const asked: string[] = [];
    const { services } = setup({ confirmApiAddress: async ({ host }) => (asked.push(host), true) });
    await services.start();
    for (const url of ['http://api.example.com', 'http://192.168.1.20:8003', 'http://127.evil.example']) {
      await expect(services.account.signIn({ apiKey: standIn.apiKey, apiBaseUrl: url })).rejects.toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('https://') });
    }
    await expect(services.account.signIn({ apiKey: standIn.apiKey, apiBaseUrl: 'https://user:pw@api.example.com' })).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(asked).toEqual([]);
  });

  it('in Electron the person is shown the host; declining sends nothing anywhere', async () => {
    const asked: Array<{ host: string; url: string }> = [];
    const { services, keychain, dataDir } = setup({ confirmApiAddress: async (address) => (asked.push(address), false) });
    await services.start();
    attacker.clearLog();
    await expect(services.account.signIn({ apiKey: standIn.apiKey, apiBaseUrl: attacker.url })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(asked).toEqual([{ host: new URL(attacker.url).host, url: attacker.url }]);
    expect(attacker.log).toEqual([]);
    expect(keychain.entries.size).toBe(0);
    expect(readdirSync(dataDir)).not.toContain('settings.json');
  });

  it('a confirmed address is used, remembered, and has its own keychain entry; the other address keeps its own', async () => {
    const keychain = memorySecretStore();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-account-address-'));
    const first = setup({ keychain, dataDir, confirmApiAddress: async () => true, apiBaseFromEnv: false });
    await first.services.start();
    await first.services.account.signIn({ apiKey: standIn.apiKey });
    const state = await first.services.account.signIn({ apiKey: attacker.apiKey, apiBaseUrl: attacker.url });
    expect(state).toMatchObject({ status: 'signed-in', apiBaseUrl: attacker.url });
    expect(keychain.entries.get(attacker.url)).toBe(attacker.apiKey);
    expect(keychain.entries.get(standIn.url)).toBe(standIn.apiKey);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toEqual({ confirmedApiBaseUrl: attacker.url });
    first.services.account.dispose();
    // After a restart the confirmed address is still the one in use, with its own key.
    const again = setup({ keychain, dataDir, apiBaseFromEnv: false });
    await again.services.start();
    await again.services.account.verified();
    expect(await again.services.account.state()).toMatchObject({ status: 'signed-in', apiBaseUrl: attacker.url });
    await again.services.dispose();
  });

  it('an address saved before confirmations existed (settings.apiBaseUrl) is not carried over', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-account-legacy-'));
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ apiBaseUrl: attacker.url }));
    const keychain = memorySecretStore({ [attacker.url]: attacker.apiKey });
    const { services } = setup({ keychain, dataDir, apiBaseFromEnv: false });
    attacker.clearLog();
    await services.start();
    await services.account.verified();
    expect(await services.account.state()).toMatchObject({ status: 'signed-out', apiBaseUrl: standIn.url });
    expect(attacker.log).toEqual([]);
  });
});
