import type { StripeMode } from '../../../utils/stripe-id-grammar';
import { ConfirmAction } from '../../confirm/ConfirmAction';

/** The question before a Checkout Session is expired, on its own card or its customer's. */
export function ConfirmExpiry(props: {
  mode: StripeMode;
  /** "of $49.00", when the card lists several sessions. */
  which?: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmAction
      label="Confirm expiring the session"
      danger
      busy={props.busy}
      busyLabel="Expiring…"
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>
        Expire this {props.mode === 'live' ? <strong>LIVE</strong> : 'test'} session
        {props.which ? ` ${props.which}` : ''}? The customer will no longer be able to pay with it.
        This cannot be undone.
      </p>
    </ConfirmAction>
  );
}
