import { describe, expect, it } from 'vitest';
import { ticketNote, type TicketNoteRecord } from '../../utils/journal/ticket-note';

const AT_14_02_UTC = Date.UTC(2026, 11, 8, 14, 2, 31);

const credit: TicketNoteRecord = {
  action: 'credit_customer_balance',
  objectId: 'cus_PzJennyRosen01',
  amount: 1050,
  currency: 'usd',
  requestId: 'req_abc123',
  updatedAt: AT_14_02_UTC,
  request: {
    method: 'POST',
    path: '/v1/customers/cus_PzJennyRosen01/balance_transactions',
    params: {
      amount: -1050,
      currency: 'usd',
      description: 'Late delivery',
      metadata: { source: 'stripe-helpdesk-actions', ticket_url: 'https://acme.zendesk.com/t/1' },
    },
  },
};

describe("the ticket's note", () => {
  it('says what was done, how much, to what, Stripe request and UTC time', () => {
    expect(ticketNote(credit)).toBe(
      'Credited $10.50 (cus_PzJennyRosen01), note: "Late delivery" — Stripe request req_abc123, 14:02 UTC',
    );
  });

  it('names the agent and a live change', () => {
    expect(ticketNote({ ...credit, mode: 'live', agentName: 'Dana' })).toBe(
      'Credited $10.50 (cus_PzJennyRosen01) (live), note: "Late delivery" by Dana — Stripe request req_abc123, 14:02 UTC',
    );
  });

  it("says where a credit note's money went and why", () => {
    expect(
      ticketNote({
        action: 'issue_credit_note',
        objectId: 'in_1JennyPaidMarch0001',
        amount: 2000,
        currency: 'usd',
        requestId: 'req_cn',
        updatedAt: AT_14_02_UTC,
        request: {
          method: 'POST',
          path: '/v1/credit_notes',
          params: {
            invoice: 'in_1JennyPaidMarch0001',
            reason: 'duplicate',
            amount: 2000,
            refund_amount: 1500,
            credit_amount: 500,
          },
        },
      }),
    ).toBe(
      'Issued a credit note of $20.00 (in_1JennyPaidMarch0001), $15.00 refunded, $5.00 to balance, reason: duplicate — Stripe request req_cn, 14:02 UTC',
    );
  });

  it('holds nothing secret: no ticket address, no return URL, no metadata', () => {
    const note = ticketNote({
      action: 'create_portal_link',
      objectId: 'cus_PzJennyRosen01',
      updatedAt: AT_14_02_UTC,
      requestId: 'req_portal',
      request: {
        method: 'POST',
        path: '/v1/billing_portal/sessions',
        params: { customer: 'cus_PzJennyRosen01', return_url: 'https://acme.com/account' },
      },
    });
    expect(note).toBe(
      'Created a billing portal link (cus_PzJennyRosen01) — Stripe request req_portal, 14:02 UTC',
    );
    expect(ticketNote(credit)).not.toMatch(/zendesk|sk_|rk_|https?:/);
  });

  it('says so of an action this version does not know, without a request ID', () => {
    expect(
      ticketNote({
        action: 'redeem_gift_card',
        objectId: 'pi_1',
        updatedAt: AT_14_02_UTC,
        request: { method: 'POST', path: '/v1/refunds', params: {} },
      }),
    ).toBe('Unknown action (redeem_gift_card) (pi_1) — 14:02 UTC');
  });
});

describe("the ticket's note of the newer kinds' actions", () => {
  it('says what a refund and a credited cancellation did, with their amount and reason', () => {
    expect(
      ticketNote({
        action: 'refund_payment',
        objectId: 'pi_3JennyPartRefund00001',
        amount: 2000,
        currency: 'usd',
        requestId: 'req_refund',
        updatedAt: AT_14_02_UTC,
        request: { method: 'POST', path: '/v1/refunds', params: { reason: 'duplicate' } },
      }),
    ).toBe(
      'Refunded $20.00 (pi_3JennyPartRefund00001), reason: duplicate — Stripe request req_refund, 14:02 UTC',
    );
    expect(
      ticketNote({
        action: 'cancel_subscription_prorated',
        objectId: 'sub_1JennyProMonthly',
        amount: 3000,
        currency: 'usd',
        requestId: 'req_cancel',
        updatedAt: AT_14_02_UTC,
        request: { method: 'DELETE', path: '/v1/subscriptions/sub_1JennyProMonthly', params: {} },
      }),
    ).toBe(
      "Canceled subscription now, crediting $30.00 (sub_1JennyProMonthly), unused time, to the customer's balance — Stripe request req_cancel, 14:02 UTC",
    );
  });
});
