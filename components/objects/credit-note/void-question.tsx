import { voidEffects, type VoidableNote } from '../../../utils/objects/credit-note/review-lines';
import type { StripeMode } from '../../../utils/stripe-id-grammar';
import type { ConfirmWords } from '../../confirm/ConfirmAction';

/**
 * The question before a credit note is voided, on its own card or its invoice's. Where the
 * card knows what the note did, it says what voiding undoes, part by part; else in general.
 */
export const voidQuestion = (
  mode: StripeMode,
  /** "ACME-0041-CN-01 ($30.00)". */
  which: string,
  note?: VoidableNote,
): ConfirmWords => {
  const effects = note ? voidEffects(note) : [];
  return {
    label: 'Confirm voiding the credit note',
    busyLabel: 'Voiding…',
    danger: true,
    live: mode === 'live',
    children: (
      <p>
        Void the {mode === 'live' ? 'LIVE' : 'test'} credit note {which}? This cannot be undone.
      </p>
    ),
    lines: [
      { label: 'Credit note', value: which },
      note && effects.length > 0
        ? { label: 'Voiding', value: effects.join('; ') }
        : {
            label: 'Voiding',
            value:
              'what it took off the invoice is due again and a balance credit is taken back; a refund already sent stays with the customer',
          },
    ],
  };
};
