import type { StripeMode } from '../../utils/stripe-id-grammar';
import { ConfirmButton } from './ConfirmButton';
import { ConfirmQuestion } from './ConfirmQuestion';

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
    <ConfirmQuestion label="Confirm expiring the session">
      <p>
        Expire this {props.mode === 'live' ? <strong>LIVE</strong> : 'test'} session
        {props.which ? ` ${props.which}` : ''}? The customer will no longer be able to pay with it.
        This cannot be undone.
      </p>
      <div class="actions">
        <ConfirmButton danger busy={props.busy} busyLabel="Expiring…" onConfirm={props.onConfirm} />
        <button type="button" class="secondary" disabled={props.busy} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </ConfirmQuestion>
  );
}
