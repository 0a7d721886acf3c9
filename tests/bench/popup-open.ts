/**
 * `npm run bench:popup`: how long the toolbar popup takes to open on a warm browser.
 *
 * The real popup is opened with `action.openPopup()` (what the toolbar button and the
 * shortcut do) and read through the DevTools protocol. Chrome keeps a popup hidden until
 * its page has loaded, so the figure that matters is its first contentful paint. Reported
 * from the `openPopup()` call (the click) and from the popup's navigation start, with
 * `popup-interactive` (scripts ran) and `popup-ready` (the frame after the account is known).
 *
 * Each round also opens a floor: the same build's popup swapped (`action.setPopup`) for one
 * line of HTML, what this machine and Chrome take to show any popup at all. The two take
 * turns in one browser, so a machine that slows down for a while slows both alike.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveTestKey } from '../e2e/pages/options-page';
import { TicketPage } from '../e2e/pages/ticket-page';
import { findChromium } from '../e2e/support/chromium-path';
import { EXTENSION_DIR, launchExtensionBrowser } from '../e2e/support/extension-browser';
import { ToolbarPopup } from '../e2e/support/toolbar-popup';
import { median, quantile } from './stats';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 31;
const FLOOR_PAGE = 'popup-floor.html';
const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found at /usr/bin/chromium (set CHROMIUM_PATH).');
const extensionDir = mkdtempSync(join(tmpdir(), 'popup-bench-'));
cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
writeFileSync(join(extensionDir, FLOOR_PAGE), '<!doctype html><title>x</title><p>Hello');
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
type Page = 'popup' | 'floor';
const opens: Record<Page, Open[]> = { popup: [], floor: [] };

async function openOnce(page: Page): Promise<Open> {
  const isFloor = page === 'floor';
  await browser.serviceWorker.evaluate(
    `chrome.action.setPopup({ popup: '${isFloor ? FLOOR_PAGE : 'popup.html'}' })`,
  );
  const { popup, clickedAt } = await ToolbarPopup.open(
    browser,
    ticket.page,
    isFloor ? `/${FLOOR_PAGE}` : undefined,
  );
  const timings = await popup.evaluate<Omit<Open, 'clickToPaint'> & { timeOrigin: number }>(
    `new Promise((resolve) => {
      const read = () => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
        const navigation = performance.getEntriesByType('navigation')[0];
        if (at('first-contentful-paint') === undefined || (!${isFloor} && at('popup-ready') === undefined) || !navigation?.loadEventEnd)
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
  await popup.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    clickToPaint: timings.timeOrigin + timings.firstPaint - clickedAt,
    firstPaint: timings.firstPaint,
    interactive: timings.interactive,
    ready: timings.ready,
    loaded: timings.loaded,
  };
}

for (let run = 0; run < RUNS; run++) {
  const order: Page[] = run % 2 ? ['floor', 'popup'] : ['popup', 'floor'];
  for (const page of order) opens[page].push(await openOnce(page));
}
await browser.close();
rmSync(extensionDir, { recursive: true, force: true });

const quantiles = (values: number[]) => {
  const at = (q: number) => quantile(values.slice(1), q).toFixed(1);
  return `median ${at(0.5)}, p90 ${at(0.9)} (cold first open ${values[0]!.toFixed(1)})`;
};
console.log(`Toolbar popup, ${RUNS - 1} warm opens each, taking turns with the floor (ms):`);
for (const page of ['popup', 'floor'] as const) {
  const of = opens[page];
  console.log(page === 'popup' ? 'popup.html:' : 'floor (a one-line page):');
  console.log(`  click to first paint: ${quantiles(of.map((o) => o.clickToPaint))}`);
  console.log(`  navigation start to first paint: ${quantiles(of.map((o) => o.firstPaint))}`);
  console.log(`  load event end: ${quantiles(of.map((o) => o.loaded))}`);
  if (page === 'popup') {
    console.log(`  interactive (scripts ran): ${quantiles(of.map((o) => o.interactive))}`);
    console.log(`  ready (account loaded, next frame): ${quantiles(of.map((o) => o.ready))}`);
  }
}
// Each round's two opens saw the same machine: their difference is steadier than either.
const overFloor = opens.popup
  .slice(1)
  .map((open, round) => open.firstPaint - opens.floor[round + 1]!.firstPaint);
console.log(`popup minus floor, same round, first paint: median ${median(overFloor).toFixed(1)}`);
