import { formatMinorUnits } from '../../../utils/currency-units';
import { REFUND_STATUS_LABEL } from '../../../utils/objects/refund/status-words';
import { askCard } from '../../card/ask-card';
import type { PanelProps } from '../../card/panel-props';
import { useOpenRelated } from '../../card/use-open-related';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { KeyHint, useKeyShortcut } from '../../shared/KeyShortcut';
import { formatMoment } from '../../../utils/dates';

/** A refund: how much, where it stands and why; Cancel while it waits for the customer. */
export function RefundPanel(props: PanelProps<'refund'>) {
  const { view: refund, card } = props;
  const { open: openPayment, error: openError } = useOpenRelated(card.token, props.onChanged);
  const money = formatMinorUnits(refund.amount, refund.currency);
  const canceling = useAttempt({
    send: (attemptId) => askCard(card, { type: 'refund.cancel', attemptId }),
    onDone: props.onChanged,
  });
  const error = errorOf(canceling.step);
  const cancelable = refund.status === 'requires_action' && !canceling.asking;
  const startCanceling = () => cancelable && canceling.start(null);
  useKeyShortcut('x', startCanceling, cancelable);

  return (
    <section aria-label="Refund details">
      <dl class="facts">
        <dt>Amount</dt>
        <dd>{money}</dd>
        <dt>Status</dt>
        <dd data-testid="refund-status">
          {refund.status ? (REFUND_STATUS_LABEL[refund.status] ?? refund.status) : '—'}
        </dd>
        <dt>Reason</dt>
        <dd>{refund.reason ?? '—'}</dd>
        <dt>Date</dt>
        <dd>{formatMoment(refund.created * 1000)}</dd>
        <dt>Payment</dt>
        <dd>
          {refund.paymentId ? (
            <button type="button" class="link" onClick={() => void openPayment(refund.paymentId!)}>
              {refund.paymentId}
            </button>
          ) : (
            '—'
          )}
        </dd>
        {refund.note && (
          <>
            <dt>Note</dt>
            <dd>{refund.note}</dd>
          </>
        )}
      </dl>
      <p class="notice" role="note" data-testid="refund-status-words">
        {refund.statusWords}
      </p>
      {refund.foundInOtherMode && (
        <p class="notice" role="note">
          Found in {refund.mode} mode, with the {refund.accountLabel} key (not the active one).
        </p>
      )}
      {openError && <ErrorNotice error={openError} />}
      {error && <ErrorNotice error={error} />}
      {canceling.asking ? (
        <ConfirmAction
          attempt={canceling}
          label="Confirm canceling the refund"
          busyLabel="Canceling…"
          danger
        >
          <p>
            Cancel the {refund.mode === 'live' ? <strong>LIVE</strong> : 'test'} refund of {money}?
            Nothing goes back to the customer, and the money stays in the Stripe balance. This
            cannot be undone.
          </p>
        </ConfirmAction>
      ) : (
        refund.status === 'requires_action' && (
          <div class="actions">
            <button type="button" class="danger" aria-keyshortcuts="x" onClick={startCanceling}>
              {canceling.kept ? 'Retry cancel' : 'Cancel refund'} <KeyHint shortcut="x" />
            </button>
          </div>
        )
      )}
    </section>
  );
}
