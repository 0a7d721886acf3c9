import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * An HTTPS proxy that tunnels only the named host:port pairs, each to a local port, and
 * refuses everything else. Firefox has no host-resolver rule like Chromium's, so this is how
 * its production build reaches https://api.stripe.com (the emulator) and the helpdesk page.
 */
export async function startConnectProxy(routes: Record<string, number>) {
  const refused: string[] = [];
  /**
   * Tunnels' sockets. Once a CONNECT is answered, the HTTP server no longer counts its socket
   * as a connection: `closeAllConnections` leaves it open, and `close` waited on a tunnel the
   * browser left half-open (a 60 s hang in 2 of 6 runs of firefox.e2e.ts).
   */
  const tunnels = new Set<Socket>();
  const track = (socket: Socket) => {
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
  };
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    track(client);
    const port = routes[req.url ?? ''];
    if (!port) {
      refused.push(req.url ?? '');
      return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    /** Hosts the browser tried to reach and was refused (its own background traffic). */
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
