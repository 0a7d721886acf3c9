import { describe, expect, it } from 'vitest';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import { SEED_IDS } from '../emulator/seed-data';
import { expectView, testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(11);
const REFUSED = { ok: false, error: { message: 'This request is not allowed from here.' } };

async function setUp() {
  const { openCard, saveTestKey } = harness.router({
    journal: openActivityJournal(`inv-${crypto.randomUUID()}`),
    senders,
  });
  await saveTestKey();
  harness.emulator.received.length = 0;
  return { open: openCard };
}

describe('the invoice card', () => {
  it('shows the invoice, its lines and credit notes, from three reads sent together', async () => {
    const { open } = await setUp();
    const { contents } = await open(SEED_IDS.jennyPaidInvoice);
    expect(contents).toMatchObject({
      kind: 'invoice',
      found: {
        ok: true,
        value: {
          number: 'ACME-0041',
          status: 'paid',
          total: 12000,
          amountPaid: 12000,
          amountRemaining: 0,
          currency: 'usd',
          customer: { id: SEED_IDS.jenny, name: 'Jenny Rosen' },
          moreLines: 0,
          creditNotes: [{ number: 'ACME-0041-CN-01', total: 3000, status: 'issued' }],
        },
      },
    });
    expect(expectView(contents, 'invoice').lines.map((l) => l.description)).toEqual([
      'Pro plan × 3 seats',
      'Onboarding session',
    ]);
    expect(harness.emulator.received.map((r) => `${r.path} ${JSON.stringify(r.query)}`)).toEqual(
      expect.arrayContaining([
        `/v1/invoices/${SEED_IDS.jennyPaidInvoice} {}`,
        `/v1/invoices/${SEED_IDS.jennyPaidInvoice}/lines {"limit":"10"}`,
        `/v1/credit_notes {"invoice":"${SEED_IDS.jennyPaidInvoice}","limit":"10"}`,
      ]),
    );
  });

  it('lists the first 10 lines and says how many more', async () => {
    const { open } = await setUp();
    const { contents } = await open(SEED_IDS.alexWorkOpenInvoice);
    const view = expectView(contents, 'invoice');
    expect(view.lines).toHaveLength(10);
    expect(view.moreLines).toBe(2);
  });

  it("opens the invoice's customer, and a customer's invoice, and nothing else", async () => {
    const { open } = await setUp();
    const invoice = await open(SEED_IDS.jennyPaidInvoice);
    // Alex is not this invoice's customer.
    expect(await invoice.ask({ type: 'card.openRelated', objectId: SEED_IDS.alexWork })).toEqual(
      REFUSED,
    );
    expect(await invoice.ask({ type: 'card.openRelated', objectId: SEED_IDS.jenny })).toEqual({
      ok: true,
      value: null,
    });
    const customer = await invoice.reopen();
    expect(customer).toMatchObject({ kind: 'customer', objectId: SEED_IDS.jenny });
    // From the customer's card, on to one of her invoices; Alex's stays out of reach.
    expect(
      await invoice.ask({ type: 'card.openRelated', objectId: SEED_IDS.alexWorkOpenInvoice }),
    ).toEqual(REFUSED);
    expect(
      await invoice.ask({ type: 'card.openRelated', objectId: SEED_IDS.jennyOpenInvoice }),
    ).toEqual({ ok: true, value: null });
    expect(await invoice.reopen()).toMatchObject({
      kind: 'invoice',
      found: { value: { number: 'ACME-0042', status: 'open', amountRemaining: 4900 } },
    });
    expect(harness.emulator.apiPosts()).toHaveLength(0);
  });

  it('says when Stripe has no such invoice, with the request ID to quote', async () => {
    const { open } = await setUp();
    const { contents } = await open('in_1NoSuchInvoiceAtAll01');
    expect(contents.found).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining("No such invoice: 'in_1NoSuchInvoiceAtAll01'"),
        requestId: expect.stringMatching(/^req_/),
      },
    });
  });
});
