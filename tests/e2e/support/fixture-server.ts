import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Under this path, a fixture is served with the strictest policy a helpdesk could set (Gmail
 * sets one of this family): no script of the page's own runs, no inline style or frame, no
 * request anywhere, Trusted Types required.
 */
export const STRICT_CSP_PREFIX = '/strict-csp';
const STRICT_CSP =
  "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; frame-src 'none'; connect-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** Serves the helpdesk-like fixture pages over HTTPS on loopback. */
export async function startFixtureServer(root: string, tls: { key: string; cert: string }) {
  const server = createServer(tls, async (req, res) => {
    const requested = new URL(req.url ?? '/', 'https://fixture').pathname;
    const strict = requested.startsWith(`${STRICT_CSP_PREFIX}/`);
    const path = strict ? requested.slice(STRICT_CSP_PREFIX.length) : requested;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res
        .writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          ...(strict ? { 'Content-Security-Policy': STRICT_CSP } : {}),
        })
        .end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
