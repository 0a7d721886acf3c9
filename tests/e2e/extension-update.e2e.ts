import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { saveTestKey } from './pages/options-page';
import { TicketPage, SHOWN_CARDS } from './pages/ticket-page';
import { updateExtension } from './support/extension-browser';
import { ToolbarPopup } from './support/toolbar-popup';
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

  const idButtons = `document.querySelectorAll('section[aria-labelledby="on-page"] li button')`;

  it('drops the marks of the cut-off copy once the agent is back, and leaves clicks to the page', async () => {
    const { ticket, errors } = await openTicket();
    expect(await ticket.markCount()).toBe(18); // 16 Stripe IDs and 2 email addresses.
    await updateExtension(extension());
    // The marks stay until the agent does something: Chrome says nothing when it cuts off.
    await ticket.page.mouse.move(20, 20);
    await ticket.page.mouse.move(300, 200);
    await ticket.waitForMarksGone();
    expect(await ticket.clickOpensNoCard(SEED_IDS.openSession)).toBe(true);
    // Before, the click threw "Extension context invalidated." from the old copy.
    expect(errors).toEqual([]);
    await ticket.page.close();
  });

  it('starts again in that tab from the toolbar button: its IDs are listed and marked, and open their card', async () => {
    const { ticket, errors } = await openTicket();
    await updateExtension(extension());
    await ticket.page.mouse.move(300, 200);
    await ticket.waitForMarksGone();

    const popup = await ToolbarPopup.click(extension(), ticket.page);
    await popup.waitFor(`${idButtons}.length > 0`);
    expect(await popup.evaluate(`${idButtons}.length`)).toBe(17);
    await popup.close();

    await ticket.waitForMarks();
    expect(await ticket.markCount()).toBe(18); // 16 Stripe IDs and 2 email addresses.
    const card = await ticket.openCard(SEED_IDS.jenny);
    await card.getByText('Jenny Rosen').waitFor();
    expect(errors).toEqual([]);
    await ticket.page.close();
  });

  it('keeps the new marks when the cut-off copy stops after the new one started', async () => {
    const { ticket, errors } = await openTicket();
    await updateExtension(extension());
    // No move, no key: the old copy is still there, marks and listeners, when the new starts.
    const popup = await ToolbarPopup.click(extension(), ticket.page);
    await popup.waitFor(`${idButtons}.length > 0`);
    await popup.close();
    await ticket.page.mouse.move(20, 20);
    await ticket.page.mouse.move(300, 200);
    await expect.poll(() => ticket.markCount()).toBe(18); // 16 Stripe IDs and 2 email addresses.
    await ticket.openCard(SEED_IDS.openSession);
    expect(await ticket.page.evaluate(SHOWN_CARDS)).toBe(1);
    expect(errors).toEqual([]);
    await ticket.page.close();
  });

  it("starts in the tab's email frame too: the popup lists the email's ID after the ticket's", async () => {
    // Ticket 1 of spa.html: Jenny in the conversation, a Checkout Session only in the email.
    const ticket = await TicketPage.open(extension().context, '/spa.html');
    await updateExtension(extension());
    const popup = await ToolbarPopup.click(extension(), ticket.page);
    await popup.waitFor(`${idButtons}.length > 1`);
    expect(
      await popup.evaluate(`[...${idButtons}].map((button) => button.getAttribute('title'))`),
    ).toEqual([SEED_IDS.jenny, SEED_IDS.openSession]);
    await popup.close();
    await ticket.page.close();
  });

  it('says to reload the tab when the popup cannot start the extension there', async () => {
    const { ticket } = await openTicket();
    await updateExtension(extension());
    // Opened by the extension itself, not by the agent's click: no access to the tab.
    const { popup } = await ToolbarPopup.open(extension(), ticket.page);
    await popup.waitFor(`document.body.innerText.includes('Reload this tab')`);
    expect(await popup.evaluate(`${idButtons}.length`)).toBe(0);
    await popup.close();
    await ticket.page.close();
  });
});
