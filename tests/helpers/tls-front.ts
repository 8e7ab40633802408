// Serves a plain-HTTP server (the stand-in) over TLS with the test CA's certificate
// (tests/fixtures/tls): a TLS terminator that pipes each connection to the target's port.
import { readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { relayPair } from './socket-pair';

const dir = path.resolve(__dirname, '../fixtures/tls');
/** The test CA: the only "system" store that trusts the front's certificate. */
export const testCa = readFileSync(path.join(dir, 'ca.pem'), 'utf8');

export interface TlsFront {
  /** `https://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

export async function startTlsFront(targetUrl: string): Promise<TlsFront> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ key: readFileSync(path.join(dir, 'server-key.pem')), cert: readFileSync(path.join(dir, 'server.pem')) }, (client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    client.pipe(upstream);
    upstream.pipe(client);
    relayPair(sockets, client, upstream);
  });
  // A client refusing the certificate ends the handshake; that is what some tests expect.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
