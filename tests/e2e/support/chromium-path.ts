import { existsSync } from 'node:fs';

/**
 * Flags for Chromium on this kind of machine: no sandbox (root), no GPU, and no background
 * traffic, which the closed network would refuse anyway.
 */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium, or null. Under CI a missing browser is a failure, not a skip. */
export function findChromium(): string | null {
  return CANDIDATES.find((path): path is string => !!path && existsSync(path)) ?? null;
}

export function chromiumOrSkipReason(): { path: string } | { skip: string } {
  const path = findChromium();
  if (path) return { path };
  if (process.env.CI)
    throw new Error(
      'CI=true but no Chromium found at /usr/bin/chromium: install it (apt-get install -y chromium).',
    );
  return {
    skip: 'No Chromium found (looked for /usr/bin/chromium; set CHROMIUM_PATH). End-to-end tests skipped.',
  };
}
