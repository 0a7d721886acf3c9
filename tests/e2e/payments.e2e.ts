import type { Frame } from 'playwright-core';
import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import type { StripeEmulator } from '../emulator/stripe-emulator';
import { clickCardButton } from './pages/card-frame';
import { saveTestKey } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

/** The refunds the extension made, by the metadata every one of them carries. */
const refundsMade = (emulator: StripeEmulator) =>
  emulator.refunds().filter((refund) => refund.metadata.source === 'stripe-helpdesk-actions');
const refundPosts = (emulator: StripeEmulator) =>
  emulator.apiPosts().filter((post) => post.path === '/v1/refunds');

/** Opens the refund form with its key and fills a partial refund, up to Review. */
async function startPartialRefund(card: Frame, amount: string) {
  await card.getByRole('button', { name: 'Refund', exact: true }).waitFor();
  await card.locator('body').press('r');
  await card.getByLabel('Part of it').check();
  await card.getByLabel('Amount to refund (USD)').fill(amount);
  await card.getByLabel('Reason').selectOption({ label: 'Requested by the customer' });
  await card.getByLabel('Note (kept with the refund in Stripe)').fill('Late delivery');
}

describeInChromium('payments and refunds', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('refunds part of a payment from its pi_ in the ticket, once across a 429 and a stopped service worker', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.jennyPartlyRefundedPayment);
    await card.getByRole('heading', { name: 'Payment' }).waitFor();
    expect(await card.getByTestId('payment-amount').textContent()).toBe('$120.00');
    expect(await card.getByTestId('payment-status').textContent()).toBe('Succeeded');
    expect(await card.getByTestId('payment-refunded').textContent()).toBe(
      '$20.00; $100.00 left to refund',
    );
    await card.getByText('Mastercard •••• 4444').waitFor();
    await card.getByRole('link', { name: 'Receipt' }).waitFor();

    await startPartialRefund(card, '100.01');
    await clickCardButton(card, 'Review refund');
    await card
      .getByRole('alert')
      .getByText('That is more than remains refundable: at most $100.00 can be refunded.')
      .waitFor();
    await card.getByLabel('Amount to refund (USD)').fill('20');
    await clickCardButton(card, 'Review refund');
    expect(await card.getByTestId('refund-review').textContent()).toBe(
      'Refund $20.00 of $120.00 to Mastercard •••• 4444; $80.00 will remain refundable. $20.00 was refunded before. Reason: requested by the customer. Note: “Late delivery”.',
    );
    expect(emulator.apiPosts()).toHaveLength(0);

    // Stripe first asks the client to slow down, then takes its time over the retry, and the
    // worker is stopped while it is out.
    emulator.injectFault(
      { kind: 'status', status: 429 },
      { method: 'POST', pathPrefix: '/v1/refunds' },
    );
    emulator.injectFault(
      { kind: 'delay', ms: 1500 },
      { method: 'POST', pathPrefix: '/v1/refunds' },
    );
    await clickCardButton(card, 'Confirm', { double: true });
    await expect.poll(() => refundPosts(emulator).length, { timeout: 10_000 }).toBe(2);
    const cdp = await context.newCDPSession(ticket.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await card
      .getByRole('alert')
      .getByText('The extension did not answer')
      .waitFor({ timeout: 15_000 });

    // The agent tries again: the same refund, so the same attempt and key.
    await clickCardButton(card, 'Review the refund again');
    await clickCardButton(card, 'Confirm');
    await card
      .getByRole('status', { name: 'Refund sent' })
      .or(card.getByRole('alert'))
      .first()
      .waitFor({ timeout: 15_000 });
    // The request the stopped worker left behind still reaches Stripe, late: it is answered
    // from the key, and refunds nothing more.
    await expect
      .poll(() => refundPosts(emulator).every((post) => post.status !== null), { timeout: 10_000 })
      .toBe(true);
    expect(refundsMade(emulator)).toHaveLength(1);
    const posts = refundPosts(emulator);
    expect(posts[0]!.status).toBe(429);
    expect(new Set(posts.map((post) => post.headers['idempotency-key'])).size).toBe(1);
    expect(decodeURIComponent(posts.at(-1)!.rawBody)).toMatch(
      new RegExp(
        `^payment_intent=${SEED_IDS.jennyPartlyRefundedPayment}&amount=2000&reason=requested_by_customer` +
          '&metadata\\[source\\]=stripe-helpdesk-actions&metadata\\[ticket_url\\]=https://acme\\.zendesk\\.com/ticket\\.html' +
          '&metadata\\[attempt_id\\]=[0-9a-f-]{36}&metadata\\[note\\]=Late delivery$',
      ),
    );
    expect(refundsMade(emulator)[0]).toMatchObject({ amount: 2000, status: 'succeeded' });
    // The card reads the payment again: what is left says so.
    await expect
      .poll(() => card.getByTestId('payment-refunded').textContent(), { timeout: 10_000 })
      .toBe('$40.00; $80.00 left to refund');
    await ticket.page.close();
  });

  it('points out the duplicate on the customer card, and refunds the later charge', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.jenny);
    const payments = card.getByRole('region', { name: 'Recent payments' });
    await payments.waitFor();
    const duplicate = payments.getByRole('note').filter({ hasText: 'Possible duplicate' });
    expect(await duplicate.count()).toBe(1);
    expect(await duplicate.textContent()).toContain(
      'Possible duplicate: $49.00 was also paid 3 min earlier.',
    );
    await duplicate.getByRole('button', { name: 'Refund the later one' }).click();

    await card.getByRole('heading', { name: 'Payment' }).waitFor();
    await card.getByRole('form', { name: 'Refund payment' }).waitFor();
    expect(await card.locator('.object-id code').getAttribute('title')).toBe(
      SEED_IDS.jennyDuplicatePayment,
    );
    expect(await card.getByLabel('Reason').inputValue()).toBe('duplicate');
    expect(await card.getByLabel('All that remains ($49.00)').isChecked()).toBe(true);
    await clickCardButton(card, 'Review refund');
    expect(await card.getByTestId('refund-review').textContent()).toBe(
      'Refund $49.00 of $49.00 to Visa •••• 4242; nothing will remain refundable. Reason: duplicate payment.',
    );
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status', { name: 'Refund sent' }).waitFor();
    const posts = refundPosts(emulator);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.form).toMatchObject({
      payment_intent: SEED_IDS.jennyDuplicatePayment,
      amount: '4900',
      reason: 'duplicate',
    });
    // The earlier payment, the order itself, is untouched.
    expect(refundsMade(emulator).map((refund) => refund.payment)).toEqual([
      SEED_IDS.jennyDuplicatePayment,
    ]);
    await card.getByTestId('not-refundable').getByText('refunded in full already').waitFor();
    await ticket.page.close();
  });

  it('says in words why a refund stays pending, from a Dashboard payment link in the ticket', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context, '/payments.html');
    const card = await ticket.openCard(SEED_IDS.alexPendingRefundPayment);
    await card.getByText('us bank account').waitFor();
    await startPartialRefund(card, '40');
    await clickCardButton(card, 'Review refund');
    await clickCardButton(card, 'Confirm');
    const sent = card.getByRole('status', { name: 'Refund sent' });
    await sent.waitFor();
    expect(await sent.getByTestId('refund-outcome').textContent()).toBe(
      "Pending: the account's Stripe balance is too low to pay it; it goes out once funds arrive.",
    );
    expect(refundPosts(emulator)).toHaveLength(1);

    // Its own card says the same, and so does the one still waiting for the customer.
    await sent.getByRole('button', { name: 'Open the refund' }).click();
    await card.getByRole('heading', { name: 'Refund' }).waitFor();
    expect(await card.getByTestId('refund-status').textContent()).toBe('Pending');
    expect(await card.getByTestId('refund-status-words').textContent()).toContain(
      "the account's Stripe balance is too low",
    );
    await card.getByRole('button', { name: 'Close card' }).click();
    const waiting = await ticket.openCard(SEED_IDS.alexRefundNeedingAction);
    expect(await waiting.getByTestId('refund-status').textContent()).toBe('Requires action');
    await waiting.locator('body').press('x');
    await clickCardButton(waiting, 'Confirm');
    await expect.poll(() => waiting.getByTestId('refund-status').textContent()).toBe('Canceled');
    expect(emulator.apiPosts().at(-1)!.path).toBe(
      `/v1/refunds/${SEED_IDS.alexRefundNeedingAction}/cancel`,
    );
    await ticket.page.close();
  });
});
