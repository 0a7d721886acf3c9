/**
 * `npm run bench:popup`: how long the toolbar popup takes to open on a warm browser.
 *
 * The real popup is opened with `action.openPopup()` (what the toolbar button and the
 * shortcut do) and read through the DevTools protocol. Chrome keeps a popup hidden until
 * its page has loaded, so the figure that matters is its first contentful paint. Reported
 * from the `openPopup()` call (the click) and from the popup's navigation start, with
 * `popup-interactive` (scripts ran) and `popup-ready` (the frame after the account is known).
 */
import type { CDPSession } from 'playwright-core';
import { OptionsPage } from '../e2e/pages/options-page';
import { TicketPage } from '../e2e/pages/ticket-page';
import { findChromium } from '../e2e/support/chromium-path';
import { launchExtensionBrowser } from '../e2e/support/extension-browser';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found at /usr/bin/chromium (set CHROMIUM_PATH).');
const browser = await launchExtensionBrowser({ chromiumPath });
const options = await OptionsPage.open(browser.context, browser.extensionId);
await options.saveKey(browser.emulator.keys.testSecret);
await options.page.close();
const ticket = await TicketPage.open(browser.context);
await ticket.page.bringToFront();
const cdp = await browser.context.newCDPSession(ticket.page);

/** Evaluates in another target through the (unflattened) Target domain. */
async function evaluateIn(session: CDPSession, targetSession: string, expression: string) {
  const id = Math.floor(Math.random() * 1e9);
  const answer = new Promise<unknown>((resolve) => {
    const listener = (event: { sessionId: string; message: string }) => {
      const message = JSON.parse(event.message);
      if (event.sessionId !== targetSession || message.id !== id) return;
      session.off('Target.receivedMessageFromTarget', listener);
      resolve(message.result?.result?.value);
    };
    session.on('Target.receivedMessageFromTarget', listener);
  });
  await session.send('Target.sendMessageToTarget', {
    sessionId: targetSession,
    message: JSON.stringify({
      id,
      method: 'Runtime.evaluate',
      params: { expression, returnByValue: true, awaitPromise: true },
    }),
  });
  return answer;
}

async function popupTarget() {
  for (let tries = 0; tries < 100; tries++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const popup = targetInfos.find((t) => t.url.endsWith('/popup.html'));
    if (popup) return popup.targetId;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('The popup did not open.');
}

interface Open {
  clickToPaint: number;
  firstPaint: number;
  interactive: number;
  ready: number;
  loaded: number;
}
const opens: Open[] = [];
for (let run = 0; run < RUNS; run++) {
  const clickedAt = (await browser.serviceWorker.evaluate(
    `(async () => { const at = Date.now(); await chrome.action.openPopup(); return at; })()`,
  )) as number;
  const targetId = await popupTarget();
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  const timings = (await evaluateIn(
    cdp,
    sessionId,
    `new Promise((resolve) => {
      const read = () => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
        const navigation = performance.getEntriesByType('navigation')[0];
        if (at('first-contentful-paint') === undefined || at('popup-ready') === undefined || !navigation?.loadEventEnd)
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
  )) as Omit<Open, 'clickToPaint'> & { timeOrigin: number };
  opens.push({
    clickToPaint: timings.timeOrigin + timings.firstPaint - clickedAt,
    firstPaint: timings.firstPaint,
    interactive: timings.interactive,
    ready: timings.ready,
    loaded: timings.loaded,
  });
  await cdp.send('Target.closeTarget', { targetId });
  await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 300));
}
await browser.close();

const quantiles = (values: number[]) => {
  const warm = values.slice(1).sort((a, b) => a - b);
  const at = (q: number) =>
    warm[Math.min(warm.length - 1, Math.floor(q * warm.length))]!.toFixed(1);
  return `median ${at(0.5)}, p90 ${at(0.9)} (cold first open ${values[0]!.toFixed(1)})`;
};
console.log(`Toolbar popup, ${RUNS - 1} warm opens (ms):`);
console.log(`  click to first paint: ${quantiles(opens.map((o) => o.clickToPaint))}`);
console.log(`  navigation start to first paint: ${quantiles(opens.map((o) => o.firstPaint))}`);
console.log(`  interactive (scripts ran): ${quantiles(opens.map((o) => o.interactive))}`);
console.log(`  load event end: ${quantiles(opens.map((o) => o.loaded))}`);
console.log(`  ready (account loaded, next frame): ${quantiles(opens.map((o) => o.ready))}`);
