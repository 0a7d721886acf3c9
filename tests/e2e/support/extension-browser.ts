import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { startStripeEmulator, type RunningEmulator } from '../../emulator/stripe-emulator';
import { QUIET_CHROMIUM_FLAGS } from './chromium-path';
import { startFixtureServer } from './fixture-server';
import { makeTestCertificate } from './tls-certificate';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const EXTENSION_DIR = join(REPO_ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(REPO_ROOT, 'tests/fixtures');
/** A helpdesk host the extension runs on from install, served from the fixtures folder. */
export const HELPDESK_ORIGIN = 'https://acme.zendesk.com';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  emulator: RunningEmulator['emulator'];
  close(): Promise<void>;
}

/**
 * The production build in real Chromium, with api.stripe.com and the helpdesk host mapped to
 * local TLS servers. The extension is not told anything: it calls https://api.stripe.com as
 * it would for a real user.
 */
export async function launchExtensionBrowser(options: {
  chromiumPath: string;
  headless?: boolean;
  stripePort?: number;
  /** Another unpacked build to load (the popup bench's floor); the production build by default. */
  extensionDir?: string;
}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const tmp = mkdtempSync(join(tmpdir(), 'sha-e2e-'));
  const tls = makeTestCertificate(tmp, [
    'api.stripe.com',
    'acme.zendesk.com',
    '*.zendesk.com',
    'localhost',
  ]);
  const stripe = await startStripeEmulator({ tls, port: options.stripePort });
  const fixtures = await startFixtureServer(FIXTURES_DIR, tls);
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: options.chromiumPath,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP api.stripe.com 127.0.0.1:${stripe.port}, MAP acme.zendesk.com 127.0.0.1:${fixtures.port}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      ...QUIET_CHROMIUM_FLAGS,
    ],
  });
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().endsWith('/background.js'),
    }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    emulator: stripe.emulator,
    async close() {
      await context.close();
      await Promise.all([stripe.close(), fixtures.close()]);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
