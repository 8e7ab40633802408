// The built web host (dist/web-host.cjs) as a child process, driven over loopback HTTP the way the
// page drives it: IPC calls, staged bytes, event streams. For tests and benchmarks that measure
// the host process itself (its RSS) rather than a page.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
export const WEB_HOST_BUNDLE = path.join(root, 'dist', 'web-host.cjs');

export interface WebHostProcess {
  pid: number;
  port: number;
  origin: string;
  headers(extra?: Record<string, string>): Record<string, string>;
  ipc<T = unknown>(channel: string, input?: unknown): Promise<{ ok: true; data: T } | { ok: false; error: { kind: string; message: string } }>;
  stage(name: string, bytes: Buffer): Promise<string>;
  /** A reader of the event stream that counts bytes and keeps up. */
  readEvents(): Promise<{ bytes(): number; close(): void }>;
  /** A client that opens the event stream and never reads a byte. */
  stallEvents(): Promise<net.Socket>;
  /** Resident and peak resident memory of the host process, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number };
  stop(): Promise<void>;
}

function statusKiB(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = /^Ouro web host: (\S+)$/m.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
}

export async function startWebHostProcess(env: Record<string, string>): Promise<WebHostProcess> {
  const child = spawn(process.execPath, [WEB_HOST_BUNDLE], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new URL(await waitForUrl(child));
  const token = url.searchParams.get('token') ?? '';
  const port = Number(url.port);
  const origin = `http://127.0.0.1:${port}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const headers = (extra: Record<string, string> = {}) => ({ 'x-ouro-web-token': token, Origin: origin, ...extra });

  const request = (pathname: string, body: Buffer | string, type: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: pathname, method: 'POST', agent, headers: headers({ 'Content-Type': type }) }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}: ${text}`))));
      });
      req.on('error', reject);
      req.end(body);
    });

  return {
    pid: child.pid ?? 0,
    port,
    origin,
    headers,
    async ipc(channel, input) {
      return JSON.parse(await request(`/__ouro/ipc/${encodeURIComponent(channel)}`, JSON.stringify({ input }), 'application/json'));
    },
    async stage(name, bytes) {
      const result = JSON.parse(await request(`/__ouro/stage?name=${encodeURIComponent(name)}`, bytes, 'application/octet-stream')) as { ok: boolean; data?: { staged: string }; error?: unknown };
      if (!result.ok || !result.data) throw new Error(`staging ${name} failed: ${JSON.stringify(result.error)}`);
      return result.data.staged;
    },
    readEvents() {
      return new Promise((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/__ouro/events', headers: headers() }, (res) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            resolve({ bytes: () => bytes, close: () => res.destroy() });
          })
          .on('error', reject);
      });
    },
    stallEvents() {
      return new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(`GET /__ouro/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-ouro-web-token: ${token}\r\n\r\n`);
          socket.pause();
          resolve(socket);
        });
        socket.on('error', () => {});
      });
    },
    memory: () => ({ rss: statusKiB(child.pid ?? 0, 'VmRSS'), peak: statusKiB(child.pid ?? 0, 'VmHWM') }),
    async stop() {
      agent.destroy();
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
