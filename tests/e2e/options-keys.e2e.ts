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
    // Probed without changing anything: the permissions it lacks, by the Dashboard's names.
    expect(status).toContain('Checkout Sessions: Write (expiring Checkout Sessions)');
    expect(status).toContain('Customers: Write (crediting customer balances)');
    expect(status).toContain(
      "Subscriptions: Read (showing subscriptions, and the portal's cancel-subscription link, optional)",
    );
    expect(status).toContain(
      'Subscriptions: Write (cancelling, pausing and resuming subscriptions, optional)',
    );
    expect(status).toContain(
      "Invoices: Read (listing a customer's invoices, and previewing what cancelling a subscription credits, optional)",
    );
    expect(status).toContain('Credit notes: Write (issuing and voiding credit notes, optional)');
    expect(status).toContain(
      'PaymentIntents: Read (showing payments, refunding them, and refunding a credit note to the card that paid, optional)',
    );
    expect(status).toContain(
      'Charges: Read (showing charges: card, refunded so far, disputes, optional)',
    );
    expect(status).toContain('Refunds: Write (refunding payments, optional)');
    expect(status).not.toContain('Checkout Sessions: Read');
    expect(status).not.toContain('rak_');
    // Every permission the kinds probe is listed, with the jobs it enables.
    const listed = options.page.getByRole('table', { name: 'Permissions a restricted key needs' });
    for (const name of [
      'Customers: Write',
      'Credit notes: Write',
      'PaymentIntents: Read',
      'Refunds: Write',
      'Subscriptions: Write',
    ])
      await listed.getByRole('row').filter({ hasText: name }).waitFor();
    expect(
      await listed.getByRole('row').filter({ hasText: 'Customers: Write' }).textContent(),
    ).toContain('crediting customer balances');
    expect(
      emulator.apiRequests().filter((r) => r.status === 200 || (r.status ?? 0) >= 500),
    ).toHaveLength(1);
    await options.page.close();

    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).click();
    await clickCardButton(card, 'Confirm');
    const alert = card.getByRole('alert');
    await alert.getByText('lacks the Checkout Sessions: Write permission').waitFor();
    expect(await alert.textContent()).toMatch(/req_\w+/);
    expect(emulator.sessions().get(SEED_IDS.openSession)!.status).toBe('open');
    await ticket.page.close();
  });

  it('saves a key that can do nothing the cards offer with a warning, not a success', async () => {
    const { emulator, context, extensionId } = extension();
    const options = await OptionsPage.open(context, extensionId);
    await options.saveKey(emulator.keys.testRestrictedNothing);
    const alert = options.alert();
    expect(await alert.textContent()).toContain('This key can do nothing the cards offer');
    expect(await alert.getAttribute('class')).toContain('notice-error');
    expect(await options.page.locator('.notice-success').count()).toBe(0);
    // Every saved key's missing permissions go by the Dashboard's names: the read-only key
    // saved before lacks Write, this one lacks Read too.
    const lacks = await options.savedKeys().getByText('Lacks:').allTextContents();
    expect(lacks.some((text) => text.includes('Customers: Read'))).toBe(true);
    for (const text of lacks) expect(text).not.toContain('rak_');
    await options.page.close();
  });
});
