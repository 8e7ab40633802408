// Uploads, measured in one run against the stand-in on loopback (the stand-in runs in a child
// process, so its CPU and memory are its own):
//  - throughput of the app's streamed upload of a 1 GiB file vs. `curl -T` streaming the same,
//    precomputed JSON body from disk to the same endpoint (target: ratio ≥ 0.9);
//  - peak resident memory of this (uploading) process above its idle level vs. the Python SDK's
//    approach in a real python3 process: read the file, base64 it into one string, post it
//    (target: < 64 MiB);
//  - files per second for 500 files of 100 KiB through the queue at 1 vs. 3 at a time;
//  - the same 1 GiB upload through a local HTTP CONNECT proxy (a corporate network) vs. direct.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createOuroClient } from '../../electron/ouro/client';
import type { AgentFor } from '../../electron/ouro/body-transport';
import { createAgentFor } from '../../electron/network/proxy-agents';
import { startConnectProxy } from '../helpers/connect-proxy';
import { defaultUploadRetry, uploadBytes } from '../../electron/uploads/file-upload';
import { base64Chunks, planUploadBody } from '../../electron/uploads/upload-body';
import { contentTypeFor } from '../../electron/uploads/content-type';
import { grantedHandles, memorySecretStore, testServices } from '../helpers/services';
import type { Bench } from './bench-types';
import { startStandInChild, type StandInChild } from './stand-in-process';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const BIG = Number(process.env.OURO_BENCH_BYTES ?? GiB);
const SMALL_FILES = 500;
const SMALL_SIZE = 100 * 1024;

interface StoredUpload {
  fileName: string;
  size: number;
  sha256: string;
  path: string;
}

async function storedUploads(url: string): Promise<StoredUpload[]> {
  // A pooled keep-alive socket may have been closed by the server meanwhile: one retry.
  const response = await fetch(`${url}/__stand-in/uploads`).catch(() => fetch(`${url}/__stand-in/uploads`));
  return ((await response.json()) as { data: StoredUpload[] }).data;
}

/** Deletes what the stand-in stored, so three 1 GiB uploads do not need 3 GiB of disk. */
async function dropStored(url: string): Promise<void> {
  for (const upload of await storedUploads(url)) await rm(upload.path, { force: true });
}

async function standInMemory(url: string): Promise<{ rss: number; maxRss: number }> {
  const response = await fetch(`${url}/__stand-in/process`).catch(() => fetch(`${url}/__stand-in/process`));
  return ((await response.json()) as { data: { rss: number; maxRss: number } }).data;
}

async function writeBigFile(file: string, size: number): Promise<void> {
  // A 1 MiB random block repeated: quick to write, and never more than 1 MiB in this process.
  const block = randomBytes(MiB);
  const handle = await open(file, 'w');
  try {
    for (let written = 0; written < size; written += block.length) {
      await handle.write(block, 0, Math.min(block.length, size - written));
    }
  } finally {
    await handle.close();
  }
}

async function writeBody(file: string, source: string, size: number): Promise<number> {
  const plan = planUploadBody({ fileName: path.basename(source), visibility: 'private', contentType: contentTypeFor(source) }, size);
  const out = createWriteStream(file);
  out.write(plan.prefix);
  for await (const chunk of base64Chunks(source, size)) {
    if (!out.write(chunk.text, 'latin1')) await once(out, 'drain');
  }
  out.end(plan.suffix);
  await once(out, 'finish');
  return plan.contentLength;
}

async function token(url: string, apiKey: string): Promise<string> {
  const response = await fetch(`${url}/users/get-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pat: apiKey }) });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

function settleHeap(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

async function ourUpload(standIn: StandInChild, file: string, size: number, agentFor?: AgentFor): Promise<{ seconds: number; peakAboveIdle: number; ok: boolean }> {
  const client = createOuroClient({ baseUrl: standIn.url, fetch: globalThis.fetch, appVersion: 'bench', getApiKey: () => standIn.apiKey, ...(agentFor ? { agentFor } : {}) });
  await client.auth.ready(); // the key exchange is not part of the upload
  settleHeap();
  const idle = process.memoryUsage.rss();
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  const controller = new AbortController();
  await uploadBytes(
    client,
    { path: file, name: path.basename(file), size, visibility: 'private' },
    { signal: controller.signal, onBytes: () => {} },
    { sleep: async () => {}, random: Math.random, retry: { ...defaultUploadRetry, maxRetries: 0 } },
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const maxAfter = process.resourceUsage().maxRSS * 1024;
  // maxRSS is the true peak, but only says something about this upload if it rose during it.
  if (maxAfter > maxBefore) peak = Math.max(peak, maxAfter);
  const stored = await storedUploads(standIn.url);
  return { seconds, peakAboveIdle: peak - idle, ok: stored.some((u) => u.size === size) };
}

function curlUpload(standIn: StandInChild, body: string, jwt: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'POST', '-T', body, '-H', 'Content-Type: application/json', '-H', `Authorization: ${jwt}`, '-H', 'Expect:', `${standIn.url}/files/upload`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let status = '';
    child.stdout.on('data', (chunk: Buffer) => (status += chunk.toString()));
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0 && status === '200') resolve(seconds);
      else reject(new Error(`curl exited ${code} with HTTP ${status}`));
    });
  });
}

// What ouro-py's Files.upload does (ouro-api.md §4.3): the whole file, base64 in one string,
// one JSON body, one POST. Peak RSS is the process's own ru_maxrss above its RSS before reading.
const PYTHON_SDK_WAY = `
import base64, http.client, json, resource, sys, time, urllib.parse
def rss_kib():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
url, jwt, path = sys.argv[1], sys.argv[2], sys.argv[3]
idle = rss_kib()
start = time.perf_counter()
with open(path, 'rb') as f:
    data = f.read()
payload = {"file_name": path.rsplit('/', 1)[-1], "file_base64": base64.b64encode(data).decode("utf-8"), "visibility": "private", "content_type": None}
body = json.dumps(payload).encode("utf-8")
u = urllib.parse.urlparse(url)
conn = http.client.HTTPConnection(u.hostname, u.port)
conn.request("POST", "/files/upload", body=body, headers={"Content-Type": "application/json", "Authorization": jwt})
status = conn.getresponse().status
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"status": status, "seconds": seconds, "idle_kib": idle, "peak_kib": peak}))
`;

function pythonUpload(standIn: StandInChild, jwt: string, file: string): { seconds: number; peakAboveIdle: number } {
  const result = spawnSync('python3', ['-c', PYTHON_SDK_WAY, standIn.url, jwt, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout.trim()) as { status: number; seconds: number; idle_kib: number; peak_kib: number };
  if (parsed.status !== 200) throw new Error(`python upload answered HTTP ${parsed.status}`);
  return { seconds: parsed.seconds, peakAboveIdle: (parsed.peak_kib - parsed.idle_kib) * 1024 };
}

async function filesPerSecond(standIn: StandInChild, dir: string, names: string[], concurrency: number): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `ouro-bench-queue-${concurrency}-`));
  const services = testServices({
    apiBaseUrl: standIn.url,
    fetch: globalThis.fetch,
    keychain: memorySecretStore({ [standIn.url]: standIn.apiKey }),
    dataDir,
    uploads: { concurrency },
  });
  await services.start();
  await services.account.client().auth.ready();
  const started = performance.now();
  // As a drop does: main grants the files, the page adds them by their handles.
  await services.uploads.add({ granted: await grantedHandles(services, names.map((n) => path.join(dir, n))), staged: [], destination: { visibility: 'private' } });
  for (;;) {
    const items = services.uploads.list().items;
    if (items.every((i) => i.state === 'done' || i.state === 'failed' || i.state === 'cancelled')) {
      const failed = items.filter((i) => i.state !== 'done').length;
      if (failed) throw new Error(`${failed} uploads did not finish`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  await services.dispose();
  await rm(dataDir, { recursive: true, force: true });
  return names.length / seconds;
}

const bench: Bench = {
  name: 'Uploads',
  async run() {
    if (spawnSync('curl', ['--version']).status !== 0) throw new Error('curl is needed for the baseline (apt-get install curl)');
    const work = mkdtempSync(path.join(os.tmpdir(), 'ouro-bench-uploads-'));
    // Stored uploads go to memory where possible: this measures the upload path, not the disk.
    const storage = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'ouro-bench-stored-'));
    const standIn = await startStandInChild(storage);
    const proxy = await startConnectProxy();
    const viaProxy = createAgentFor({ proxyFor: () => proxy.url });
    try {
      const big = path.join(work, 'big.bin');
      const body = path.join(work, 'big.body.json');
      await writeBigFile(big, BIG);
      const bodyBytes = await writeBody(body, big, BIG);
      const jwt = await token(standIn.url, standIn.apiKey);
      const standInIdle = await standInMemory(standIn.url);
      console.log(`${(BIG / GiB).toFixed(2)} GiB file, ${(bodyBytes / 1e6).toFixed(0)} MB JSON body; stand-in at ${standIn.url}`);

      // Best of three for both, alternating, so neither gets a warmer cache or a quieter moment.
      const ours: Array<{ seconds: number; peakAboveIdle: number; ok: boolean }> = [];
      const proxied: Array<{ seconds: number; ok: boolean }> = [];
      const curl: number[] = [];
      for (let round = 0; round < 3; round++) {
        ours.push(await ourUpload(standIn, big, BIG));
        await dropStored(standIn.url);
        curl.push(await curlUpload(standIn, body, jwt));
        await dropStored(standIn.url);
        // Memory is read from the direct runs only: the proxy pipes in this process too.
        proxied.push(await ourUpload(standIn, big, BIG, viaProxy));
        await dropStored(standIn.url);
        console.log(`round ${round + 1}: app ${ours.at(-1)?.seconds.toFixed(2)} s, curl -T ${curl.at(-1)?.toFixed(2)} s, app via CONNECT proxy ${proxied.at(-1)?.seconds.toFixed(2)} s`);
      }
      if (!ours.every((o) => o.ok) || !proxied.every((o) => o.ok)) throw new Error('the stand-in did not store the full file');
      if (proxy.tunnels.length === 0) throw new Error('the proxied uploads did not go through the proxy');
      const proxiedBest = Math.min(...proxied.map((o) => o.seconds));
      const oursBest = Math.min(...ours.map((o) => o.seconds));
      const curlBest = Math.min(...curl);
      const oursPeak = Math.max(...ours.map((o) => o.peakAboveIdle));
      // The stand-in must not be what limits or distorts the figures: it streams too.
      const standInAfter = await standInMemory(standIn.url);
      await rm(body, { force: true });

      console.log('Python SDK way (whole file in memory)…');
      const python = pythonUpload(standIn, jwt, big);
      await dropStored(standIn.url);

      const smallDir = path.join(work, 'small');
      await rm(smallDir, { recursive: true, force: true });
      await mkdir(smallDir);
      const names: string[] = [];
      for (let i = 0; i < SMALL_FILES; i++) {
        const name = `small-${String(i).padStart(3, '0')}.bin`;
        await writeFile(path.join(smallDir, name), randomBytes(SMALL_SIZE));
        names.push(name);
      }
      console.log('500 files of 100 KiB at 1, then 3 at a time…');
      const one = await filesPerSecond(standIn, smallDir, names, 1);
      await dropStored(standIn.url);
      const three = await filesPerSecond(standIn, smallDir, names, 3);
      await dropStored(standIn.url);

      const mbps = (seconds: number) => BIG / MiB / seconds;
      const peakMiB = oursPeak / MiB;
      return {
        title: `Uploads: ${(BIG / GiB).toFixed(2)} GiB file and ${SMALL_FILES} × 100 KiB, against the stand-in (child process) on loopback`,
        rows: [
          { metric: 'throughput (file bytes)', unit: 'MiB/s', value: mbps(oursBest), baseline: mbps(curlBest), baselineLabel: 'curl -T precomputed body', better: 'higher', target: { ratio: 0.9, comparison: '>=' } },
          { metric: 'throughput through a CONNECT proxy', unit: 'MiB/s', value: mbps(proxiedBest), baseline: mbps(oursBest), baselineLabel: 'app direct', better: 'higher' },
          { metric: 'peak RSS above idle', unit: 'MiB', value: peakMiB, baseline: python.peakAboveIdle / MiB, baselineLabel: 'Python SDK way', better: 'lower' },
          { metric: 'upload time', unit: 's', value: oursBest, baseline: python.seconds, baselineLabel: 'Python SDK way', better: 'lower' },
          { metric: 'files per second', unit: 'files/s', value: three, baseline: one, baselineLabel: '1 at a time', better: 'higher' },
        ],
        notes: [
          `memory target < 64 MiB above idle: ${peakMiB < 64 ? 'met' : 'NOT met'} (${peakMiB.toFixed(1)} MiB; sampled every 5 ms and checked against ru_maxrss)`,
          `times are the best of 3 alternating runs; app runs: ${ours.map((o) => o.seconds.toFixed(2)).join(', ')} s; curl: ${curl.map((c) => c.toFixed(2)).join(', ')} s; via the proxy: ${proxied.map((o) => o.seconds.toFixed(2)).join(', ')} s`,
          `the CONNECT proxy (tests/helpers/connect-proxy.ts) runs in the uploading process, piping the tunnel (${proxy.tunnels.length} tunnels opened), the way https-proxy-agent is used in the app`,
          'the Python SDK way runs in python3 (base64.b64encode → one str → json.dumps → one POST), as ouro-py does',
          `stand-in (streams, in its own process): peak RSS ${(standInAfter.maxRss / MiB).toFixed(0)} MiB after six ${(BIG / GiB).toFixed(2)} GiB uploads (idle ${(standInIdle.rss / MiB).toFixed(0)} MiB); it decodes, hashes and stores every byte, so it is the ceiling for curl and the app alike`,
          `the stand-in runs in its own process and stores to ${storage.startsWith('/dev/shm') ? 'tmpfs (/dev/shm)' : 'the temp folder'}; load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
        ],
      };
    } finally {
      await proxy.close();
      await standIn.stop();
      await rm(work, { recursive: true, force: true });
      await rm(storage, { recursive: true, force: true });
    }
  },
};

export default bench;
