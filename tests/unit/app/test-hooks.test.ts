import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_GLOBAL, testHooksFromEnv } from '../../../electron/app/test-hooks';
import { memorySecretStore } from '../../helpers/services';

const root = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete root[TEST_GLOBAL];
});

describe('e2e test hooks', () => {
  it('exist only under OURO_TEST_HOOKS=1, and never in an installed app', () => {
    const warn = vi.fn();
    expect(testHooksFromEnv({}, { packaged: false, warn })).toBeNull();
    expect(testHooksFromEnv({ OURO_TEST_HOOKS: 'true' }, { packaged: false, warn })).toBeNull();
    expect(testHooksFromEnv({ OURO_TEST_HOOKS: '1' }, { packaged: true, warn })).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    expect(testHooksFromEnv({ OURO_TEST_HOOKS: '1' }, { packaged: false, warn })).not.toBeNull();
  });

  it('expose() and collect() put values where electronApplication.evaluate() can reach them', () => {
    const hooks = testHooksFromEnv({ OURO_TEST_HOOKS: '1' }, { packaged: false, warn: () => {} });
    hooks?.expose('answer', 42);
    for (let i = 0; i < 25; i++) hooks?.collect('notifications', i);
    const exposed = root[TEST_GLOBAL] as { answer: number; notifications: number[] };
    expect(exposed.answer).toBe(42);
    // A bounded list: the latest 20.
    expect(exposed.notifications).toEqual(Array.from({ length: 20 }, (_, i) => i + 5));
  });

  it('the keychain gate holds reads until its file appears, marking that one is waiting', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-gate-'));
    const gate = path.join(dir, 'unlock');
    const hooks = testHooksFromEnv({ OURO_TEST_HOOKS: '1', OURO_TEST_KEYCHAIN_GATE: gate }, { packaged: false, warn: () => {} });
    const store = hooks!.wrapKeychain(memorySecretStore({ 'https://api.ouro.foundation': 'k' }));
    let answer: string | null | undefined;
    const read = store.get('https://api.ouro.foundation').then((value) => (answer = value));
    await vi.waitFor(() => expect(existsSync(`${gate}.waiting`)).toBe(true));
    expect(answer).toBeUndefined();
    writeFileSync(gate, '');
    await read;
    expect(answer).toBe('k');
    // Once open, reads pass straight through; writes were never held.
    await expect(store.get('https://api.ouro.foundation')).resolves.toBe('k');
  });

  it('without a gate the keychain is passed through untouched', () => {
    const hooks = testHooksFromEnv({ OURO_TEST_HOOKS: '1' }, { packaged: false, warn: () => {} });
    const store = memorySecretStore();
    expect(hooks?.wrapKeychain(store)).toBe(store);
  });
});
