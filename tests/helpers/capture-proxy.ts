// A loopback proxy in front of the stand-in that keeps every request body exactly as the client
// sent it (fetch and the streamed node:http upload alike), for contract tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  path: string;
  body: string;
}

export interface CaptureProxy {
  url: string;
  captured: CapturedRequest[];
  close(): Promise<void>;
}

export async function startCaptureProxy(target: string): Promise<CaptureProxy> {
  const upstreamUrl = new URL(target);
  const captured: CapturedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    const upstream = http.request(
      { hostname: upstreamUrl.hostname, port: upstreamUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstreamUrl.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => captured.push({ method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://x').pathname, body: Buffer.concat(chunks).toString('utf8') }));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    captured,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
