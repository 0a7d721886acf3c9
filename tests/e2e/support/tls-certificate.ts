import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A throwaway self-signed certificate for the real host names the extension talks to, so
 * the production build can call https://api.stripe.com while Chromium's resolver sends it to
 * the local emulator.
 */
export function makeTestCertificate(
  dir: string,
  hostNames: string[],
): { key: string; cert: string } {
  mkdirSync(dir, { recursive: true });
  const keyPath = join(dir, 'test-key.pem');
  const certPath = join(dir, 'test-cert.pem');
  const configPath = join(dir, 'openssl.cnf');
  writeFileSync(
    configPath,
    [
      '[req]',
      'distinguished_name = dn',
      'x509_extensions = ext',
      'prompt = no',
      '[dn]',
      'CN = stripe-helpdesk-actions test',
      '[ext]',
      `subjectAltName = ${hostNames.map((h) => `DNS:${h}`).join(',')},IP:127.0.0.1`,
      'basicConstraints = CA:FALSE',
      'keyUsage = digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
    ].join('\n'),
  );
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-config',
      configPath,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}
