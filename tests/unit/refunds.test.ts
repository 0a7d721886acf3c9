import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDRAILS } from '../../utils/guardrails/limits';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import {
  checkRefundDraft,
  describeRefund,
  type RefundablePayment,
  type RefundDraft,
} from '../../utils/objects/payment/refundable';
import { findDuplicateCharges } from '../../utils/objects/payment/duplicate-charges';
import { encodeStripeForm } from '../../utils/stripe/form-encoding';
import { SEED_IDS } from '../emulator/seed-data';
import { expectOk, expectView, testSenders, useEmulator, type TestCard } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(21);

const payment: RefundablePayment = {
  id: 'pi_3TestPaymentForRefunds01',
  amount: 4900,
  currency: 'usd',
  state: 'succeeded',
  refunded: 2000,
  method: 'Visa •••• 4242',
  livemode: false,
  dispute: null,
  invoice: null,
};
const draftOf = (over: Partial<RefundDraft> = {}): RefundDraft => ({
  currency: 'usd',
  whole: false,
  amount: '20',
  reason: 'requested_by_customer',
  note: '',
  ...over,
});
const check = (draft: Partial<RefundDraft>, over: Partial<RefundablePayment> = {}) =>
  checkRefundDraft(draftOf(draft), { ...payment, ...over }, DEFAULT_GUARDRAILS, 'test');
const refusal = (draft: Partial<RefundDraft>, over: Partial<RefundablePayment> = {}) => {
  const checked = check(draft, over);
  return checked.ok ? null : checked.reason;
};

describe('a refund draft, checked before anything is sent', () => {
  it('encodes the refund as Stripe reads it, and says it in the agent’s words', () => {
    const checked = check({ reason: 'duplicate', note: '  Charged twice  ' });
    expect(checked).toMatchObject({ ok: true, minorUnits: 2000, note: 'Charged twice' });
    if (!checked.ok) return;
    expect(decodeURIComponent(encodeStripeForm(checked.params))).toBe(
      'payment_intent=pi_3TestPaymentForRefunds01&amount=2000&reason=duplicate',
    );
    expect(describeRefund(checked, payment)).toBe(
      'Refund $20.00 of $49.00 to Visa •••• 4242; $9.00 will remain refundable. $20.00 was refunded before. Reason: duplicate payment. Note: “Charged twice”.',
    );
    // A charge with no PaymentIntent is refunded by its charge.
    const byCharge = check({}, { id: 'ch_3LoneChargeForRefunds01' });
    expect(byCharge.ok && byCharge.params).toEqual({
      charge: 'ch_3LoneChargeForRefunds01',
      amount: 2000,
      reason: 'requested_by_customer',
    });
  });

  it('names the whole remainder exactly, and warns of block lists and invoices', () => {
    const checked = check({ whole: true, reason: 'fraudulent' }, { invoice: { id: 'in_1X' } });
    expect(checked).toMatchObject({ ok: true, minorUnits: 2900, params: { amount: 2900 } });
    if (!checked.ok) return;
    expect(describeRefund(checked, { ...payment, invoice: { id: 'in_1X' } })).toBe(
      "Refund $29.00 of $49.00 to Visa •••• 4242; nothing will remain refundable. $20.00 was refunded before. Reason: fraudulent. Stripe also adds this card and the customer's email to the account's block lists. The invoice it paid will still show as paid in full: a credit note on the invoice keeps its books right.",
    );
  });

  it('reads JPY and KWD amounts in their own minor units', () => {
    const yen = { currency: 'jpy', amount: 5000, refunded: 0 };
    expect(check({ currency: 'jpy', amount: '1,500' }, yen)).toMatchObject({ minorUnits: 1500 });
    expect(refusal({ currency: 'jpy', amount: '15.5' }, yen)).toBe(
      'JPY amounts are whole numbers; remove the decimals.',
    );
    const dinar = { currency: 'kwd', amount: 12500, refunded: 0 };
    expect(check({ currency: 'kwd', amount: '2.5' }, dinar)).toMatchObject({ minorUnits: 2500 });
    expect(check({ currency: 'kwd', amount: '12.500' }, dinar)).toMatchObject({
      minorUnits: 12500,
    });
    expect(refusal({ currency: 'kwd', amount: '2.505' }, dinar)).toBe(
      'Stripe needs the last of the three KWD decimals to be 0 (e.g. 5.120, not 5.124).',
    );
    expect(refusal({ currency: 'kwd', amount: '2.5001' }, dinar)).toBe(
      'KWD takes at most 3 decimals.',
    );
  });

  it.each([
    [
      'more than remains',
      { amount: '29.01' },
      {},
      'That is more than remains refundable: at most $29.00 can be refunded.',
    ],
    ['zero', { amount: '0' }, {}, 'Enter an amount greater than zero.'],
    [
      'a negative amount',
      { amount: '-5' },
      {},
      'Enter the refund as a positive amount: what goes back to the customer.',
    ],
    [
      'more decimals than the currency has',
      { amount: '1.005' },
      {},
      'USD takes at most 2 decimals.',
    ],
    [
      'not an amount',
      { amount: '12abc' },
      {},
      '"12abc" is not an amount. Type digits only, e.g. 10.50.',
    ],
    [
      'another currency than the payment’s',
      { currency: 'eur' },
      {},
      'This payment is in USD, not EUR: reopen the card.',
    ],
    [
      'an uncaptured payment',
      {},
      { state: 'requires_capture' as const },
      'This payment is an authorization that was never captured: no money was taken, so there is nothing to refund. Releasing it is done in the Dashboard.',
    ],
    [
      'a failed payment',
      {},
      { state: 'failed' as const },
      'This payment failed: no money was taken, so there is nothing to refund.',
    ],
    [
      'a canceled payment',
      {},
      { state: 'canceled' as const },
      'This payment was canceled: no money was taken, so there is nothing to refund.',
    ],
    [
      'an open dispute',
      {},
      {
        dispute: {
          id: 'dp_1',
          status: 'needs_response',
          open: true,
          dueBy: null,
          dashboardUrl: '',
        },
      },
      'This payment is disputed and the dispute is still open: Stripe refuses a refund until it is closed. Respond to it, or accept it, in the Dashboard.',
    ],
    [
      'a payment refunded in full',
      {},
      { refunded: 4900 },
      'This payment has been refunded in full already.',
    ],
    [
      'a live payment with a test key',
      {},
      { livemode: true },
      'This is a live payment, read with a test key: nothing is sent with a key of the other mode.',
    ],
    [
      'over the per-action limit',
      { amount: '150' },
      { amount: 50000, refunded: 0 },
      'That is over the limit of $100.00 per refund: the limit per credit in Options → Guardrails holds for credits, credit notes and refunds alike.',
    ],
    [
      'a note with control characters',
      { note: 'a\u0007b' },
      {},
      'The note contains control characters; retype it as plain text.',
    ],
    [
      'a note over Stripe’s metadata limit',
      { note: 'x'.repeat(501) },
      {},
      "The note is 501 characters; Stripe keeps at most 500 in a refund's metadata.",
    ],
  ])('refuses %s, saying what to fix', (_name, draft, over, reason) => {
    expect(refusal(draft, over)).toBe(reason);
  });

  it('takes a closed dispute, which holds nothing back', () => {
    expect(
      check(
        {},
        { dispute: { id: 'dp_1', status: 'won', open: false, dueBy: null, dashboardUrl: '' } },
      ).ok,
    ).toBe(true);
  });
});

describe('a possible duplicate charge', () => {
  const at = (minutes: number) => 1_760_000_000 + minutes * 60;
  const line = (id: string, minutes: number, over: Record<string, unknown> = {}) => ({
    id,
    amount: 4900,
    currency: 'usd',
    status: 'succeeded',
    created: at(minutes),
    ...over,
  });

  it('marks the later of two succeeded payments of one amount and currency within ten minutes', () => {
    // Newest first, as the card lists them.
    expect(findDuplicateCharges([line('b', 3), line('a', 0)])).toEqual(new Map([['b', 'a']]));
    expect(findDuplicateCharges([line('b', 10), line('a', 0)])).toEqual(new Map([['b', 'a']]));
  });

  it.each([
    ['eleven minutes apart', [line('b', 11), line('a', 0)]],
    ['the same amount in another currency', [line('b', 3, { currency: 'eur' }), line('a', 0)]],
    ['another amount', [line('b', 3, { amount: 4901 }), line('a', 0)]],
    ['a failed attempt before the payment', [line('b', 3), line('a', 0, { status: 'failed' })]],
    ['an uncaptured authorization', [line('b', 3, { status: 'requires_capture' }), line('a', 0)]],
  ])('marks nothing for %s', (_name, payments) => {
    expect(findDuplicateCharges(payments)).toEqual(new Map());
  });

  it('marks each repeat of one payment against the first', () => {
    expect(findDuplicateCharges([line('c', 6), line('b', 3), line('a', 0)])).toEqual(
      new Map([
        ['b', 'a'],
        ['c', 'a'],
      ]),
    );
  });
});

async function setUp(journal = openActivityJournal(`refunds-${crypto.randomUUID()}`)) {
  const { openCard, saveTestKey, handle } = harness.router({ journal, senders });
  await saveTestKey();
  const open = async (objectId: string) => {
    const opened = await openCard(objectId);
    harness.emulator.received.length = 0;
    return opened;
  };
  return { open, journal, handle };
}

/** As the card does it: Review (bound to the attempt), then Confirm the same attempt. */
async function reviewAndRefund(
  card: TestCard,
  draft: Partial<RefundDraft>,
  attemptId: string = crypto.randomUUID(),
) {
  const full = draftOf(draft);
  const review = expectOk(await card.ask({ type: 'payment.reviewRefund', attemptId, draft: full }));
  return { review, reply: await card.ask({ type: 'payment.refund', attemptId, draft: full }) };
}

const refundPosts = () => harness.emulator.apiPosts().filter((r) => r.path === '/v1/refunds');

describe('the payment card', () => {
  it('shows a payment with what was refunded, what is left, its refunds and customer', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennyPartlyRefundedPayment);
    expect(expectView(card.contents, 'payment')).toMatchObject({
      id: SEED_IDS.jennyPartlyRefundedPayment,
      amount: 12000,
      currency: 'usd',
      state: 'succeeded',
      refunded: 2000,
      method: 'Mastercard •••• 4444',
      customerId: SEED_IDS.jenny,
      dispute: null,
      invoice: null,
      refunds: [{ id: SEED_IDS.jennyEarlierRefund, amount: 2000, status: 'succeeded' }],
      dashboardUrl: `https://dashboard.stripe.com/test/payments/${SEED_IDS.jennyPartlyRefundedPayment}`,
    });
    expect(expectOk(await card.ask({ type: 'card.openRelated', objectId: SEED_IDS.jenny }))).toBe(
      null,
    );
  });

  it('opens a charge made by a PaymentIntent as its PaymentIntent’s card', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennyDuplicateCharge);
    expect(card.contents.objectId).toBe(SEED_IDS.jennyDuplicatePayment);
    expect(expectView(card.contents, 'payment').id).toBe(SEED_IDS.jennyDuplicatePayment);
    // A `py_` of a PaymentIntent too.
    const bank = await open('py_3AlexBankDebit000001');
    expect(bank.contents.objectId).toBe(SEED_IDS.alexPendingRefundPayment);
    // A charge with no PaymentIntent is its own card, refunded by its charge.
    const lone = await open(SEED_IDS.alexLoneCharge);
    expect(expectView(lone.contents, 'payment')).toMatchObject({
      id: SEED_IDS.alexLoneCharge,
      method: 'American Express •••• 0005',
    });
    const { reply } = await reviewAndRefund(lone, { amount: '5' });
    expectOk(reply);
    expect(refundPosts()[0]!.form).toMatchObject({
      charge: SEED_IDS.alexLoneCharge,
      amount: '500',
    });
  });

  it('says a dispute, an invoice paid and a Checkout Session', async () => {
    const { open } = await setUp();
    const disputed = expectView((await open(SEED_IDS.jennyDisputedPayment)).contents, 'payment');
    expect(disputed.dispute).toMatchObject({
      id: SEED_IDS.jennyDispute,
      status: 'needs_response',
      open: true,
      dashboardUrl: `https://dashboard.stripe.com/test/disputes/${SEED_IDS.jennyDispute}`,
    });
    const invoiceCard = await open(SEED_IDS.jennyInvoicePayment);
    const invoicePaid = expectView(await invoiceCard.reopen(), 'payment');
    expect(invoicePaid).toMatchObject({
      invoice: { id: SEED_IDS.jennyPaidInvoice },
      refunded: 3000,
    });
    const request = harness.emulator.apiRequests().find((r) => r.path === '/v1/invoice_payments')!;
    expect(request.query).toMatchObject({
      payment: { type: 'payment_intent', payment_intent: SEED_IDS.jennyInvoicePayment },
    });
    const session = await open(SEED_IDS.jennySessionPayment);
    expect(expectView(session.contents, 'payment').checkoutSessionId).toBe(
      SEED_IDS.completeSession,
    );
    expectOk(await session.ask({ type: 'card.openRelated', objectId: SEED_IDS.completeSession }));
  });
});

describe('a refund', () => {
  it('sends exactly what the review said, once, with its key and metadata', async () => {
    const { open, journal } = await setUp();
    const card = await open(SEED_IDS.jennyPartlyRefundedPayment);
    const attemptId = crypto.randomUUID();
    const { review, reply } = await reviewAndRefund(
      card,
      { amount: '20', reason: 'requested_by_customer', note: 'Late delivery' },
      attemptId,
    );
    expect(review.sentence).toBe(
      'Refund $20.00 of $120.00 to Mastercard •••• 4444; $80.00 will remain refundable. $20.00 was refunded before. Reason: requested by the customer. Note: “Late delivery”.',
    );
    expect(expectOk(reply)).toMatchObject({
      amount: 2000,
      currency: 'usd',
      status: 'succeeded',
      statusWords:
        'Succeeded: the money is on its way back to the customer (a card statement shows it within 5–10 business days).',
      sentence: review.sentence,
    });
    const [post] = refundPosts();
    expect(decodeURIComponent(post!.rawBody)).toMatch(
      new RegExp(
        `^payment_intent=${SEED_IDS.jennyPartlyRefundedPayment}&amount=2000&reason=requested_by_customer` +
          '&metadata\\[source\\]=stripe-helpdesk-actions&metadata\\[ticket_url\\]=https://acme\\.zendesk\\.com/agent/tickets/1' +
          `&metadata\\[attempt_id\\]=${attemptId}&metadata\\[note\\]=Late delivery$`,
      ),
    );
    expect(post!.headers['idempotency-key']).toBeTruthy();
    expect(await journal.get(attemptId)).toMatchObject({
      action: 'refund_payment',
      objectId: SEED_IDS.jennyPartlyRefundedPayment,
      amount: 2000,
      currency: 'usd',
      outcome: 'succeeded',
    });
    // Confirm again (a double click, a retry): nothing more is refunded, and the refund made
    // is shown again, found by its attempt.
    const made = expectOk(reply).id;
    const again = await card.ask({
      type: 'payment.refund',
      attemptId,
      draft: draftOf({ amount: '20', note: 'Late delivery' }),
    });
    expect(expectOk(again)).toMatchObject({ id: made, status: 'succeeded' });
    expect(harness.emulator.apiPosts().filter((r) => r.executed)).toHaveLength(1);
  });

  it('sends nothing without a review, or when the payment changed since', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennyPartlyRefundedPayment);
    expect(
      await card.ask({ type: 'payment.refund', attemptId: crypto.randomUUID(), draft: draftOf() }),
    ).toEqual({
      ok: false,
      error: {
        message:
          'Review this first: Confirm sends only what a review showed you. Nothing was sent.',
      },
    });
    const attemptId = crypto.randomUUID();
    const whole = draftOf({ whole: true });
    expectOk(await card.ask({ type: 'payment.reviewRefund', attemptId, draft: whole }));
    // Refunded elsewhere meanwhile: the whole remainder is no longer what was reviewed.
    harness.emulator
      .refunds()
      .push({ ...harness.emulator.refunds()[0]!, id: 're_3ElsewhereRefund0001', amount: 1000 });
    expect(await card.ask({ type: 'payment.refund', attemptId, draft: whole })).toEqual({
      ok: false,
      error: {
        message:
          'The payment changed since your review: this refund would now be $90.00. Nothing was sent: review it again.',
      },
    });
    expect(refundPosts()).toHaveLength(0);
  });

  it.each([
    [SEED_IDS.jennyDisputedPayment, 'disputed and the dispute is still open'],
    [SEED_IDS.jennyUncapturedPayment, 'an authorization that was never captured'],
    [SEED_IDS.alexFailedPayment, 'This payment failed'],
  ])('refuses %s at review and at Confirm, sending nothing', async (id, reason) => {
    const { open } = await setUp();
    const card = await open(id);
    const attemptId = crypto.randomUUID();
    const review = await card.ask({ type: 'payment.reviewRefund', attemptId, draft: draftOf() });
    expect(review.ok || review.error.message).toContain(reason);
    const confirm = await card.ask({ type: 'payment.refund', attemptId, draft: draftOf() });
    expect(confirm.ok || confirm.error.message).toContain(reason);
    expect(harness.emulator.apiPosts()).toHaveLength(0);
  });

  it('shows a refund that stays pending, and why, in words', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.alexPendingRefundPayment);
    const { reply } = await reviewAndRefund(card, { amount: '40' });
    expect(expectOk(reply)).toMatchObject({
      status: 'pending',
      statusWords:
        "Pending: the account's Stripe balance is too low to pay it; it goes out once funds arrive.",
    });
  });

  it('explains a refusal Stripe still sends, with its request ID', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.alexShortBalancePayment);
    const { reply } = await reviewAndRefund(card, { amount: '10' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.message).toBe(
      "Stripe refused the refund: the account's Stripe balance is too low to pay it. Add funds in the Dashboard, or try again once payouts settle.",
    );
    expect(reply.error.requestId).toBe(refundPosts()[0]!.requestId);
  });

  it('finds a refund whose answer was lost among the payment’s refunds, by its attempt', async () => {
    const { open, journal } = await setUp();
    const card = await open(SEED_IDS.jennyPartlyRefundedPayment);
    harness.emulator.injectFault(
      { kind: 'drop-after' },
      { method: 'POST', pathPrefix: '/v1/refunds', times: 3 },
    );
    const attemptId = crypto.randomUUID();
    const { reply } = await reviewAndRefund(card, { amount: '15' }, attemptId);
    expect(expectOk(reply)).toMatchObject({ amount: 1500, status: 'succeeded' });
    expect(
      harness.emulator.refunds().filter((r) => r.metadata.attempt_id === attemptId),
    ).toHaveLength(1);
    const read = harness.emulator
      .apiRequests()
      .filter((r) => r.method === 'GET' && r.path === '/v1/refunds')
      .at(-1)!;
    expect(read.query).toMatchObject({ payment_intent: SEED_IDS.jennyPartlyRefundedPayment });
    expect(await journal.get(attemptId)).toMatchObject({ outcome: 'succeeded' });
  });

  it('counts with credits in the rolling day’s total', async () => {
    const { open } = await setUp();
    const customer = await open(SEED_IDS.jenny);
    for (const amount of ['99', '99', '99', '99', '99'])
      expectOk(
        await customer.ask({
          type: 'customer.credit',
          attemptId: crypto.randomUUID(),
          amount,
          currency: 'usd',
          note: '',
        }),
      );
    const card = await open(SEED_IDS.jennyPartlyRefundedPayment);
    const attemptId = crypto.randomUUID();
    expectOk(await card.ask({ type: 'payment.reviewRefund', attemptId, draft: draftOf() }));
    expect(await card.ask({ type: 'payment.refund', attemptId, draft: draftOf() })).toEqual({
      ok: false,
      error: {
        message:
          "That would take this account's credits, credit notes and refunds (they share one daily limit) in the last 24 hours to $515.00, over the daily limit of $500.00: $495.00 used, $5.00 left.",
      },
    });
    expect(refundPosts()).toHaveLength(0);
  });
});

describe('the refund card', () => {
  it('says the status and cancels a refund that requires action, once', async () => {
    const { open, journal } = await setUp();
    const card = await open(SEED_IDS.alexRefundNeedingAction);
    expect(expectView(card.contents, 'refund')).toMatchObject({
      amount: 5000,
      status: 'requires_action',
      reason: 'Requested by the customer',
      paymentId: SEED_IDS.alexPendingRefundPayment,
      statusWords:
        'Requires action: the customer must give Stripe their refund details before it can go out. It can still be canceled.',
    });
    const attemptId = crypto.randomUUID();
    expect(expectOk(await card.ask({ type: 'refund.cancel', attemptId }))).toMatchObject({
      status: 'canceled',
      statusWords: 'Canceled: nothing was returned to the customer.',
    });
    expect(harness.emulator.apiPosts().map((r) => r.path)).toEqual([
      `/v1/refunds/${SEED_IDS.alexRefundNeedingAction}/cancel`,
    ]);
    expect(await journal.get(attemptId)).toMatchObject({
      action: 'cancel_refund',
      outcome: 'succeeded',
    });
    // Not any more: Stripe's refusal is said from the refund as it is now.
    const again = await card.ask({ type: 'refund.cancel', attemptId: crypto.randomUUID() });
    expect(again.ok || again.error.message).toContain(
      'Only a refund that requires action can be canceled; this one is canceled.',
    );
  });
});

describe('the customer and session cards', () => {
  it('list the customer’s last payments, newest first, and the duplicate among them', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jenny);
    const payments = expectView(await card.reopen(), 'customer').recentPayments!;
    expect(payments.length).toBeLessThanOrEqual(10);
    expect(payments.map((p) => p.created)).toEqual(
      payments.map((p) => p.created).sort((a, b) => b - a),
    );
    expect(findDuplicateCharges(payments)).toEqual(
      new Map([[SEED_IDS.jennyDuplicatePayment, SEED_IDS.jennyOrderPayment]]),
    );
    expect(payments.find((p) => p.id === SEED_IDS.jennyDisputedPayment)).toMatchObject({
      disputed: true,
    });
    expect(payments.find((p) => p.id === SEED_IDS.jennyPartlyRefundedPayment)).toMatchObject({
      refunded: 2000,
    });
    // The card may open each payment it lists, and so refund the later one.
    expectOk(
      await card.ask({ type: 'card.openRelated', objectId: SEED_IDS.jennyDuplicatePayment }),
    );
    const list = harness.emulator.apiRequests().find((r) => r.path === '/v1/payment_intents')!;
    expect(list.query).toMatchObject({ customer: SEED_IDS.jenny, limit: '10' });
  });

  it('links a completed session to its payment and its customer', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.completeSession);
    expect(expectView(card.contents, 'checkout_session')).toMatchObject({
      paymentIntentId: SEED_IDS.jennySessionPayment,
      customerId: SEED_IDS.jenny,
      subscription: null,
    });
    expectOk(await card.ask({ type: 'card.openRelated', objectId: SEED_IDS.jennySessionPayment }));
    expect(expectView(await card.reopen(), 'payment').amount).toBe(120000);
  });
});
