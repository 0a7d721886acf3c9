/**
 * `npm run bench:card`: how long a card takes to show its object after the agent clicks an ID.
 *
 * Clicks an ID on the fixture ticket in the real extension, reads the card frame's first
 * paint and the moment its object is on screen, then closes it, over and over (a spare frame
 * made ahead of need paints first when shown, so its first paint is the click's). The local
 * Stripe emulator answers at once; a real Stripe answers each read in some 100–300 ms, so
 * the runs are repeated with each of the emulator's answers held that long.
 */
import { saveTestKey } from '../e2e/pages/options-page';
import { NO_CARD_SHOWN, TicketPage } from '../e2e/pages/ticket-page';
import { findChromium } from '../e2e/support/chromium-path';
import { launchExtensionBrowser } from '../e2e/support/extension-browser';
import { SEED_IDS } from '../emulator/seed-data';
import { median } from './stats';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 11;
const API_LATENCIES_MS = [0, 150, 250];
const CARDS = [
  { label: 'customer', id: SEED_IDS.jenny, shows: 'jenny.rosen@example.com' },
  { label: 'checkout session', id: SEED_IDS.openSession, shows: '$49.00' },
];

const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found at /usr/bin/chromium (set CHROMIUM_PATH).');
const browser = await launchExtensionBrowser({ chromiumPath });
await saveTestKey(browser);
const ticket = await TicketPage.open(browser.context);
await ticket.waitForMarks();

// The first open in a tab is a cold one: its frame is made for the click. Later ones open in
// the spare frame made ahead of need (see card-host.ts).
const warmMedian = (values: number[]) => median(values.slice(1)).toFixed(1);

console.log(`Click on an ID to its card, ${RUNS - 1} warm opens each (ms, medians):`);
for (const latency of API_LATENCIES_MS) {
  for (const card of CARDS) {
    const painted: number[] = [];
    const shown: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      browser.emulator.injectFault({ kind: 'delay', ms: latency }, { method: 'GET', times: 20 });
      const clickedAt = await ticket.page.evaluate(
        () => performance.timeOrigin + performance.now(),
      );
      const frame = await ticket.openCard(card.id);
      const at = await frame.evaluate<{
        painted: number;
        shown: number;
      }>(`new Promise((resolve) => {
        const read = () => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          if (!paint || !document.body.innerText.includes(${JSON.stringify(card.shows)}))
            return setTimeout(read, 5);
          resolve({
            painted: performance.timeOrigin + paint.startTime,
            shown: performance.timeOrigin + performance.now(),
          });
        };
        read();
      })`);
      painted.push(at.painted - clickedAt);
      shown.push(at.shown - clickedAt);
      browser.emulator.clearFaults();
      // Focus back on the page first: a key sent to a frame as it goes leaves the driver hanging.
      await ticket.page.mouse.click(5, 5);
      await ticket.page.keyboard.press('Escape');
      await ticket.page.waitForFunction(NO_CARD_SHOWN);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    console.log(
      `  ${card.label}, Stripe answering each read after ${latency} ms: first paint ${warmMedian(painted)}, object shown ${warmMedian(shown)} (first open: ${painted[0]!.toFixed(1)}, ${shown[0]!.toFixed(1)})`,
    );
  }
}
await browser.close();
