import { describe, expect, it } from 'vitest';
import { balanceChange, creditReviewLines } from '../../utils/objects/customer/credit-review';
import { creditNoteReviewLines, voidEffects } from '../../utils/objects/credit-note/review-lines';

describe('a balance in the card’s words', () => {
  it('says credit or owes on both sides, never a bare sign', () => {
    expect(balanceChange(-1050, -2100, 'usd')).toBe('Credit $10.50 → Credit $21.00');
    expect(balanceChange(400, -650, 'usd')).toBe('Owes $4.00 → Credit $6.50');
    expect(balanceChange(0, -500, 'eur')).toBe('No balance → Credit €5.00');
    expect(balanceChange(-500, -1000, 'eur')).not.toMatch(/[−-]/);
  });
});

describe("a credit's review", () => {
  const base = { who: 'Jenny Rosen', minorUnits: 500, currency: 'eur', note: '' };

  it('lists the amount, the balance before and after, and the note', () => {
    expect(
      creditReviewLines({ ...base, balance: -500, balanceCurrency: 'eur', note: 'Late parcel' }),
    ).toEqual([
      { label: 'Credit', value: '€5.00 to Jenny Rosen' },
      {
        label: 'Balance',
        value: 'Credit €5.00 → Credit €10.00',
        aside: 'taken off their next invoices',
      },
      { label: 'Note', value: 'Late parcel', aside: 'kept with the credit in Stripe' },
    ]);
  });

  it('says None for an empty note, and a first balance from none', () => {
    const lines = creditReviewLines({ ...base, balance: 0, balanceCurrency: null });
    expect(lines.find((l) => l.label === 'Note')).toEqual({
      label: 'Note',
      value: 'None',
      aside: undefined,
    });
    expect(lines.find((l) => l.label === 'Balance')!.value).toBe('No balance → Credit €5.00');
  });

  it('says the balance in another currency is left as it is', () => {
    const balance = creditReviewLines({ ...base, balance: -1000, balanceCurrency: 'usd' }).find(
      (l) => l.label === 'Balance',
    )!;
    expect(balance).toEqual({
      label: 'Balance',
      value: 'Credit $10.00, unchanged',
      aside: 'their balance is in USD: this EUR credit applies only to EUR invoices',
    });
  });
});

describe("a credit note's review", () => {
  const invoice = {
    id: 'in_1',
    number: 'ACME-0041',
    total: 12000,
    currency: 'usd',
    amountRemaining: 0,
    paidBy: { kind: 'card' as const, label: 'Visa •••• 4242' },
  };
  const checked = { total: 2000, prePayment: 0, refund: 1500, credit: 500, outOfBand: 0 };

  it('lists amount, where each part goes, what is still due, reason and memo with who sees it', () => {
    expect(
      creditNoteReviewLines(checked, invoice, { reason: 'duplicate', memo: ' Seat billed twice ' }),
    ).toEqual([
      {
        label: 'Credit note',
        value: '$20.00 on invoice ACME-0041',
        aside: 'invoice total $120.00',
      },
      {
        label: 'Money goes',
        value: "$15.00 refunded to Visa •••• 4242; $5.00 credited to the customer's balance",
      },
      { label: 'Still due after', value: '$0.00' },
      { label: 'Reason', value: 'Duplicate charge' },
      {
        label: 'Memo',
        value: 'Seat billed twice',
        aside: 'the customer sees it on the credit note and its PDF',
      },
    ]);
  });

  it('says None for no memo', () => {
    const memo = creditNoteReviewLines(checked, invoice, { reason: 'fraudulent', memo: '' }).at(-1);
    expect(memo).toEqual({ label: 'Memo', value: 'None', aside: undefined });
  });
});

describe('what voiding a note undoes', () => {
  const note = {
    total: 3000,
    currency: 'usd',
    prePayment: 0,
    refunded: 0,
    creditedToBalance: false,
    outOfBand: 0,
  };

  it('says of a refunded note only that the refund stays: nothing becomes due again', () => {
    expect(voidEffects({ ...note, refunded: 3000 })).toEqual([
      'the $30.00 already refunded stays with the customer (a void does not take a refund back)',
    ]);
  });

  it('says each part the note did', () => {
    expect(
      voidEffects({ ...note, prePayment: 1000, creditedToBalance: true, outOfBand: 500 }),
    ).toEqual([
      'the $10.00 it took off the invoice is due again',
      "the credit it put on the customer's balance is taken back",
      'the $5.00 recorded as paid back outside Stripe is no longer recorded',
    ]);
  });
});
