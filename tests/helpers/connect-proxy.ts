// A small HTTP CONNECT proxy on loopback, as corporate networks have: it opens a TCP tunnel to
// the host:port a client asks for and counts the tunnels, so a test can tell that a request went
// through it. It never sees inside a TLS tunnel.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { relayPair } from './socket-pair';

export interface ConnectProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The host:port of every tunnel opened, in order. */
  tunnels: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    // Only tunnels: a plain request through this proxy is a client bug.
    res.writeHead(405, { 'Content-Type': 'text/plain' }).end('CONNECT only');
  });
  server.on('connect', (req, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    const [host, port] = target.split(':');
    tunnels.push(target);
    const upstream = net.connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    relayPair(sockets, client, upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
