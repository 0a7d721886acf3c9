import type { StripeMode } from '../../../utils/stripe-id-grammar';
import type { ConfirmWords } from '../../confirm/ConfirmAction';

/** The question before a credit note is voided, on its own card or its invoice's. */
export const voidQuestion = (
  mode: StripeMode,
  /** "ACME-0041-CN-01 ($30.00)". */
  which: string,
): ConfirmWords => ({
  label: 'Confirm voiding the credit note',
  busyLabel: 'Voiding…',
  danger: true,
  children: (
    <p>
      Void the {mode === 'live' ? <strong>LIVE</strong> : 'test'} credit note {which}? What it took
      off the invoice is due again and a balance credit is taken back; a refund already sent stays
      with the customer. This cannot be undone.
    </p>
  ),
});
