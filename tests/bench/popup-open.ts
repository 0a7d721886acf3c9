/**
 * `npm run bench:popup`: how long the popup takes to be useful on a warm browser, from the
 * start of its navigation to its first frame with the account loaded (`popup-ready`).
 * The popup is opened as a window (the toolbar button cannot be pressed from a script),
 * which costs the same page load.
 */
import { OptionsPage } from '../e2e/pages/options-page';
import { PopupPage } from '../e2e/pages/popup-page';
import { TicketPage } from '../e2e/pages/ticket-page';
import { findChromium } from '../e2e/support/chromium-path';
import { launchExtensionBrowser } from '../e2e/support/extension-browser';

const RUNS = 15;
const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found at /usr/bin/chromium (set CHROMIUM_PATH).');
const browser = await launchExtensionBrowser({ chromiumPath });
const options = await OptionsPage.open(browser.context, browser.extensionId);
await options.saveKey(browser.emulator.keys.testSecret);
await options.page.close();
const ticket = await TicketPage.open(browser.context);

const times: number[] = [];
const firstPaints: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const popup = await PopupPage.open(browser);
  await popup.page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
  times.push(
    await popup.page.evaluate(() => performance.getEntriesByName('popup-ready')[0]!.startTime),
  );
  firstPaints.push(
    await popup.page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    ),
  );
  if (process.argv.includes('--detail'))
    console.log(
      await popup.page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const scripts = performance
          .getEntriesByType('resource')
          .map((r) => `${r.name.split('/').pop()} ${r.duration.toFixed(1)}`);
        return {
          responseEnd: nav.responseEnd,
          domInteractive: nav.domInteractive,
          dcl: nav.domContentLoadedEventEnd,
          scripts,
        };
      }),
    );
  await popup.page.close();
}
await ticket.page.close();
await browser.close();
const quantiles = (values: number[]) => {
  const warm = values.slice(1).sort((a, b) => a - b);
  const at = (q: number) =>
    warm[Math.min(warm.length - 1, Math.floor(q * warm.length))]!.toFixed(1);
  return `median ${at(0.5)}, p90 ${at(0.9)} (cold first open ${values[0]!.toFixed(1)})`;
};
console.log(`Popup, ${RUNS - 1} warm opens, ms from navigation start:`);
console.log(`  first contentful paint: ${quantiles(firstPaints)}`);
console.log(`  ready (account loaded, next frame): ${quantiles(times)}`);
