import { describe, expect, it } from 'vitest';
import type { CreditNoteDraft } from '../../utils/objects/credit-note/draft';
import type { JournalRecord } from '../../utils/journal/activity-journal';
import { toSendAsReviewed, type BoundPreview, type PreviewBook } from '../../utils/kit';
import { success } from '../../utils/messaging/reply';
import { SEED_IDS } from '../emulator/seed-data';
import { expectOk, testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(31);
const twentyToBalance: CreditNoteDraft = {
  reason: 'duplicate',
  memo: '',
  currency: 'usd',
  amount: { by: 'total', total: '20' },
  destination: 'credit',
  split: { refund: '', credit: '', outOfBand: '' },
};
const notePosts = () =>
  harness.emulator.apiPosts().filter((request) => request.path === '/v1/credit_notes');

async function openInvoiceCard() {
  const router = harness.router({ senders });
  await router.saveTestKey();
  const card = await router.openCard(SEED_IDS.jennyOpenInvoice);
  const attemptId = crypto.randomUUID();
  const preview = () =>
    card.ask({ type: 'invoice.previewCreditNote', attemptId, draft: twentyToBalance });
  const issue = () =>
    card.ask({ type: 'invoice.issueCreditNote', attemptId, draft: twentyToBalance });
  return { preview, issue };
}

/** The customer pays the open invoice by card, as happens while a ticket is open. */
function customerPaysTheInvoice() {
  const invoice = harness.emulator.invoices().find((i) => i.id === SEED_IDS.jennyOpenInvoice)!;
  Object.assign(invoice, {
    status: 'paid',
    amount_paid: invoice.total,
    paid_by: { type: 'card', brand: 'visa', last4: '4242' },
  });
}

describe('a credit note confirmed after its review', () => {
  it('sends exactly the parameters Stripe previewed', async () => {
    const { preview, issue } = await openInvoiceCard();
    expect(expectOk(await preview()).sentence).toMatch(/\$20\.00/);
    const previewed = harness.emulator
      .apiRequests()
      .find((request) => request.path === '/v1/credit_notes/preview')!;
    expect((await issue()).ok).toBe(true);
    expect(notePosts()).toHaveLength(1);
    expect(notePosts()[0]!.form).toEqual(previewed.query);
  });

  it('is refused, naming what changed, when the invoice was paid since the review', async () => {
    const { preview, issue } = await openInvoiceCard();
    expect(expectOk(await preview()).sentence).toMatch(/owes|due/);
    customerPaysTheInvoice();
    const reply = await issue();
    expect(reply).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/changed since your review.*\$20\.00 to balance.*review/i),
      },
    });
    expect(notePosts()).toHaveLength(0);
    // The customer's balance is untouched: nothing was credited.
    expect(harness.emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(0);
  });

  it('is refused with nothing sent when it was never reviewed', async () => {
    const { issue } = await openInvoiceCard();
    expect(await issue()).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/review/i) },
    });
    expect(notePosts()).toHaveLength(0);
  });
});

describe('a review kept by the browser', () => {
  it('is the same request whatever order the browser keeps its keys in', async () => {
    const { asReviewed } = await import('../../utils/kit/preview-binding');
    const request = {
      method: 'POST' as const,
      path: '/v1/credit_notes',
      params: { invoice: 'in_1', amount: 2000, metadata: { source: 's', attempt_id: 'a' } },
    };
    // Chrome's storage returns objects with their keys sorted.
    const kept = {
      method: 'POST' as const,
      path: '/v1/credit_notes',
      params: { amount: 2000, invoice: 'in_1', metadata: { attempt_id: 'a', source: 's' } },
    };
    const previews = { bind: async () => {}, find: async () => ({ request: kept, sentence: '' }) };
    expect((await asReviewed(previews, 'a', request, () => 'changed')).ok).toBe(true);
  });
});

describe('what Confirm sends for a reviewed attempt (toSendAsReviewed)', () => {
  const request = { method: 'POST' as const, path: '/v1/refunds', params: { amount: 2000 } };
  const money = { minorUnits: 2000, currency: 'usd' };
  const bookWith = (bound: BoundPreview | null): PreviewBook => ({
    bind: async () => {},
    find: async () => bound,
  });
  const noJournal = { get: async () => undefined };
  const build = (params: Record<string, number>) => async () =>
    success({
      request: { ...request, params },
      money,
      whatChanged: () => 'The amount changed.',
    });

  it('sends what the review bound, with its sentence', async () => {
    const previews = bookWith({ request, money, sentence: 'Refund $20.00.' });
    const toSend = await toSendAsReviewed(
      { journal: noJournal, previews, attemptId: 'a1' },
      build({ amount: 2000 }),
    );
    expect(toSend).toEqual({ ok: true, value: { request, money, sentence: 'Refund $20.00.' } });
  });

  it('refuses what no review bound, and what differs from it, naming the change', async () => {
    const unreviewed = await toSendAsReviewed(
      { journal: noJournal, previews: bookWith(null), attemptId: 'a1' },
      build({ amount: 2000 }),
    );
    expect(unreviewed).toMatchObject({ ok: false, error: { message: /Review this first/ } });
    const changed = await toSendAsReviewed(
      {
        journal: noJournal,
        previews: bookWith({ request, money, sentence: 'Refund $20.00.' }),
        attemptId: 'a1',
      },
      build({ amount: 3000 }),
    );
    expect(changed).toMatchObject({
      ok: false,
      error: { message: 'The amount changed. Nothing was sent: review it again.' },
    });
  });

  it('resends a journaled attempt exactly as recorded, never rebuilt from the object now', async () => {
    const recorded = { ...request, params: { amount: 2000, reason: 'duplicate' } };
    const journal = {
      get: async () =>
        ({ request: recorded, amount: 2000, currency: 'usd' }) as unknown as JournalRecord,
    };
    let rebuilt = false;
    const toSend = await toSendAsReviewed(
      {
        journal,
        previews: bookWith({ request: recorded, money, sentence: 'Refund $20.00.' }),
        attemptId: 'a1',
      },
      async () => {
        rebuilt = true;
        return build({ amount: 1 })();
      },
    );
    expect(rebuilt).toBe(false);
    expect(toSend).toEqual({
      ok: true,
      value: { request: recorded, money, sentence: 'Refund $20.00.' },
    });
  });
});
