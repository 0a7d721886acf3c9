/**
 * `npm run bench:popup`: how long the toolbar popup takes to open on a warm browser.
 *
 * The real popup is opened with `action.openPopup()` (what the toolbar button and the
 * shortcut do) and read through the DevTools protocol. Chrome keeps a popup hidden until
 * its page has loaded, so the figure that matters is its first contentful paint. Reported
 * from the `openPopup()` call (the click) and from the popup's navigation start, with
 * `popup-interactive` (scripts ran) and `popup-ready` (the frame after the account is known).
 *
 * `--floor` measures the same build with its popup page replaced by one line of HTML: what
 * this machine and Chrome take to show any popup at all.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveTestKey } from '../e2e/pages/options-page';
import { TicketPage } from '../e2e/pages/ticket-page';
import { findChromium } from '../e2e/support/chromium-path';
import { EXTENSION_DIR, launchExtensionBrowser } from '../e2e/support/extension-browser';
import { ToolbarPopup } from '../e2e/support/toolbar-popup';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const floor = process.argv.includes('--floor');
const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found at /usr/bin/chromium (set CHROMIUM_PATH).');
let extensionDir: string | undefined;
if (floor) {
  extensionDir = mkdtempSync(join(tmpdir(), 'popup-floor-'));
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, 'popup.html'), '<!doctype html><title>x</title><p>Hello');
}
const browser = await launchExtensionBrowser({ chromiumPath, extensionDir });
await saveTestKey(browser);
const ticket = await TicketPage.open(browser.context);

interface Open {
  clickToPaint: number;
  firstPaint: number;
  interactive: number;
  ready: number;
  loaded: number;
}
const opens: Open[] = [];
for (let run = 0; run < RUNS; run++) {
  const { popup, clickedAt } = await ToolbarPopup.open(browser, ticket.page);
  const timings = await popup.evaluate<Omit<Open, 'clickToPaint'> & { timeOrigin: number }>(
    `new Promise((resolve) => {
      const read = () => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
        const navigation = performance.getEntriesByType('navigation')[0];
        if (at('first-contentful-paint') === undefined || (!${floor} && at('popup-ready') === undefined) || !navigation?.loadEventEnd)
          return setTimeout(read, 10);
        resolve({
          timeOrigin: performance.timeOrigin,
          firstPaint: at('first-contentful-paint'),
          interactive: at('popup-interactive'),
          ready: at('popup-ready'),
          loaded: navigation.loadEventEnd,
        });
      };
      read();
    })`,
  );
  opens.push({
    clickToPaint: timings.timeOrigin + timings.firstPaint - clickedAt,
    firstPaint: timings.firstPaint,
    interactive: timings.interactive,
    ready: timings.ready,
    loaded: timings.loaded,
  });
  await popup.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
}
await browser.close();
if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });

const quantiles = (values: number[]) => {
  const warm = values.slice(1).sort((a, b) => a - b);
  const at = (q: number) =>
    warm[Math.min(warm.length - 1, Math.floor(q * warm.length))]!.toFixed(1);
  return `median ${at(0.5)}, p90 ${at(0.9)} (cold first open ${values[0]!.toFixed(1)})`;
};
console.log(
  `Toolbar popup${floor ? ' (floor: a one-line page)' : ''}, ${RUNS - 1} warm opens (ms):`,
);
console.log(`  click to first paint: ${quantiles(opens.map((o) => o.clickToPaint))}`);
console.log(`  navigation start to first paint: ${quantiles(opens.map((o) => o.firstPaint))}`);
console.log(`  load event end: ${quantiles(opens.map((o) => o.loaded))}`);
if (!floor) {
  console.log(`  interactive (scripts ran): ${quantiles(opens.map((o) => o.interactive))}`);
  console.log(`  ready (account loaded, next frame): ${quantiles(opens.map((o) => o.ready))}`);
}
