import { formatMinorUnits } from '../../../utils/currency-units';
import { findDuplicateCharges } from '../../../utils/objects/payment/duplicate-charges';
import { PAYMENT_STATE_WORDS } from '../../../utils/objects/payment/state';
import type { PaymentSummary } from '../../../utils/objects/payment/view';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useOpenRelated } from '../../card/use-open-related';
import { askForRefundForm } from '../payment/refund-prefill';
import { formatMoment } from '../../../utils/dates';

const timeOf = (seconds: number) => formatMoment(seconds * 1000);

/**
 * The customer's recent payments, newest first: what was taken, and what came of it. A payment
 * that repeats another (same amount and currency, minutes apart) is pointed out, with a way
 * to refund it. Each opens the payment's card in this one.
 */
export function CustomerPayments(props: {
  token: string;
  payments: PaymentSummary[] | null;
  onOpened: () => void;
}) {
  const { open, error } = useOpenRelated(props.token, props.onOpened);
  if (props.payments === null)
    return (
      <p class="muted" role="note">
        Payments are not shown: this key cannot list them (PaymentIntents: read).
      </p>
    );
  const duplicates = findDuplicateCharges(props.payments);
  const byId = new Map(props.payments.map((payment) => [payment.id, payment]));

  return (
    <section aria-labelledby="recent-payments">
      <h2 id="recent-payments">Recent payments</h2>
      {props.payments.length === 0 && <p class="muted">No payments.</p>}
      {error && <ErrorNotice error={error} />}
      <ul class="object-list">
        {props.payments.map((payment) => {
          const money = formatMinorUnits(payment.amount, payment.currency);
          const earlier = byId.get(duplicates.get(payment.id) ?? '');
          const refundable = payment.amount - payment.refunded > 0 && !payment.disputed;
          return (
            <li key={payment.id} aria-label={`Payment of ${money}, ${timeOf(payment.created)}`}>
              <div class="object-line">
                <span>
                  <strong>{money}</strong> {PAYMENT_STATE_WORDS[payment.status]}
                  {payment.refunded > 0 &&
                    (payment.refunded >= payment.amount
                      ? ', refunded'
                      : `, ${formatMinorUnits(payment.refunded, payment.currency)} refunded`)}
                  {payment.disputed && ', disputed'}{' '}
                  <span class="muted">{timeOf(payment.created)}</span>
                </span>
                <button
                  type="button"
                  class="link"
                  aria-label={`Open payment of ${money}, ${timeOf(payment.created)}`}
                  onClick={() => void open(payment.id)}
                >
                  Open
                </button>
              </div>
              {earlier && (
                <div class="notice notice-error duplicate-note" role="note">
                  <p>
                    Possible duplicate: {money} was also paid{' '}
                    {Math.max(1, Math.round((payment.created - earlier.created) / 60))} min earlier.
                  </p>
                  {refundable && (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => {
                        askForRefundForm(payment.id, 'duplicate');
                        void open(payment.id);
                      }}
                    >
                      Refund the later one
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
