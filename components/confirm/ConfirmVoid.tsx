import type { StripeMode } from '../../utils/stripe-id-grammar';
import { ConfirmButton } from './ConfirmButton';
import { ConfirmQuestion } from './ConfirmQuestion';

/** The question before a credit note is voided, on its own card or its invoice's. */
export function ConfirmVoid(props: {
  mode: StripeMode;
  /** "ACME-0041-CN-01 ($30.00)". */
  which: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmQuestion label="Confirm voiding the credit note">
      <p>
        Void the {props.mode === 'live' ? <strong>LIVE</strong> : 'test'} credit note {props.which}?
        What it took off the invoice is due again and a balance credit is taken back; a refund
        already sent stays with the customer. This cannot be undone.
      </p>
      <div class="actions">
        <ConfirmButton danger busy={props.busy} busyLabel="Voiding…" onConfirm={props.onConfirm} />
        <button type="button" class="secondary" disabled={props.busy} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </ConfirmQuestion>
  );
}
