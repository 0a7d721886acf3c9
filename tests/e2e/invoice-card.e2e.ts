import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { clickCardButton } from './pages/card-frame';
import { saveTestKey } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

describeInChromium('the invoice card', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('shows an invoice from its ID in the ticket, and moves on to its customer', async () => {
    const ticket = await TicketPage.open(extension().context);
    const card = await ticket.openCard(SEED_IDS.jennyPaidInvoice);
    await card.getByRole('heading', { name: 'Invoice' }).waitFor();
    expect(await card.getByTestId('invoice-status').textContent()).toBe('Paid');
    expect(await card.getByTestId('invoice-remaining').textContent()).toBe('$0.00');
    const lines = card.getByRole('region', { name: 'Lines' }).getByRole('listitem');
    expect(await lines.allTextContents()).toEqual([
      // "× 3" after "× 3 seats" read as nine seats: the quantity says so.
      'Pro plan × 3 seats · quantity 3$90.00',
      'Onboarding session · quantity 1$30.00',
    ]);
    // What was credited is beside what was paid, and the two links say where they go.
    expect(await card.getByTestId('invoice-credited').textContent()).toContain('$30.00');
    await card.getByRole('link', { name: "Open the customer's invoice page" }).waitFor();
    await card.getByRole('link', { name: 'Open in Dashboard' }).waitFor();
    await card.getByRole('region', { name: 'Credit notes' }).getByText('ACME-0041-CN-01').waitFor();
    await card.getByRole('button', { name: 'Copy invoice link' }).waitFor();

    await clickCardButton(card, 'Jenny Rosen');
    await card.getByRole('heading', { name: 'Customer' }).waitFor();
    await card.getByTestId('customer-balance').waitFor();
    // And back to an invoice from the customer's list: the open one this time.
    await clickCardButton(card, 'Open invoice ACME-0042');
    await card.getByRole('heading', { name: 'Invoice' }).waitFor();
    expect(await card.getByTestId('invoice-status').textContent()).toBe('Unpaid');
    expect(await card.getByTestId('invoice-remaining').textContent()).toBe('$49.00');
    expect(extension().emulator.apiPosts()).toHaveLength(0);
    await ticket.page.close();
  });

  it('says "and N more" past the first 10 lines', async () => {
    // Alex's work invoice is on no ticket: reached through the popup's paste box.
    const popup = await PopupPage.open(extension());
    await popup.lookUp(
      `https://dashboard.stripe.com/test/invoices/${SEED_IDS.alexWorkOpenInvoice}`,
    );
    await popup.page.getByText('and 2 more').waitFor();
    expect(
      await popup.page.getByRole('region', { name: 'Lines' }).getByRole('listitem').count(),
    ).toBe(10);
    await popup.page.close();
  });
});
