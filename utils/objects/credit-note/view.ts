import type { StripeMode } from '../../stripe-id-grammar';
import type { CreditNote } from './schema';

/** What the credit note card shows. Built in the background; holds no secrets. */
export interface CreditNoteView {
  id: string;
  number: string | null;
  invoiceId: string;
  status: 'issued' | 'void';
  total: number;
  currency: string;
  reason: string | null;
  memo: string | null;
  /** Stripe's PDF of the note; shown to the agent only. */
  pdf: string | null;
  /** What lowered the amount due, and where the rest went. */
  prePayment: number;
  refunded: number;
  creditedToBalance: boolean;
  outOfBand: number;
  mode: StripeMode;
  accountLabel: string;
  dashboardUrl: string;
  foundInOtherMode: boolean;
}

export const invoiceIdOf = (note: CreditNote) =>
  typeof note.invoice === 'string' ? note.invoice : note.invoice.id;

/** The part of a note's post-payment amount that went to the balance: what is left over. */
export const toCreditNoteParts = (note: CreditNote) => {
  const refunded = (note.refunds ?? []).reduce((sum, r) => sum + r.amount_refunded, 0);
  const outOfBand = note.out_of_band_amount ?? 0;
  return {
    prePayment: note.pre_payment_amount ?? 0,
    refunded,
    outOfBand,
    creditedToBalance: Boolean(note.customer_balance_transaction),
  };
};
