import type { StripeMode } from '../../../utils/stripe-id-grammar';
import type { ConfirmWords } from '../../confirm/ConfirmAction';

/** The question before a Checkout Session is expired, on its own card or its customer's. */
export const expiryQuestion = (
  mode: StripeMode,
  /** "of $49.00", when the card lists several sessions. */
  which?: string,
): ConfirmWords => ({
  label: 'Confirm expiring the session',
  busyLabel: 'Expiring…',
  danger: true,
  live: mode === 'live',
  children: (
    <p>
      Expire this {mode === 'live' ? 'LIVE' : 'test'} session
      {which ? ` ${which}` : ''}? The customer will no longer be able to pay with it. This cannot be
      undone.
    </p>
  ),
});
