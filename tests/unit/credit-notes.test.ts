import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDRAILS } from '../../utils/guardrails/limits';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import {
  checkCreditNoteDraft,
  describeCreditNote,
  type CreditableInvoice,
  type CreditNoteDraft,
} from '../../utils/objects/credit-note/draft';
import { encodeStripeForm } from '../../utils/stripe/form-encoding';
import { SEED_IDS } from '../emulator/seed-data';
import { expectOk, expectView, testSenders, useEmulator, type TestCard } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(12);
const REFUSED = { ok: false, error: { message: 'This request is not allowed from here.' } };

const draftOf = (over: Partial<CreditNoteDraft> = {}): CreditNoteDraft => ({
  reason: 'duplicate',
  memo: '',
  currency: 'usd',
  amount: { by: 'total', total: '20.00' },
  destination: 'refund',
  split: { refund: '', credit: '', outOfBand: '' },
  ...over,
});

const paidInvoice: CreditableInvoice = {
  id: 'in_1PaidInvoiceForTests01',
  number: 'ACME-0100',
  status: 'paid',
  currency: 'usd',
  total: 12000,
  amountPaid: 12000,
  amountRemaining: 0,
  alreadyCredited: 3000,
  lines: [
    { id: 'il_1Seats', description: 'Pro plan × 3 seats', quantity: 3, amount: 9000 },
    { id: 'il_1Odd', description: 'Odd bundle', quantity: 3, amount: 1000 },
    { id: 'il_1Fee', description: 'Setup fee', quantity: null, amount: 3000 },
  ],
  paidBy: { kind: 'card', label: 'Visa •••• 4242' },
};

async function setUp(journal = openActivityJournal(`cn-${crypto.randomUUID()}`)) {
  const { openCard, saveTestKey } = harness.router({ journal, senders });
  await saveTestKey();
  harness.emulator.received.length = 0;
  const open = async (objectId: string) => {
    const opened = await openCard(objectId);
    harness.emulator.received.length = 0;
    return opened;
  };
  return { open, journal };
}

/** As the card does it: Review (Stripe's preview), then Confirm the same attempt. */
async function reviewAndIssue(card: TestCard, draft: CreditNoteDraft) {
  const attemptId = crypto.randomUUID();
  expectOk(await card.ask({ type: 'invoice.previewCreditNote', attemptId, draft }));
  return card.ask({ type: 'invoice.issueCreditNote', attemptId, draft });
}

const posts = () => harness.emulator.apiPosts().filter((r) => r.path === '/v1/credit_notes');
const previews = () =>
  harness.emulator.apiRequests().filter((r) => r.path === '/v1/credit_notes/preview');

describe('a credit note draft, checked before anything is sent', () => {
  const check = (draft: Partial<CreditNoteDraft>, invoice: Partial<CreditableInvoice> = {}) =>
    checkCreditNoteDraft(draftOf(draft), { ...paidInvoice, ...invoice }, DEFAULT_GUARDRAILS);
  const reason = (draft: Partial<CreditNoteDraft>, invoice: Partial<CreditableInvoice> = {}) => {
    const checked = check(draft, invoice);
    return checked.ok ? null : checked.reason;
  };

  it('encodes lines, quantity and amount as Stripe reads them', () => {
    const checked = check({
      amount: {
        by: 'lines',
        lines: [
          { lineId: 'il_1Seats', quantity: '1', amount: '' },
          { lineId: 'il_1Fee', quantity: '', amount: '10.00' },
          { lineId: 'il_1Odd', quantity: '', amount: '' },
        ],
      },
      destination: 'credit',
      memo: '  Seat removed  ',
    });
    expect(checked).toMatchObject({ ok: true, total: 4000, credit: 4000, refund: 0 });
    if (!checked.ok) return;
    expect(decodeURIComponent(encodeStripeForm(checked.params))).toBe(
      'invoice=in_1PaidInvoiceForTests01&reason=duplicate' +
        '&lines[0][type]=invoice_line_item&lines[0][invoice_line_item]=il_1Seats&lines[0][quantity]=1' +
        '&lines[1][type]=invoice_line_item&lines[1][invoice_line_item]=il_1Fee&lines[1][amount]=1000' +
        '&memo=Seat removed&credit_amount=4000',
    );
  });

  it('places a split exactly, and says what is left when it does not add up', () => {
    expect(
      check({ destination: 'split', split: { refund: '15', credit: '5.00', outOfBand: '' } }),
    ).toMatchObject({
      ok: true,
      refund: 1500,
      credit: 500,
      outOfBand: 0,
      params: { amount: 2000 },
    });
    expect(
      reason({ destination: 'split', split: { refund: '15', credit: '', outOfBand: '0' } }),
    ).toBe('The split comes to $15.00; it must come to $20.00 ($5.00 still to place).');
    expect(
      reason({ destination: 'split', split: { refund: '15', credit: '6', outOfBand: '' } }),
    ).toBe('The split comes to $21.00, $1.00 more than the $20.00 to place.');
    expect(
      reason({ destination: 'split', split: { refund: '-5', credit: '', outOfBand: '' } }),
    ).toMatch(/^Refund: Enter the credit as a positive amount/);
  });

  it('refuses every invoice and amount Stripe would, saying what to fix', () => {
    expect(reason({}, { status: 'draft' })).toMatch(/draft: change it in the Dashboard/);
    expect(reason({}, { status: 'void' })).toMatch(/void: nothing on it can be credited/);
    expect(reason({}, { status: 'uncollectible' })).toMatch(/uncollectible/);
    expect(reason({ amount: { by: 'total', total: '90.01' } })).toBe(
      'That is more than this invoice can still be credited: at most $90.00 (total $120.00, $30.00 credited already).',
    );
    expect(reason({ amount: { by: 'total', total: '0' } })).toBe(
      'Enter an amount greater than zero.',
    );
    expect(reason({ amount: { by: 'total', total: '-3' } })).toMatch(/positive amount/);
    expect(reason({ amount: { by: 'total', total: '1.234' } })).toBe(
      'USD takes at most 2 decimals.',
    );
    expect(reason({ currency: 'eur' })).toBe(
      "This invoice is in USD: a credit note is always in the invoice's currency, not EUR.",
    );
    expect(reason({}, { paidBy: { kind: 'outside' } })).toMatch(
      /paid outside Stripe, so there is no card/,
    );
    expect(reason({}, { paidBy: { kind: 'unknown' } })).toMatch(
      /cannot read how the invoice was paid/,
    );
    // The same money to the balance goes, whoever took it.
    expect(check({ destination: 'credit' }, { paidBy: { kind: 'outside' } })).toMatchObject({
      ok: true,
    });
    expect(reason({}, { total: 1_000_000, amountPaid: 1_000_000, alreadyCredited: 0 })).toBeNull();
    expect(
      reason(
        { amount: { by: 'total', total: '150' } },
        { total: 100_000, amountPaid: 100_000, alreadyCredited: 0 },
      ),
    ).toMatch(/over the limit of \$100.00 per credit/);
  });

  it('refuses line credits that are not whole, too many, or both at once', () => {
    const line = (lineId: string, quantity: string, amount: string) => ({
      amount: { by: 'lines' as const, lines: [{ lineId, quantity, amount }] },
    });
    expect(reason(line('il_1Seats', '4', ''))).toBe(
      'For “Pro plan × 3 seats”, the quantity must be a whole number from 1 to 3.',
    );
    expect(reason(line('il_1Seats', '1', '5'))).toBe(
      'For “Pro plan × 3 seats”, give a quantity or an amount, not both.',
    );
    expect(reason(line('il_1Odd', '1', ''))).toMatch(
      /does not divide evenly: credit an amount instead/,
    );
    expect(reason(line('il_1Fee', '', '31'))).toBe(
      'For “Setup fee”, the amount is more than the line ($30.00).',
    );
    expect(reason(line('il_1Gone', '', '1'))).toMatch(/not on this invoice/);
    expect(reason({ amount: { by: 'lines', lines: [] } })).toBe(
      'Give a quantity or an amount for at least one line.',
    );
  });

  it('reads yen and dinar amounts to the exact minor unit', () => {
    const yen: Partial<CreditableInvoice> = {
      currency: 'jpy',
      total: 12000,
      amountPaid: 12000,
      alreadyCredited: 0,
    };
    expect(check({ currency: 'jpy', amount: { by: 'total', total: '3,000' } }, yen)).toMatchObject({
      ok: true,
      total: 3000,
    });
    expect(reason({ currency: 'jpy', amount: { by: 'total', total: '30.5' } }, yen)).toBe(
      'JPY amounts are whole numbers; remove the decimals.',
    );
    const dinar: Partial<CreditableInvoice> = {
      currency: 'kwd',
      total: 45000,
      amountPaid: 45000,
      alreadyCredited: 0,
    };
    expect(
      check({ currency: 'kwd', amount: { by: 'total', total: '5.120' } }, dinar),
    ).toMatchObject({
      ok: true,
      total: 5120,
    });
    expect(reason({ currency: 'kwd', amount: { by: 'total', total: '5.124' } }, dinar)).toMatch(
      /last of the three KWD decimals to be 0/,
    );
  });

  it.each([
    // 2.010 KWD for two: one comes to 1.005, which Stripe refuses in a three-decimal currency.
    [
      'kwd',
      2010,
      'For “Two seats”, 1 of 2 comes to 1.005 KWD, and Stripe needs the last of the three KWD decimals to be 0: credit an amount instead, 1.000 or 1.010.',
    ],
    // ISK goes to Stripe with two decimals that must be 00: one of two at ISK 3 is ISK 1.50.
    [
      'isk',
      300,
      'For “Two seats”, 1 of 2 comes to 1.50 ISK, and ISK amounts are whole numbers: credit an amount instead, 1 or 2.',
    ],
  ])(
    'refuses a %s line credited by quantity that comes to an amount Stripe would refuse',
    (currency, lineAmount, refusal) => {
      const invoice: Partial<CreditableInvoice> = {
        currency,
        total: lineAmount,
        amountPaid: lineAmount,
        alreadyCredited: 0,
        lines: [{ id: 'il_1Two', description: 'Two seats', quantity: 2, amount: lineAmount }],
      };
      const byQuantity = (quantity: string) => ({
        currency,
        amount: { by: 'lines' as const, lines: [{ lineId: 'il_1Two', quantity, amount: '' }] },
      });
      expect(reason(byQuantity('1'), invoice)).toBe(refusal);
      expect(check(byQuantity('2'), invoice)).toMatchObject({ ok: true, total: lineAmount });
    },
  );

  it('says the effect in the agent’s words, open or paid', () => {
    const checked = check({});
    expect(checked.ok && describeCreditNote(checked, paidInvoice)).toBe(
      'Invoice ACME-0100 total $120.00 → credit note $20.00: $20.00 refunded to Visa •••• 4242. Amount remaining after: $0.00.',
    );
    const open: CreditableInvoice = {
      ...paidInvoice,
      status: 'open',
      amountPaid: 0,
      amountRemaining: 4900,
      alreadyCredited: 0,
      total: 4900,
      paidBy: null,
    };
    const lowered = checkCreditNoteDraft(draftOf(), open, DEFAULT_GUARDRAILS);
    expect(lowered).toMatchObject({ ok: true, prePayment: 2000, postPayment: 0, refund: 0 });
    expect(lowered.ok && lowered.params).not.toHaveProperty('refund_amount');
    expect(lowered.ok && describeCreditNote(lowered, open)).toBe(
      'Invoice ACME-0100 total $49.00 → credit note $20.00: $20.00 off what is still due. Amount remaining after: $29.00.',
    );
  });
});

describe('issuing a credit note from the invoice card', () => {
  it('previews with exactly the parameters it then posts, once, with a journaled key', async () => {
    const { open, journal } = await setUp();
    const { ask, contents } = await open(SEED_IDS.jennyPaidInvoice);
    expect(expectView(contents, 'invoice')).toMatchObject({
      alreadyCredited: 3000,
      paidBy: { kind: 'card', label: 'Visa •••• 4242' },
    });
    const attemptId = crypto.randomUUID();
    const draft = draftOf({
      destination: 'split',
      split: { refund: '15.00', credit: '5.00', outOfBand: '' },
      memo: 'Duplicate seat',
    });
    const preview = await ask({ type: 'invoice.previewCreditNote', attemptId, draft });
    expect(preview).toEqual({
      ok: true,
      value: {
        sentence:
          "Invoice ACME-0041 total $120.00 → credit note $20.00: $15.00 refunded to Visa •••• 4242, $5.00 credited to the customer's balance. Amount remaining after: $0.00.",
        total: 2000,
        currency: 'usd',
      },
    });
    expect(posts()).toHaveLength(0);
    const [previewed] = previews();
    const issued = await Promise.all([
      ask({ type: 'invoice.issueCreditNote', attemptId, draft }),
      ask({ type: 'invoice.issueCreditNote', attemptId, draft }),
    ]);
    expect(issued[0]).toMatchObject({
      ok: true,
      value: { number: 'ACME-0041-CN-02', total: 2000, pdf: expect.stringMatching(/^https:/) },
    });
    expect(issued[1]).toEqual(issued[0]);
    const [posted] = posts();
    expect(posts()).toHaveLength(1);
    expect(posted!.form).toEqual(previewed!.query);
    expect(posted!.form).toEqual({
      invoice: SEED_IDS.jennyPaidInvoice,
      amount: '2000',
      reason: 'duplicate',
      memo: 'Duplicate seat',
      refund_amount: '1500',
      credit_amount: '500',
      metadata: {
        source: 'stripe-helpdesk-actions',
        ticket_url: expect.any(String),
        attempt_id: attemptId,
      },
    });
    const record = await journal.get(attemptId);
    expect(posted!.headers['idempotency-key']).toBe(record!.idempotencyKey);
    expect(record).toMatchObject({
      action: 'issue_credit_note',
      amount: 2000,
      currency: 'usd',
      outcome: 'succeeded',
    });
    expect(harness.emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(-500);
    // A second Confirm of the same attempt sends nothing.
    expect(await ask({ type: 'invoice.issueCreditNote', attemptId, draft })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/already done/) },
    });
    expect(posts()).toHaveLength(1);
  });

  it('makes one credit note across a 429 and a restarted worker', async () => {
    const journal = openActivityJournal(`cn-${crypto.randomUUID()}`);
    const first = await setUp(journal);
    const firstCard = await first.open(SEED_IDS.jennyPaidInvoice);
    const attemptId = crypto.randomUUID();
    const draft = draftOf({ destination: 'credit' });
    expect((await firstCard.ask({ type: 'invoice.previewCreditNote', attemptId, draft })).ok).toBe(
      true,
    );
    harness.emulator.injectFault(
      { kind: 'status', status: 429 },
      { method: 'POST', pathPrefix: '/v1/credit_notes' },
    );
    harness.emulator.injectFault(
      { kind: 'drop-after' },
      { method: 'POST', pathPrefix: '/v1/credit_notes', times: 3 },
    );
    // …and Stripe cannot be read just then to settle it: the attempt stays in doubt.
    harness.emulator.injectFault(
      { kind: 'status', status: 500 },
      { method: 'GET', pathPrefix: '/v1/credit_notes', times: 3 },
    );
    const lost = await firstCard.ask({ type: 'invoice.issueCreditNote', attemptId, draft });
    expect(lost).toMatchObject({ ok: false, error: { unresolved: true } });
    const keys = new Set(posts().map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    // The worker restarts; the card retries the same attempt through a new background,
    // which reads Stripe first: the note is there, so nothing is sent again.
    const second = await setUp(journal);
    const again = await second.open(SEED_IDS.jennyPaidInvoice);
    const retried = await again.ask({ type: 'invoice.issueCreditNote', attemptId, draft });
    expect(retried).toMatchObject({ ok: true, value: { total: 2000 } });
    expect(posts()).toHaveLength(0);
    expect(
      harness.emulator.creditNotes().filter((n) => n.invoice === SEED_IDS.jennyPaidInvoice),
    ).toHaveLength(2);
  });

  it('refuses with nothing sent: a forged draft on a draft invoice, or on another card', async () => {
    const { open } = await setUp();
    const draftInvoice = await open(SEED_IDS.jennyDraftInvoice);
    const attemptId = crypto.randomUUID();
    const reply = await draftInvoice.ask({
      type: 'invoice.issueCreditNote',
      attemptId,
      draft: draftOf(),
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/draft: change it in the Dashboard/) },
    });
    expect(harness.emulator.apiPosts()).toHaveLength(0);
    const customer = await open(SEED_IDS.jenny);
    expect(
      await customer.ask({ type: 'invoice.issueCreditNote', attemptId, draft: draftOf() }),
    ).toEqual(REFUSED);
    expect(harness.emulator.apiPosts()).toHaveLength(0);
  });

  it('refuses a refund on an invoice paid outside Stripe before any preview', async () => {
    const { open } = await setUp();
    const { ask, contents } = await open(SEED_IDS.alexHomeCashInvoice);
    expect(expectView(contents, 'invoice').paidBy).toEqual({ kind: 'outside' });
    const reply = await ask({
      type: 'invoice.previewCreditNote',
      attemptId: crypto.randomUUID(),
      draft: draftOf(),
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/paid outside Stripe/) },
    });
    expect(previews()).toHaveLength(0);
  });

  it("explains Stripe's refusal of a refund already made, with its request ID", async () => {
    const { open } = await setUp();
    const { ask } = await open(SEED_IDS.kenjiRefundedInvoice);
    const reply = await ask({
      type: 'invoice.previewCreditNote',
      attemptId: crypto.randomUUID(),
      draft: draftOf({ currency: 'jpy', amount: { by: 'total', total: '500' } }),
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/already refunded in full/),
        requestId: expect.stringMatching(/^req_/),
      },
    });
    expect(posts()).toHaveLength(0);
  });

  it('issues yen and dinar credit notes in exact minor units', async () => {
    const { open } = await setUp();
    const yen = await open(SEED_IDS.kenjiYenInvoice);
    const yenReply = await reviewAndIssue(
      yen,
      draftOf({
        currency: 'jpy',
        amount: {
          by: 'lines',
          lines: [{ lineId: 'il_1KenjiYenSeats00001', quantity: '1', amount: '' }],
        },
      }),
    );
    expect(yenReply).toMatchObject({ ok: true, value: { total: 3000, currency: 'jpy' } });
    const yenPosts = posts();
    const dinar = await open(SEED_IDS.salimDinarInvoice);
    expect(
      await reviewAndIssue(
        dinar,
        draftOf({ currency: 'kwd', amount: { by: 'total', total: '12.250' } }),
      ),
    ).toMatchObject({ ok: true, value: { total: 12250, currency: 'kwd' } });
    expect(
      [...yenPosts, ...posts()].map((r) => [r.form.amount ?? r.form.lines, r.form.refund_amount]),
    ).toEqual([
      [
        [{ type: 'invoice_line_item', invoice_line_item: 'il_1KenjiYenSeats00001', quantity: '1' }],
        '3000',
      ],
      ['12250', '12250'],
    ]);
  });

  it('lowers what an open invoice owes, with no money moving', async () => {
    const { open } = await setUp();
    const reply = await reviewAndIssue(
      await open(SEED_IDS.jennyOpenInvoice),
      draftOf({ amount: { by: 'total', total: '49.00' }, destination: 'refund' }),
    );
    expect(reply).toMatchObject({ ok: true, value: { total: 4900 } });
    expect(posts()[0]!.form).not.toHaveProperty('refund_amount');
    expect(
      harness.emulator.invoices().find((i) => i.id === SEED_IDS.jennyOpenInvoice)!.status,
    ).toBe('paid');
  });
});

describe('voiding a credit note', () => {
  it('voids from its own card, once, and from the invoice card only notes it listed', async () => {
    const { open, journal } = await setUp();
    const note = await open(SEED_IDS.jennyCreditNote);
    expect(expectView(note.contents, 'credit_note')).toMatchObject({
      number: 'ACME-0041-CN-01',
      invoiceId: SEED_IDS.jennyPaidInvoice,
      status: 'issued',
      refunded: 3000,
    });
    const attemptId = crypto.randomUUID();
    const [voided, twice] = await Promise.all([
      note.ask({ type: 'creditNote.void', attemptId }),
      note.ask({ type: 'creditNote.void', attemptId }),
    ]);
    expect(voided).toMatchObject({ ok: true, value: { status: 'void' } });
    expect(twice).toEqual(voided);
    const voids = harness.emulator.apiPosts();
    expect(voids.map((r) => [r.path, r.rawBody])).toEqual([
      [`/v1/credit_notes/${SEED_IDS.jennyCreditNote}/void`, ''],
    ]);
    expect(voids[0]!.headers['idempotency-key']).toBe(
      (await journal.get(attemptId))!.idempotencyKey,
    );

    // Another invoice's card may not void it.
    const other = await open(SEED_IDS.jennyOpenInvoice);
    expect(
      await other.ask({
        type: 'invoice.voidCreditNote',
        attemptId: crypto.randomUUID(),
        creditNoteId: SEED_IDS.jennyCreditNote,
      }),
    ).toEqual(REFUSED);
    // Its own invoice's card may, and Stripe's "already void" comes back in plain words.
    const own = await open(SEED_IDS.jennyPaidInvoice);
    expect(
      await own.ask({
        type: 'invoice.voidCreditNote',
        attemptId: crypto.randomUUID(),
        creditNoteId: SEED_IDS.jennyCreditNote,
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'This credit note is already void; nothing was changed.' },
    });
  });
});
