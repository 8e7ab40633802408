// The test relays' shared plumbing (the CONNECT proxy and the TLS front): a client socket and its
// upstream are tracked for close(), and an error on either end tears down both.
import type net from 'node:net';

export function relayPair(sockets: Set<net.Socket>, client: net.Socket, upstream: net.Socket): void {
  for (const socket of [client, upstream]) {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
  }
}
