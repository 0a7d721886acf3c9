/**
 * `npm run demo`: the built extension in Chromium against the local Stripe emulator, with a
 * sample helpdesk ticket open and a test key already saved through the options page. No
 * Stripe account needed. `npm run demo -- --headless` runs the same without a window, saves
 * a screenshot, prints where everything is, and keeps running until Ctrl+C (`--once` exits).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OptionsPage } from '../e2e/pages/options-page';
import { TicketPage } from '../e2e/pages/ticket-page';
import { findChromium } from '../e2e/support/chromium-path';
import {
  EXTENSION_DIR,
  HELPDESK_ORIGIN,
  REPO_ROOT,
  launchExtensionBrowser,
} from '../e2e/support/extension-browser';
import { SEED_EMAILS, SEED_IDS } from '../emulator/seed-data';

const args = new Set(process.argv.slice(2));
const noDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = args.has('--headless') || noDisplay;
const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error(
    'No Chromium found at /usr/bin/chromium. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
if (noDisplay && !args.has('--headless')) console.log('No display found: running headless.');

const browser = await launchExtensionBrowser({ chromiumPath, headless, stripePort: 12111 });
const options = await OptionsPage.open(browser.context, browser.extensionId);
await options.saveKey(browser.emulator.keys.testSecret);
const ticket = await TicketPage.open(browser.context);
await ticket.page.bringToFront();

console.log(`
Stripe Actions demo is running.
  Extension build : ${EXTENSION_DIR}
  Extension ID    : ${browser.extensionId}
  Options page    : chrome-extension://${browser.extensionId}/options.html
  Sample ticket   : ${HELPDESK_ORIGIN}/ticket.html   (served locally; Chromium maps the name)
  Stripe emulator : https://api.stripe.com -> https://127.0.0.1:12111 (test key saved for you)
    requests log  : curl -k https://127.0.0.1:12111/__emulator/requests
  Ticket with an email only : ${HELPDESK_ORIGIN}/requester.html
Click a highlighted ID in the ticket, e.g. ${SEED_IDS.openSession.slice(0, 24)}…, or an email
address (${SEED_EMAILS.alex} has two customers).
`);

if (headless) {
  const card = await ticket.openCard(SEED_IDS.openSession);
  await card.getByRole('button', { name: 'Expire session' }).waitFor();
  // The card is a frame of its own: once its button exists, wait for it to be drawn too, or
  // the screenshot can show the card half painted (seen once, on a busy machine).
  await card.evaluate(
    () => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))),
  );
  const dir = join(REPO_ROOT, 'tests/.tmp');
  mkdirSync(dir, { recursive: true });
  await ticket.page.screenshot({ path: join(dir, 'demo.png') });
  console.log(
    `Headless: opened the card for the open session; screenshot at ${join(dir, 'demo.png')}`,
  );
}
if (args.has('--once')) {
  await browser.close();
} else {
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await browser.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.context.on('close', () => void stop());
}
