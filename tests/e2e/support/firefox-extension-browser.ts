import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type Browser } from 'puppeteer-core';
import { startStripeEmulator, type RunningEmulator } from '../../emulator/stripe-emulator';
import { FIXTURES_DIR, REPO_ROOT, UNDECLARED_HOST } from './extension-browser';
import { startFixtureServer } from './fixture-server';
import { browserOrSkipReason } from './installed-browser';
import { startConnectProxy } from './connect-proxy';
import { makeTestCertificate } from './tls-certificate';
import { useFirefoxEsrFallbacks } from './firefox-esr-fallbacks';

export const FIREFOX_EXTENSION_DIR = join(REPO_ROOT, '.output/firefox-mv3');
const ADDON_ID = 'stripe-helpdesk-actions@example.org';
/** Fixed so the tests know the extension's origin (Firefox picks a random one otherwise). */
export const FIREFOX_EXTENSION_UUID = '0d6f7a2e-3c1b-4a5e-9f00-5e1f0c0ffee1';

export const firefoxOrSkipReason = () =>
  browserOrSkipReason({
    name: 'Firefox',
    candidates: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
    envVariable: 'FIREFOX_PATH',
    install: 'install it (apt-get install -y firefox-esr)',
  });

export interface FirefoxExtensionBrowser {
  browser: Browser;
  emulator: RunningEmulator['emulator'];
  close(): Promise<void>;
}

/**
 * The Firefox build (`npm run build:firefox`) installed in Firefox over WebDriver BiDi, with
 * api.stripe.com and acme.zendesk.com tunnelled to local TLS servers. As with Chromium, the
 * extension is told nothing and calls https://api.stripe.com as shipped.
 */
export async function launchFirefoxWithExtension(
  firefoxPath: string,
  options: {
    /**
     * An organisation's policy, as Firefox's per-user managed storage manifest
     * (~/.mozilla/managed-storage/<add-on ID>.json, with HOME pointed at this run's folder so
     * that it reaches this browser alone). Firefox reads it at start.
     */
    managedPolicy?: Record<string, unknown>;
    /**
     * How long the background event page may idle before Firefox suspends it (30 s by
     * default): short, it is suspended in the middle of a request, as Chrome stops a worker.
     */
    backgroundIdleMs?: number;
  } = {},
) {
  const tmp = mkdtempSync(join(tmpdir(), 'sha-firefox-'));
  const home = join(tmp, 'home');
  if (options.managedPolicy) {
    const folder = join(home, '.mozilla', 'managed-storage');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, `${ADDON_ID}.json`),
      JSON.stringify({
        name: ADDON_ID,
        description: 'e2e policy',
        type: 'storage',
        data: options.managedPolicy,
      }),
    );
  }
  const tls = makeTestCertificate(tmp, [
    'api.stripe.com',
    'acme.zendesk.com',
    UNDECLARED_HOST,
    'localhost',
  ]);
  const stripe = await startStripeEmulator({ tls });
  const fixtures = await startFixtureServer(FIXTURES_DIR, tls);
  const proxy = await startConnectProxy({
    'api.stripe.com:443': stripe.port,
    'acme.zendesk.com:443': fixtures.port,
    [`${UNDECLARED_HOST}:443`]: fixtures.port,
  });
  const browser = await launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    // The session's own switch for the throwaway certificate: no profile change needed.
    acceptInsecureCerts: true,
    // Every tab's size, set as each opens. Not page.setViewport: with it Puppeteer also sends
    // emulation.setScreenOrientationOverride, which Firefox 140 ESR refuses, failing the call.
    defaultViewport: { width: 1280, height: 860 },
    userDataDir: join(tmp, 'profile'),
    ...(options.managedPolicy ? { env: { ...process.env, HOME: home } } : {}),
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: FIREFOX_EXTENSION_UUID }),
      // A site's access is granted without the prompt, which no driver can answer.
      'extensions.webextOptionalPermissionPrompts': false,
      ...(options.backgroundIdleMs
        ? { 'extensions.background.idle.timeout': options.backgroundIdleMs }
        : {}),
    },
  });
  await useFirefoxEsrFallbacks(browser);
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    emulator: stripe.emulator,
    async close() {
      await browser.close();
      await Promise.all([proxy.close(), stripe.close(), fixtures.close()]);
      rmSync(tmp, { recursive: true, force: true });
    },
  } satisfies FirefoxExtensionBrowser;
}
