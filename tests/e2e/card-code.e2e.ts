import { expect, it } from 'vitest';
import { CARD_CODE_FILE } from '../../utils/page/card-code';
import { SEED_IDS } from '../emulator/seed-data';
import { saveTestKey } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { STRICT_CSP_PREFIX } from './support/fixture-server';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

/** The extension addresses a page has seen load, by its own Resource Timing. */
const extensionLoadsSeenByPage = (ticket: TicketPage) =>
  ticket.page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => !name.startsWith('http')),
  );

describeInChromium('the card code, loaded when the agent reaches for a mark', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('is not loaded on a page the agent only reads, loads once the pointer is on an ID, and the page sees neither', async () => {
    const ticket = await TicketPage.open(extension().context);
    const network = await ticket.page.context().newCDPSession(ticket.page);
    // Each load once, whatever the protocol reports of it along the way (a redirect too).
    const loads = new Map<string, string>();
    network.on('Network.requestWillBeSent', ({ requestId, request, frameId }) => {
      if (request.url.endsWith(`/${CARD_CODE_FILE}`))
        loads.set(requestId, `${frameId} ${request.url}`);
    });
    const cardCodeLoads = () => [...loads.values()];
    await network.send('Network.enable');

    // Marked, and the pointer moved over text that holds no ID: nothing loads.
    await ticket.page.mouse.move(2, 2);
    await ticket.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(cardCodeLoads()).toEqual([]);

    const id = await ticket.locateText(SEED_IDS.jenny);
    await ticket.page.mouse.move(id.x, id.y);
    await expect.poll(() => cardCodeLoads().length).toBeGreaterThan(0);
    const afterPointing = cardCodeLoads();
    expect(new Set(afterPointing).size, afterPointing.join('\n')).toBe(afterPointing.length);
    expect(await extensionLoadsSeenByPage(ticket)).toEqual([]);

    // The click opens the card with the code already loaded, and loads it no second time.
    const card = await ticket.openCard(SEED_IDS.jenny);
    await card.getByText('jenny.rosen@example.com').first().waitFor();
    expect(cardCodeLoads()).toEqual(afterPointing);
    await network.detach();
    await ticket.page.close();
  });

  it("loads on a page whose policy allows no script, frame or request of the page's own", async () => {
    const ticket = await TicketPage.open(extension().context, `${STRICT_CSP_PREFIX}/ticket.html`);
    // The policy is in force: the ticket's own inline script did not run.
    expect(await ticket.page.evaluate(() => 'pageMutations' in window)).toBe(false);
    const card = await ticket.openCard(SEED_IDS.jenny);
    await card.getByText('jenny.rosen@example.com').first().waitFor();
    await ticket.page.close();
  });
});
