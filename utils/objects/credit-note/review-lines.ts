import { formatMinorUnits } from '../../currency-units';
import type { ReviewLine } from '../../review-lines';
import type { CreditNoteView } from './view';
import {
  CREDIT_NOTE_REASONS,
  creditNoteEffects,
  type CheckedCreditNote,
  type CreditableInvoice,
  type CreditNoteDraft,
} from './draft';

/** Everything a new credit note sends: amount, where each part goes, reason, and memo. */
export function creditNoteReviewLines(
  checked: Pick<CheckedCreditNote, 'total' | 'prePayment' | 'refund' | 'credit' | 'outOfBand'>,
  invoice: Pick<
    CreditableInvoice,
    'number' | 'id' | 'total' | 'currency' | 'amountRemaining' | 'paidBy'
  >,
  draft: Pick<CreditNoteDraft, 'reason' | 'memo'>,
): ReviewLine[] {
  const money = (minor: number) => formatMinorUnits(minor, invoice.currency);
  const memo = draft.memo.trim();
  return [
    {
      label: 'Credit note',
      value: `${money(checked.total)} on invoice ${invoice.number ?? invoice.id}`,
      aside: `invoice total ${money(invoice.total)}`,
    },
    { label: 'Money goes', value: creditNoteEffects(checked, invoice).join('; ') },
    {
      label: 'Still due after',
      value: money(Math.max(0, invoice.amountRemaining - checked.prePayment)),
    },
    { label: 'Reason', value: CREDIT_NOTE_REASONS[draft.reason] },
    {
      label: 'Memo',
      value: memo || 'None',
      aside: memo ? 'the customer sees it on the credit note and its PDF' : undefined,
    },
  ];
}

/** What a credit note did, as voiding it would undo it. */
export type VoidableNote = Pick<
  CreditNoteView,
  'total' | 'currency' | 'prePayment' | 'refunded' | 'creditedToBalance' | 'outOfBand'
>;

/**
 * What voiding a note does, from what the note did: only the parts it has are said. A
 * refund already sent is not taken back by a void.
 */
export function voidEffects(note: VoidableNote): string[] {
  const money = (minor: number) => formatMinorUnits(minor, note.currency);
  const effects = [
    note.prePayment > 0 && `the ${money(note.prePayment)} it took off the invoice is due again`,
    note.creditedToBalance && "the credit it put on the customer's balance is taken back",
    note.outOfBand > 0 &&
      `the ${money(note.outOfBand)} recorded as paid back outside Stripe is no longer recorded`,
    note.refunded > 0 &&
      `the ${money(note.refunded)} already refunded stays with the customer (a void does not take a refund back)`,
  ].filter((effect): effect is string => Boolean(effect));
  return effects;
}
