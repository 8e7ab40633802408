// The cache across accounts: credentials never kept, a store per account, sign-out deleting it and
// dropping late writes, and a data folder another Ouro holds open costing the cache, not the app.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountScope } from '../../../electron/cache/account-scope';
import { answersDir, createAnswerCache } from '../../../electron/cache/answer-cache';
import { createLogger } from '../../../electron/log';

const alice = accountScope('user-alice', 'http://127.0.0.1:9');
const bob = accountScope('user-bob', 'http://127.0.0.1:9');

async function setup(secrets: string[] = []) {
  const lines: string[] = [];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ouro-cache-'));
  const cache = createAnswerCache({ dataDir, log: createLogger({ level: 'debug', write: (_l, line) => lines.push(line) }), secrets: () => secrets });
  return { cache, dataDir, lines };
}

describe('answer cache', () => {
  it('scopes an account by user and API address together', () => {
    expect(accountScope('u', 'https://api.ouro.foundation').id).not.toBe(accountScope('u', 'http://127.0.0.1:8003').id);
    expect(accountScope('u', 'https://api.ouro.foundation').id).toBe(accountScope('u', 'https://api.ouro.foundation').id);
    expect(accountScope('u', 'https://api.ouro.foundation').id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives each account its own store: one never reads the other’s answers', async () => {
    const { cache, dataDir } = await setup();
    await cache.write(alice, 'files:get {"id":"1"}', { name: 'alice.txt' });
    expect(await cache.read(bob, 'files:get {"id":"1"}')).toBeNull();
    await cache.write(bob, 'files:get {"id":"1"}', { name: 'bob.txt' });
    expect((await cache.read(alice, 'files:get {"id":"1"}'))?.data).toEqual({ name: 'alice.txt' });
    expect(existsSync(answersDir(dataDir, alice))).toBe(true);
    expect(answersDir(dataDir, alice)).not.toBe(answersDir(dataDir, bob));
    await cache.close();
  });

  it('never keeps an answer that contains the key or a token', async () => {
    const key = 'k'.repeat(40);
    const { cache, lines } = await setup([key, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig']);
    await cache.write(alice, 'a', { note: `leaked ${key}` });
    await cache.write(alice, 'b', { nested: ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig'] });
    await cache.write(alice, 'c', { fine: true });
    expect(await cache.read(alice, 'a')).toBeNull();
    expect(await cache.read(alice, 'b')).toBeNull();
    expect(await cache.read(alice, 'c')).not.toBeNull();
    expect(lines.join('\n')).toContain('contained a credential');
    await cache.close();
  });

  it('on sign-out deletes the store and drops writes still in flight, until the account signs in again', async () => {
    const { cache, dataDir } = await setup();
    await cache.write(alice, 'a', { n: 1 });
    const late = cache.write(alice, 'late', { n: 2 });
    await cache.clear(alice);
    await late;
    await cache.write(alice, 'after', { n: 3 });
    expect(existsSync(answersDir(dataDir, alice))).toBe(false);
    expect(await cache.read(alice, 'a')).toBeNull();
    cache.allow(alice);
    expect(await cache.read(alice, 'a')).toBeNull();
    await cache.write(alice, 'fresh', { n: 4 });
    expect((await cache.read(alice, 'fresh'))?.data).toEqual({ n: 4 });
    await cache.close();
  });

  it('works without a cache when another Ouro holds the same store open', async () => {
    const { cache: first, dataDir } = await setup();
    await first.write(alice, 'a', { n: 1 });
    const lines: string[] = [];
    const second = createAnswerCache({ dataDir, log: createLogger({ write: (_l, line) => lines.push(line) }), secrets: () => [] });
    expect(await second.read(alice, 'a')).toBeNull();
    await expect(second.write(alice, 'b', { n: 2 })).resolves.toBeUndefined();
    expect(lines.join('\n')).toContain('Cache unavailable for this run');
    await second.close();
    expect((await first.read(alice, 'a'))?.data).toEqual({ n: 1 });
    await first.close();
  });
});
