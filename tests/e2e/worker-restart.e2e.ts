import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { OptionsPage } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

describeInChromium('the service worker stopped in the middle of a credit', () => {
  const extension = useExtensionBrowser(async (browser) => {
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    await options.saveKey(browser.emulator.keys.testSecret);
    await options.page.close();
  });

  it('credits exactly once: the restart replays the journal, and the retry reuses the key', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.jenny);
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('7');
    await card.getByRole('button', { name: 'Review credit' }).click();
    // Stripe takes its time; the worker is stopped while the request is out.
    emulator.injectFault({ kind: 'delay', ms: 1500 }, { method: 'POST' });
    await card.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => emulator.apiRequests().filter((r) => r.method === 'POST').length)
      .toBe(1);
    const cdp = await context.newCDPSession(ticket.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await card
      .getByRole('alert')
      .getByText('The extension did not answer')
      .waitFor({ timeout: 15_000 });

    // The agent tries again: the same attempt, so Stripe replays or the journal says done.
    await card.getByRole('button', { name: 'Review credit' }).click();
    await card.getByRole('button', { name: 'Confirm' }).click();
    await card.getByRole('status').or(card.getByRole('alert')).first().waitFor({ timeout: 15_000 });
    await expect.poll(() => emulator.balanceTransactions().length, { timeout: 10_000 }).toBe(1);
    const posts = emulator.apiRequests().filter((r) => r.method === 'POST');
    expect(new Set(posts.map((p) => p.headers['idempotency-key'])).size).toBe(1);
    expect(emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(-700);
    await ticket.page.close();
  });
});
