/**
 * `npm run bench:popup`: how long the toolbar popup takes to open on a warm browser.
 *
 * The real popup is opened with `action.openPopup()` (what the toolbar button and the
 * shortcut do) and read through the DevTools protocol. Chrome keeps a popup hidden until
 * its page has loaded, so the figure that matters is its first contentful paint. Reported
 * from the `openPopup()` call (the click) and from the popup's navigation start, with
 * `popup-interactive` (scripts ran) and `popup-ready` (the frame after the account is known).
 *
 * Each round also opens the same build's popup swapped (`action.setPopup`) for:
 * - one line of HTML, what this machine and Chrome take to show any popup at all;
 * - a blank box of the popup's first frame's size, with one word: what they take to show a
 *   popup that large (a larger popup takes longer to lay out, draw and put on screen);
 * - popup.html without its script: the first frame's markup and styles alone.
 * All take turns in one browser, so a machine that slows down for a while slows all alike.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const SIZED_FLOOR_PAGE = 'popup-sized-floor.html';
/** popup.html without its script: its first frame, which stays as it is. */
const SHELL_PAGE = 'popup-shell.html';
const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found at /usr/bin/chromium (set CHROMIUM_PATH).');
const extensionDir = mkdtempSync(join(tmpdir(), 'popup-bench-'));
cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
writeFileSync(join(extensionDir, FLOOR_PAGE), '<!doctype html><title>x</title><p>Hello');
writeFileSync(
  join(extensionDir, SHELL_PAGE),
  readFileSync(join(extensionDir, 'popup.html'), 'utf8').replace(/<script\b[^>]*><\/script>/g, ''),
);
const browser = await launchExtensionBrowser({ chromiumPath, extensionDir });
await saveTestKey(browser);
const ticket = await TicketPage.open(browser.context);

// The first frame's size, read in a tab (a popup's first open would no longer be cold).
const shellTab = await browser.context.newPage();
await shellTab.goto(`chrome-extension://${browser.extensionId}/${SHELL_PAGE}`);
const shellSize = await shellTab.evaluate(() => ({
  width: Math.ceil(document.querySelector('main')!.getBoundingClientRect().width),
  height: Math.ceil(document.body.getBoundingClientRect().height),
}));
await shellTab.close();
writeFileSync(
  join(extensionDir, SIZED_FLOOR_PAGE),
  `<!doctype html><title>x</title><style>body{margin:0}</style><div style="width:${shellSize.width}px;height:${shellSize.height}px">Hello</div>`,
);

interface Open {
  clickToPaint: number;
  firstPaint: number;
  interactive: number;
  ready: number;
  loaded: number;
}
const PAGES = {
  popup: 'popup.html',
  floor: FLOOR_PAGE,
  sizedFloor: SIZED_FLOOR_PAGE,
  shell: SHELL_PAGE,
} as const;
type Page = keyof typeof PAGES;
const opens: Record<Page, Open[]> = { popup: [], floor: [], sizedFloor: [], shell: [] };

async function openOnce(page: Page): Promise<Open> {
  const isFloor = page !== 'popup';
  await browser.serviceWorker.evaluate(`chrome.action.setPopup({ popup: '${PAGES[page]}' })`);
  const { popup, clickedAt } = await ToolbarPopup.open(browser, ticket.page, `/${PAGES[page]}`);
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

const ORDER: Page[] = ['popup', 'floor', 'sizedFloor', 'shell'];
for (let run = 0; run < RUNS; run++) {
  // Each page goes first in turn.
  const order = ORDER.map((_, i) => ORDER[(i + run) % ORDER.length]!);
  for (const page of order) opens[page].push(await openOnce(page));
}
await browser.close();
rmSync(extensionDir, { recursive: true, force: true });

const quantiles = (values: number[]) => {
  const at = (q: number) => quantile(values.slice(1), q).toFixed(1);
  return `median ${at(0.5)}, p90 ${at(0.9)} (cold first open ${values[0]!.toFixed(1)})`;
};
const TITLES: Record<Page, string> = {
  popup: 'popup.html:',
  floor: 'floor (a one-line page):',
  sizedFloor: `sized floor (a blank ${shellSize.width} × ${shellSize.height} px page, the first frame's size):`,
  shell: 'popup.html without its script:',
};
console.log(`Toolbar popup, ${RUNS - 1} warm opens each, taking turns with the floors (ms):`);
for (const page of ORDER) {
  const of = opens[page];
  console.log(TITLES[page]);
  console.log(`  click to first paint: ${quantiles(of.map((o) => o.clickToPaint))}`);
  console.log(`  navigation start to first paint: ${quantiles(of.map((o) => o.firstPaint))}`);
  console.log(`  load event end: ${quantiles(of.map((o) => o.loaded))}`);
  if (page === 'popup') {
    console.log(`  interactive (scripts ran): ${quantiles(of.map((o) => o.interactive))}`);
    console.log(`  ready (account loaded, next frame): ${quantiles(of.map((o) => o.ready))}`);
  }
}
// Each round's opens saw the same machine: their difference is steadier than either.
const overInRounds = (page: Page, floor: Page) =>
  median(
    opens[page]
      .slice(1)
      .map((open, round) => open.firstPaint - opens[floor][round + 1]!.firstPaint),
  ).toFixed(1);
console.log('First paint, one minus the other in the same round (median, ms):');
console.log(`  popup minus floor: ${overInRounds('popup', 'floor')}`);
console.log(`  popup minus sized floor: ${overInRounds('popup', 'sizedFloor')}`);
console.log(`  popup minus popup without its script: ${overInRounds('popup', 'shell')}`);
console.log(`  popup without its script minus sized floor: ${overInRounds('shell', 'sizedFloor')}`);
