import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startStripeEmulator, type RunningEmulator } from '../../emulator/stripe-emulator';
import { QUIET_CHROMIUM_FLAGS } from './chromium-path';
import { startFixtureServer } from './fixture-server';
import { makeTestCertificate } from './tls-certificate';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const EXTENSION_DIR = join(REPO_ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(REPO_ROOT, 'tests/fixtures');
/** A helpdesk host the extension runs on from install, served from the fixtures folder. */
export const HELPDESK_ORIGIN = 'https://acme.zendesk.com';
/** A helpdesk the extension does not declare, served from the same fixtures. */
export const UNDECLARED_HOST = 'support.acme.example';
export const UNDECLARED_ORIGIN = `https://${UNDECLARED_HOST}`;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The running background; updateExtension replaces it. */
  serviceWorker: Worker;
  extensionDir: string;
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
    UNDECLARED_HOST,
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
      `--host-resolver-rules=MAP api.stripe.com 127.0.0.1:${stripe.port}, MAP acme.zendesk.com 127.0.0.1:${fixtures.port}, MAP ${UNDECLARED_HOST} 127.0.0.1:${fixtures.port}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      // The DevTools protocol's Extensions domain: reinstall (an update), click the toolbar button.
      '--enable-unsafe-extension-debugging',
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
    extensionDir,
    emulator: stripe.emulator,
    async close() {
      await context.close();
      await Promise.all([stripe.close(), fixtures.close()]);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Installs the build again over itself, as Chrome does when it updates an extension: the
 * same ID, a new background, and content scripts already in open tabs cut off.
 */
export async function updateExtension(extension: ExtensionBrowser): Promise<void> {
  const isNewBackground = (w: Worker) =>
    w !== extension.serviceWorker && w.url().endsWith('/background.js');
  const started = extension.context.waitForEvent('serviceworker', { predicate: isNewBackground });
  const browserSession = await extension.context.browser()!.newBrowserCDPSession();
  const { id } = await browserSession.send('Extensions.loadUnpacked', {
    path: extension.extensionDir,
  });
  await browserSession.detach();
  if (id !== extension.extensionId)
    throw new Error(`The update came back as another extension: ${id}`);
  extension.serviceWorker = await started;
}

/**
 * Clicks the extension's toolbar button over `page`, as the agent does: the popup opens and
 * the extension gets access to the tab (activeTab), which `action.openPopup()` does not give.
 */
export async function clickToolbarButton(extension: ExtensionBrowser, page: Page): Promise<void> {
  await page.bringToFront();
  const browserSession = await extension.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await browserSession.send('Target.getTargets', {
    filter: [{ type: 'tab' }],
  });
  const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === page.url());
  if (tabs.length !== 1)
    throw new Error(`Expected one tab showing ${page.url()}, found ${tabs.length}`);
  await browserSession.send('Extensions.triggerAction', {
    id: extension.extensionId,
    targetId: tabs[0]!.targetId,
  });
  await browserSession.detach();
}
