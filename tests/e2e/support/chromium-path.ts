import { browserOrSkipReason, findBrowser } from './installed-browser';

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

const CHROMIUM = {
  name: 'Chromium',
  candidates: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
  envVariable: 'CHROMIUM_PATH',
  install: 'install it (apt-get install -y chromium)',
};

/** Debian's Chromium, or null. */
export const findChromium = () => findBrowser(CHROMIUM.candidates);

export const chromiumOrSkipReason = () => browserOrSkipReason(CHROMIUM);
