// The account service's parts, pinned on their own: the reconnection back-off, clients bound to a
// key generation, the account's two files, and which address a sign-in may go to.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountFiles } from '../../../electron/account/account-files';
import { createAccountClients, type ClientHooks } from '../../../electron/account/account-clients';
import { createReconnectTimer } from '../../../electron/account/reconnect-timer';
import { chooseSignInAddress } from '../../../electron/account/sign-in-address';
import { createLogger } from '../../../electron/log';
import type { OuroClient } from '../../../electron/ouro/client';

afterEach(() => vi.useRealTimers());

describe('reconnect timer', () => {
  it('backs off through the delays, stays at the last one, and starts over once stopped', () => {
    vi.useFakeTimers();
    const attempts: number[] = [];
    const timer = createReconnectTimer([10, 100], () => attempts.push(Date.now()));
    const start = Date.now();
    timer.schedule();
    timer.schedule(); // one pending attempt at a time
    vi.advanceTimersByTime(10);
    expect(attempts.map((t) => t - start)).toEqual([10]);
    timer.schedule();
    vi.advanceTimersByTime(100);
    timer.schedule();
    vi.advanceTimersByTime(100);
    expect(attempts.map((t) => t - start)).toEqual([10, 110, 210]);
    timer.schedule();
    timer.stop();
    vi.advanceTimersByTime(1_000);
    expect(attempts).toHaveLength(3);
    timer.schedule();
    vi.advanceTimersByTime(10);
    expect(attempts).toHaveLength(4);
  });
});

describe('account clients', () => {
  function setup() {
    const made: { base: string; hooks: ClientHooks; resets: number }[] = [];
    let key: string | null = 'k1';
    const refused = vi.fn();
    const clients = createAccountClients({
      createClient: (base, hooks) => {
        const entry = { base, hooks, resets: 0 };
        made.push(entry);
        return { reset: () => void entry.resets++ } as unknown as OuroClient;
      },
      currentKey: () => key,
      onRefused: refused,
    });
    return { clients, made, refused, setKey: (next: string | null) => (key = next) };
  }

  it('keeps one client per address for the current key', () => {
    const { clients, made } = setup();
    expect(clients.clientFor('https://a')).toBe(clients.clientFor('https://a'));
    clients.clientFor('https://b');
    expect(made.map((m) => m.base)).toEqual(['https://a', 'https://b']);
    expect(made[0]?.hooks.getApiKey()).toBe('k1');
  });

  it('a client of an older generation gets no key and cannot sign the new account out', () => {
    const { clients, made, refused, setKey } = setup();
    const old = clients.clientFor('https://a');
    clients.newGeneration();
    setKey('k2');
    expect(made[0]?.resets).toBe(1);
    expect(made[0]?.hooks.getApiKey()).toBeNull();
    made[0]?.hooks.onUnauthorized();
    expect(refused).not.toHaveBeenCalled();
    const fresh = clients.clientFor('https://a');
    expect(fresh).not.toBe(old);
    expect(made[1]?.hooks.getApiKey()).toBe('k2');
    made[1]?.hooks.onUnauthorized();
    expect(refused).toHaveBeenCalledTimes(1);
  });
});

describe('account files', () => {
  let dir = '';
  afterEach(async () => rm(dir, { recursive: true, force: true }));
  const log = createLogger({ write: () => {} });

  it('remembers a confirmed address, and forgets it when going back to the default', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'account-files-'));
    const files = accountFiles(dir, log);
    expect(await files.confirmedAddress()).toBeUndefined();
    await files.saveConfirmedAddress('https://other.example');
    expect(await files.confirmedAddress()).toBe('https://other.example');
    await files.saveConfirmedAddress(null);
    expect(await files.confirmedAddress()).toBeUndefined();
  });

  it('ignores an old `apiBaseUrl` setting: it may have been chosen by page script', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'account-files-'));
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ apiBaseUrl: 'https://evil.example' }));
    expect(await accountFiles(dir, log).confirmedAddress()).toBeUndefined();
  });

  it('gives the cached profile back only for the address it was cached for, until forgotten', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'account-files-'));
    const files = accountFiles(dir, log);
    const profile = { user: { id: 'u1', username: 'alice', displayName: null, email: null }, keyName: 'laptop' };
    await files.cacheProfile('https://a', profile);
    expect(await files.cachedProfile('https://a')).toEqual(profile);
    expect(await files.cachedProfile('https://b')).toBeNull();
    expect(JSON.parse(await readFile(path.join(dir, 'account-cache.json'), 'utf8'))).toMatchObject({ apiBaseUrl: 'https://a' });
    await files.forgetProfile();
    expect(await files.cachedProfile('https://a')).toBeNull();
  });
});

describe('the sign-in address', () => {
  const log = createLogger({ write: () => {} });
  const base = { current: 'https://api.ouro.foundation', defaultBase: 'http://127.0.0.1:9000', log };

  it('the address in use or the launch default need no confirmation; nothing asked means the one in use', async () => {
    const confirm = vi.fn(async () => true);
    expect(await chooseSignInAddress(undefined, { ...base, confirmApiAddress: confirm })).toEqual({ base: base.current, confirmed: false });
    expect(await chooseSignInAddress('  ', { ...base, confirmApiAddress: confirm })).toEqual({ base: base.current, confirmed: false });
    expect(await chooseSignInAddress('http://127.0.0.1:9000/', { ...base, confirmApiAddress: confirm })).toEqual({ base: base.defaultBase, confirmed: false });
    expect(confirm).not.toHaveBeenCalled();
  });

  it('any other address is used only once the person confirms its host in main’s dialog', async () => {
    const confirm = vi.fn(async () => true);
    expect(await chooseSignInAddress('https://other.example/', { ...base, confirmApiAddress: confirm })).toEqual({ base: 'https://other.example', confirmed: true });
    expect(confirm).toHaveBeenCalledWith({ host: 'other.example', url: 'https://other.example' });
    await expect(chooseSignInAddress('https://other.example', { ...base, confirmApiAddress: async () => false })).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('where there is no dialog (web host) another address is refused before the key goes anywhere', async () => {
    await expect(chooseSignInAddress('https://other.example', base)).rejects.toMatchObject({ kind: 'invalid-input' });
  });
});
