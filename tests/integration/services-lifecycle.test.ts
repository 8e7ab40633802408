// The services' start and quit as the hosts use them: handlers that wait for the keychain (never
// a premature "signed out"), a quit while the keychain is still locked that leaves the saved queue
// alone, and a quit mid-download that aborts it and removes its temporary .part file.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SecretStore } from '../../electron/account/keychain';
import { startStandIn, type StandIn } from '../stand-in/index';
import { memorySecretStore, testServices } from '../helpers/services';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
});
afterAll(() => standIn.close());

const context = { host: 'electron' as const };
const tempDir = (name: string) => mkdtempSync(path.join(os.tmpdir(), `ouro-${name}-`));

/** A keychain whose reads wait until released: a locked GNOME keyring or a Keychain prompt. */
function lockedKeychain(inner: SecretStore) {
  let release!: () => void;
  const unlocked = new Promise<void>((resolve) => (release = resolve));
  let reads = 0;
  const store: SecretStore = {
    ...inner,
    get: async (account) => {
      reads += 1;
      await unlocked;
      return inner.get(account);
    },
  };
  return { store, release, reads: () => reads };
}

describe('start', () => {
  it('a call that arrives before start() waits for the keychain instead of answering "signed out"', async () => {
    const keychain = lockedKeychain(memorySecretStore({ [standIn.url]: standIn.apiKey }));
    const services = testServices({ apiBaseUrl: standIn.url, fetch: globalThis.fetch, keychain: keychain.store });
    // The page asks before main has called start() (a fast renderer, a slow main).
    const answers: string[] = [];
    const account = Promise.resolve(services.handlers['account:get'](undefined, context)).then((state) => {
      answers.push(state.status);
      return state;
    });
    const info = Promise.resolve(services.handlers['app:info'](undefined, context));
    await vi.waitFor(() => expect(keychain.reads()).toBe(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answers).toEqual([]);

    // main's own start() joins the one already running: the keychain is read once.
    const started = services.start();
    keychain.release();
    await started;
    await expect(account).resolves.toMatchObject({ status: 'signed-in', storage: 'keychain' });
    await expect(info).resolves.toMatchObject({ apiBaseUrl: standIn.url });
    expect(keychain.reads()).toBe(1);
    await services.dispose();
  });

  it('update state and external links answer at once, even while the keychain is locked', async () => {
    const keychain = lockedKeychain(memorySecretStore());
    const opened: string[] = [];
    const services = testServices({ keychain: keychain.store, openExternal: (url) => void opened.push(url) });
    void services.start();
    await vi.waitFor(() => expect(keychain.reads()).toBe(1));
    await expect(Promise.resolve(services.handlers['app:update-state'](undefined, context))).resolves.toEqual({ ready: false, version: null });
    await services.handlers['app:open-external']({ url: 'https://ouro.foundation/docs' }, context);
    expect(opened).toEqual(['https://ouro.foundation/docs']);
    keychain.release();
    await services.dispose();
  });
});

describe('quit', () => {
  it('quitting while the keychain is locked leaves the saved upload queue as it was', async () => {
    const dataDir = tempDir('quit-locked');
    const saved = {
      version: 1,
      records: [
        {
          id: 'a1',
          name: 'waiting.bin',
          kind: 'file',
          path: path.join(dataDir, 'waiting.bin'),
          staged: false,
          size: 3,
          destination: { visibility: 'private' },
          state: 'queued',
          createdAt: 1,
        },
      ],
    };
    writeFileSync(path.join(dataDir, 'uploads-queue.json'), JSON.stringify(saved));
    const keychain = lockedKeychain(memorySecretStore());
    const services = testServices({ dataDir, keychain: keychain.store });
    const started = services.start();
    await vi.waitFor(() => expect(keychain.reads()).toBe(1));
    await services.dispose();
    keychain.release();
    await started;
    // A queue that was never loaded is never written: the saved one would otherwise be emptied.
    expect(JSON.parse(readFileSync(path.join(dataDir, 'uploads-queue.json'), 'utf8'))).toEqual(saved);
  });

  it('quitting mid-download aborts it, removes its .part file, and waits for that', async () => {
    const downloads = tempDir('quit-download');
    const file = standIn.seed.files.find((f) => f.size > 0);
    if (!file) throw new Error('the seed has no file with content');
    // Everything goes to the stand-in, except that the download sends one chunk and then stalls
    // until the request is aborted.
    const stallingFetch: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith(`/assets/${file.id}/download`)) return globalThis.fetch(input, init);
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(1024));
          signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="x.bin"' } });
    };
    const services = testServices({
      apiBaseUrl: standIn.url,
      fetch: stallingFetch,
      keychain: memorySecretStore(),
      chooseSavePath: async (name) => path.join(downloads, name),
    });
    await services.start();
    await services.account.signIn({ apiKey: standIn.apiKey, sessionOnly: true });
    const download = Promise.resolve(services.handlers['files:download']({ id: file.id }, context)).then(
      () => 'finished',
      (error: unknown) => (error as { kind?: string }).kind ?? String(error),
    );
    await vi.waitFor(() => expect(readdirSync(downloads).some((name) => name.endsWith('.part'))).toBe(true));

    await services.dispose();
    expect(readdirSync(downloads)).toEqual([]);
    await expect(download).resolves.toBe('cancelled');
  });
});
