import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * An HTTPS proxy that tunnels only the named host:port pairs, each to a local port, and
 * refuses everything else. Firefox has no host-resolver rule like Chromium's, so this is how
 * its production build reaches https://api.stripe.com (the emulator) and the helpdesk page.
 */
export async function startConnectProxy(routes: Record<string, number>) {
  const refused: string[] = [];
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
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
        server.close(() => resolve());
      }),
  };
}
