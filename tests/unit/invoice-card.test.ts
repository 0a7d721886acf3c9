import { describe, expect, it } from 'vitest';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import { SEED_IDS } from '../emulator/seed-data';
import { testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const { page, card, options } = testSenders(11);
const REFUSED = { ok: false, error: { message: 'This request is not allowed from here.' } };

async function setUp() {
  const { handle } = harness.router({ journal: openActivityJournal(`inv-${crypto.randomUUID()}`) });
  await handle({ type: 'accounts.save', apiKey: harness.emulator.keys.testSecret }, options);
  harness.emulator.received.length = 0;
  const open = async (objectId: string) => {
    const grant = (await handle({ type: 'page.openCard', objectId }, page)) as {
      value: { token: string };
    };
    const token = grant.value.token;
    const reopen = async () =>
      ((await handle({ type: 'card.open', token }, card)) as { value: any }).value;
    return { token, contents: await reopen(), reopen };
  };
  return { handle, open };
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
    expect(contents.found.value.lines.map((l: { description: string }) => l.description)).toEqual([
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
    expect(contents.found.value.lines).toHaveLength(10);
    expect(contents.found.value.moreLines).toBe(2);
  });

  it("opens the invoice's customer, and a customer's invoice, and nothing else", async () => {
    const { handle, open } = await setUp();
    const invoice = await open(SEED_IDS.jennyPaidInvoice);
    // Alex is not this invoice's customer.
    expect(
      await handle(
        { type: 'card.openRelated', token: invoice.token, objectId: SEED_IDS.alexWork },
        card,
      ),
    ).toEqual(REFUSED);
    expect(
      await handle(
        { type: 'card.openRelated', token: invoice.token, objectId: SEED_IDS.jenny },
        card,
      ),
    ).toEqual({ ok: true, value: null });
    const customer = await invoice.reopen();
    expect(customer).toMatchObject({ kind: 'customer', objectId: SEED_IDS.jenny });
    // From the customer's card, on to one of her invoices; Alex's stays out of reach.
    expect(
      await handle(
        { type: 'card.openRelated', token: invoice.token, objectId: SEED_IDS.alexWorkOpenInvoice },
        card,
      ),
    ).toEqual(REFUSED);
    expect(
      await handle(
        { type: 'card.openRelated', token: invoice.token, objectId: SEED_IDS.jennyOpenInvoice },
        card,
      ),
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
