// The network a person's computer has, on loopback: the stand-in served over TLS with a
// certificate only the injected "system" store trusts, behind an HTTP CONNECT proxy. JSON calls
// (fetch) and streamed upload bodies (node:http through the host's agent) both go through the
// proxy and trust that store; without it, both fail with a clear untrusted-certificate error.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOuroClient } from '../../electron/ouro/client';
import { createNodeNetwork } from '../../electron/network/node-network';
import { proxyFromPac } from '../../electron/network/proxy-agents';
import type { MainServices } from '../../electron/services';
import { defaultUploadRetry, uploadBytes } from '../../electron/uploads/file-upload';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy';
import { failure } from '../helpers/failure';
import { grantedHandles, signedInServices } from '../helpers/services';
import { startTlsFront, testCa, type TlsFront } from '../helpers/tls-front';
import { startStandIn, type StandIn } from '../stand-in/index';

let standIn: StandIn;
let front: TlsFront;
let proxy: ConnectProxy;
let workDir: string;
const running: MainServices[] = [];

beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
  front = await startTlsFront(standIn.url);
  proxy = await startConnectProxy();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-network-it-'));
});
afterEach(async () => {
  proxy.tunnels.length = 0;
  for (const services of running.splice(0)) await services.dispose();
});
afterAll(async () => {
  await proxy.close();
  await front.close();
  await standIn.close();
  await rm(workDir, { recursive: true, force: true });
});

const frontHost = () => new URL(front.url).host;
const throughProxy = (systemCa: readonly string[]) => createNodeNetwork({ env: {}, proxyFor: () => proxy.url, systemCa });
const instant = { sleep: async () => {}, random: () => 0, retry: { ...defaultUploadRetry, maxRetries: 0 } };

function file(name: string, bytes: Buffer): string {
  const target = path.join(workDir, name);
  writeFileSync(target, bytes);
  return target;
}

describe('through a CONNECT proxy to Ouro over TLS', () => {
  it('JSON calls and uploads go through the proxy and trust the system store', async () => {
    const network = throughProxy([testCa]);
    const services = await signedInServices({ url: front.url, apiKey: standIn.apiKey }, running, network);
    expect(await services.account.state()).toMatchObject({ status: 'signed-in', connection: 'online' });
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    const bytes = randomBytes(300_000);
    await services.uploads.add({ granted: await grantedHandles(services, [file('via-proxy.bin', bytes)]), staged: [], destination: { visibility: 'private' } });
    await expect.poll(() => services.uploads.list().items[0]?.state, { timeout: 15_000 }).toMatch(/^(done|failed|cancelled)$/);
    expect(services.uploads.list().items[0]?.error ?? null).toBeNull();
    expect(services.uploads.list().items[0]).toMatchObject({ state: 'done' });
    const stored = standIn.uploads().find((upload) => upload.fileName === 'via-proxy.bin');
    expect(stored?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // Every connection went through the proxy, to the TLS front and nowhere else.
    expect(new Set(proxy.tunnels)).toEqual(new Set([frontHost()]));
    const uploadPost = standIn.log.findLast((entry) => entry.path === '/files/upload');
    expect(uploadPost).toMatchObject({ method: 'POST', status: 200 });
  });

  it('without the CA in the system store, a JSON call fails as an untrusted certificate, not as offline', async () => {
    const network = throughProxy([]);
    const client = createOuroClient({ baseUrl: front.url, appVersion: 'test', getApiKey: () => standIn.apiKey, fetch: network.fetch, agentFor: network.agentFor, retry: { maxRetries: 0 } });
    const error = await failure(client.users.profile());
    expect(error.kind).toBe('untrusted-certificate');
    expect(error.message).toMatch(/certificate presented for Ouro is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    expect(proxy.tunnels).toContain(frontHost());
  });

  it('an upload body whose agent lacks the CA fails the same way, and is not retried', async () => {
    const trusting = throughProxy([testCa]);
    const untrusting = throughProxy([]);
    const client = createOuroClient({ baseUrl: front.url, appVersion: 'test', getApiKey: () => standIn.apiKey, fetch: trusting.fetch, agentFor: untrusting.agentFor });
    const before = standIn.log.filter((entry) => entry.path === '/files/upload').length;
    const bytes = randomBytes(10_000);
    const retried: string[] = [];
    const job = { path: file('untrusted.bin', bytes), name: 'untrusted.bin', size: bytes.length, visibility: 'private' };
    const hooks = { signal: new AbortController().signal, onBytes: () => {}, onRetry: (e: { kind: string }) => void retried.push(e.kind) };
    const error = await failure(uploadBytes(client, job, hooks, { ...instant, retry: defaultUploadRetry }));
    expect(error.kind).toBe('untrusted-certificate');
    expect(retried).toEqual([]);
    expect(standIn.log.filter((entry) => entry.path === '/files/upload')).toHaveLength(before);
  });
});

describe("Chromium's proxy answers (session.resolveProxy)", () => {
  it.each([
    ['DIRECT', null],
    ['PROXY proxy.corp:8080', 'http://proxy.corp:8080'],
    ['PROXY proxy.corp:8080; DIRECT', 'http://proxy.corp:8080'],
    ['HTTPS secure.corp:443', 'https://secure.corp:443'],
    ['SOCKS5 socks.corp:1080; PROXY proxy.corp:3128', 'http://proxy.corp:3128'],
    ['SOCKS5 socks.corp:1080', null],
    ['', null],
  ])('%j → %s', (answer, proxyUrl) => {
    expect(proxyFromPac(answer)).toBe(proxyUrl);
  });
});
