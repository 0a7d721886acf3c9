import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { OptionsPage } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';
import { clickCardButton } from './pages/card-frame';

describeInChromium('API keys on the options page', () => {
  const extension = useExtensionBrowser();

  it.each([
    ['a publishable key', 'pk_test_51Publishable000000', 'publishable key (pk_…)'],
    ['a key in quotes', '"sk_test_51Quoted000000"', 'Remove the quotation marks'],
    ['something else', 'hello', 'not a Stripe API key'],
  ])('refuses %s with the reason, sending nothing', async (_name, key, reason) => {
    const options = await OptionsPage.open(extension().context, extension().extensionId);
    await options.saveKey(key);
    expect(await options.alert().textContent()).toContain(reason);
    expect(extension().emulator.apiRequests()).toHaveLength(0);
    expect(await options.savedKeys().count()).toBe(0);
    await options.page.close();
  });

  it('refuses a key Stripe does not accept and stores nothing', async () => {
    const options = await OptionsPage.open(extension().context, extension().extensionId);
    await options.saveKey('sk_test_51NotAKeyStripeKnows0000');
    expect(await options.alert().textContent()).toContain('Stripe did not accept this key');
    expect(extension().emulator.apiRequests()).toHaveLength(1);
    expect(await options.savedKeys().count()).toBe(0);
    await options.page.close();
  });

  it('accepts a restricted key, and the card names the permission it lacks', async () => {
    const { emulator, context, extensionId } = extension();
    const options = await OptionsPage.open(context, extensionId);
    await options.saveKey(`  ${emulator.keys.testRestrictedReadOnly}\n`);
    const status = await options.status().textContent();
    expect(status).toContain('Saved test key rk_test_…0000');
    // Probed without changing anything: the permissions it lacks, by Stripe's names.
    expect(status).toContain('rak_checkout_session_write (expiring Checkout Sessions)');
    expect(status).toContain('rak_customer_write (crediting customer balances)');
    expect(status).toContain(
      'rak_subscription_read (offering the cancel-subscription portal link, optional)',
    );
    expect(status).toContain(
      "rak_invoice_read (listing a customer's invoices on its card, optional)",
    );
    expect(status).toContain('rak_credit_note_write (issuing and voiding credit notes, optional)');
    expect(status).toContain(
      'rak_payment_intent_read (showing payments, refunding them, and refunding a credit note to the card that paid, optional)',
    );
    expect(status).toContain(
      'rak_charge_read (showing charges: card, refunded so far, disputes, optional)',
    );
    expect(status).toContain('rak_refund_write (refunding payments, optional)');
    expect(status).not.toContain('rak_checkout_session_read');
    expect(
      emulator.apiRequests().filter((r) => r.status === 200 || (r.status ?? 0) >= 500),
    ).toHaveLength(1);
    await options.page.close();

    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).click();
    await clickCardButton(card, 'Confirm');
    const alert = card.getByRole('alert');
    await alert.getByText('lacks the rak_checkout_session_write permission').waitFor();
    expect(await alert.textContent()).toMatch(/req_\w+/);
    expect(emulator.sessions().get(SEED_IDS.openSession)!.status).toBe('open');
    await ticket.page.close();
  });
});
