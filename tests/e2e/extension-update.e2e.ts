import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { saveTestKey } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { updateExtension } from './support/extension-browser';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

/**
 * Chrome updates extensions while helpdesk tabs stay open all day. It cuts off the content
 * script already in those tabs and runs the new one only in pages loaded afterwards.
 */
describeInChromium('a helpdesk tab left open across an extension update', () => {
  const extension = useExtensionBrowser(saveTestKey);

  async function openTicket() {
    const ticket = await TicketPage.open(extension().context);
    const errors: string[] = [];
    ticket.page.on('pageerror', (error) => errors.push(error.message));
    return { ticket, errors };
  }

  it('drops the marks of the cut-off copy once the agent is back, and leaves clicks to the page', async () => {
    const { ticket, errors } = await openTicket();
    expect(await ticket.markCount()).toBe(9);
    await updateExtension(extension());
    // The marks stay until the agent does something: Chrome says nothing when it cuts off.
    await ticket.page.mouse.move(20, 20);
    await ticket.page.mouse.move(300, 200);
    await ticket.page.waitForFunction(() => !CSS.highlights.has('stripe-helpdesk-actions-id'));
    await ticket.clickText(SEED_IDS.openSession);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await ticket.cardIsOpen()).toBe(false);
    // Before, the click threw "Extension context invalidated." from the old copy.
    expect(errors).toEqual([]);
    await ticket.page.close();
  });
});
