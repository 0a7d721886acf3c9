import type { StripeMode } from '../../../utils/stripe-id-grammar';
import { ConfirmAction } from '../../confirm/ConfirmAction';

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
    <ConfirmAction
      label="Confirm voiding the credit note"
      danger
      busy={props.busy}
      busyLabel="Voiding…"
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>
        Void the {props.mode === 'live' ? <strong>LIVE</strong> : 'test'} credit note {props.which}?
        What it took off the invoice is due again and a balance credit is taken back; a refund
        already sent stays with the customer. This cannot be undone.
      </p>
    </ConfirmAction>
  );
}
