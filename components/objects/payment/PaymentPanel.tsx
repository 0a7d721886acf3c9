import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import {
  notRefundableBecause,
  refundableAmount,
  type RefundReason,
} from '../../../utils/objects/payment/refundable';
import type { RefundOutcome } from '../../../utils/objects/payment/refund';
import { PAYMENT_STATE_WORDS } from '../../../utils/objects/payment/state';
import { DISPUTE_STATUS_WORDS } from '../../../utils/objects/payment/view';
import { REFUND_STATUS_LABEL } from '../../../utils/objects/refund/status-words';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { KeyHint, useKeyShortcut } from '../../shared/KeyShortcut';
import type { PanelProps } from '../../card/panel-props';
import { useOpenRelated } from '../../card/use-open-related';
import { RefundPayment } from './RefundPayment';
import { takeRefundForm } from './refund-prefill';
import { formatDay, formatMoment } from '../../../utils/dates';

const dateOf = (seconds: number) => formatMoment(seconds * 1000);

/**
 * A payment as the agent reads it: what was taken, how, what was refunded and what is left,
 * a dispute, and where it came from; Refund while something is left to refund.
 */
export function PaymentPanel(props: PanelProps<'payment'>) {
  const { view: payment, card } = props;
  const { open: openRelated, error: openError } = useOpenRelated(card.token, props.onChanged);
  const money = (minor: number) => formatMinorUnits(minor, payment.currency);
  // Asked for by the customer's card ("Refund the later one"): the form opens pre-filled.
  const [asked] = useState(() => takeRefundForm(payment.id));
  const [refunding, setRefunding] = useState<RefundReason | 'form' | null>(asked);
  const [outcome, setOutcome] = useState<RefundOutcome | null>(null);
  const blocked = notRefundableBecause(payment, payment.mode);
  const startRefund = () => {
    setOutcome(null);
    setRefunding('form');
  };
  useKeyShortcut('r', startRefund, refunding === null && blocked === null);
  const left = refundableAmount(payment);

  return (
    <section aria-label="Payment details">
      <dl class="facts">
        <dt>Amount</dt>
        <dd data-testid="payment-amount">{money(payment.amount)}</dd>
        <dt>Status</dt>
        <dd data-testid="payment-status">{PAYMENT_STATE_WORDS[payment.state]}</dd>
        <dt>Date</dt>
        <dd>{dateOf(payment.created)}</dd>
        <dt>Paid with</dt>
        <dd>{payment.method}</dd>
        {payment.state === 'succeeded' && (
          <>
            <dt>Refunded</dt>
            <dd data-testid="payment-refunded">
              {payment.refunded === 0
                ? 'Nothing yet'
                : left === 0
                  ? `${money(payment.refunded)}, in full`
                  : `${money(payment.refunded)}; ${money(left)} left to refund`}
            </dd>
          </>
        )}
        {payment.dispute && (
          <>
            <dt>Dispute</dt>
            <dd data-testid="payment-dispute">
              {payment.dispute.open ? 'Open' : 'Closed'}
              {payment.dispute.status !== 'unknown' &&
                ` (${DISPUTE_STATUS_WORDS[payment.dispute.status] ?? payment.dispute.status})`}
              {payment.dispute.open && payment.dispute.dueBy !== null && (
                <>; respond by {formatDay(payment.dispute.dueBy)}</>
              )}
              {payment.dispute.dashboardUrl && (
                <>
                  {' '}
                  <a href={payment.dispute.dashboardUrl} target="_blank" rel="noreferrer">
                    Dispute in Dashboard
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        <dt>Customer</dt>
        <dd>
          {payment.customerId ? (
            <button
              type="button"
              class="link"
              onClick={() => void openRelated(payment.customerId!)}
            >
              {payment.customerId}
            </button>
          ) : (
            '—'
          )}
        </dd>
        {payment.invoice && (
          <>
            <dt>Invoice</dt>
            <dd>
              <button
                type="button"
                class="link"
                onClick={() => void openRelated(payment.invoice!.id)}
              >
                {payment.invoice.id}
              </button>
            </dd>
          </>
        )}
        {payment.checkoutSessionId && (
          <>
            <dt>Checkout</dt>
            <dd>
              <button
                type="button"
                class="link"
                aria-label="Open its Checkout Session"
                onClick={() => void openRelated(payment.checkoutSessionId!)}
              >
                {payment.checkoutSessionId.slice(0, 24)}…
              </button>
            </dd>
          </>
        )}
      </dl>
      {payment.failureMessage && payment.state === 'failed' && (
        <p class="notice" role="note">
          Stripe’s reason: {payment.failureMessage}
        </p>
      )}
      {payment.foundInOtherMode && (
        <p class="notice" role="note">
          Found in {payment.mode} mode, with the {payment.accountLabel} key (not the active one).
        </p>
      )}
      {openError && <ErrorNotice error={openError} />}
      {outcome && (
        <div class="notice notice-success" role="status" aria-label="Refund sent">
          <p>{outcome.sentence ? `Sent: ${outcome.sentence}` : 'Refund sent.'}</p>
          <p data-testid="refund-outcome">{outcome.statusWords}</p>
          {payment.refunds?.some((refund) => refund.id === outcome.id) && (
            <button type="button" class="link" onClick={() => void openRelated(outcome.id)}>
              Open the refund
            </button>
          )}
        </div>
      )}
      {payment.invoice && refunding === null && blocked === null && (
        <div class="notice" role="note" data-testid="paid-invoice">
          <p>
            This payment paid an invoice. A credit note with a refund keeps the invoice’s books
            right; a refund sent from here leaves the invoice showing as paid in full.
          </p>
          <button
            type="button"
            class="secondary"
            onClick={() => void openRelated(payment.invoice!.id)}
          >
            Credit the invoice instead
          </button>
        </div>
      )}
      {blocked && (
        <p class="notice" role="note" data-testid="not-refundable">
          {blocked}
        </p>
      )}
      {refunding !== null && blocked === null ? (
        <RefundPayment
          card={card}
          payment={payment}
          reason={refunding === 'form' ? null : refunding}
          onCancel={() => setRefunding(null)}
          onDone={(done) => {
            setRefunding(null);
            setOutcome(done);
            props.onChanged();
          }}
        />
      ) : (
        <div class="actions">
          {blocked === null && (
            <button
              type="button"
              class={payment.mode === 'live' ? 'live' : ''}
              aria-keyshortcuts="r"
              onClick={startRefund}
            >
              Refund <KeyHint shortcut="r" />
            </button>
          )}
          {payment.receiptUrl && (
            <a class="button secondary" href={payment.receiptUrl} target="_blank" rel="noreferrer">
              Receipt
            </a>
          )}
        </div>
      )}
      {payment.refunds && payment.refunds.length > 0 && (
        <section aria-labelledby="payment-refunds">
          <h2 id="payment-refunds">Refunds</h2>
          <ul class="object-list">
            {payment.refunds.map((refund) => (
              <li key={refund.id} class="object-line">
                <span>
                  <strong>{formatMinorUnits(refund.amount, refund.currency)}</strong>{' '}
                  {refund.status ? (REFUND_STATUS_LABEL[refund.status] ?? refund.status) : '—'}{' '}
                  <span class="muted">{formatDay(refund.created)}</span>
                </span>
                <button
                  type="button"
                  class="link"
                  aria-label={`Open refund of ${formatMinorUnits(refund.amount, refund.currency)}`}
                  onClick={() => void openRelated(refund.id)}
                >
                  Open
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
