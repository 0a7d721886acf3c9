import { formatMoment } from '../../../utils/dates';
import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import { askCard } from '../../card/ask-card';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { KeyHint, useKeyShortcut } from '../../shared/KeyShortcut';
import type { PanelProps } from '../../card/panel-props';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { expiryQuestion } from './expiry-question';
import { useOpenRelated } from '../../card/use-open-related';

const STATUS_LABEL = { open: 'Open', complete: 'Complete', expired: 'Expired' } as const;

export function CheckoutSessionPanel(props: PanelProps<'checkout_session'>) {
  const [session, setSession] = useState(props.view);
  const { open: openRelated, error: openError } = useOpenRelated(props.card.token, props.onChanged);
  const expiry = useAttempt({
    send: (attemptId) => askCard(props.card, { type: 'checkoutSession.expire', attemptId }),
    onDone: setSession,
  });
  const { step } = expiry;
  const error = errorOf(step);

  const canExpire = !session.notExpirableBecause && !expiry.asking && step.name !== 'done';
  const startExpiring = () => canExpire && expiry.start(null);
  useKeyShortcut('e', startExpiring, canExpire);

  const amount =
    session.amountTotal !== null && session.currency
      ? formatMinorUnits(session.amountTotal, session.currency)
      : '—';

  return (
    <section aria-label="Checkout Session details">
      <dl class="facts">
        <dt>Status</dt>
        <dd data-testid="session-status">
          {session.status ? STATUS_LABEL[session.status] : 'Unknown'}
        </dd>
        <dt>Amount</dt>
        <dd>{amount}</dd>
        <dt>Customer email</dt>
        <dd>{session.customerEmail ?? '—'}</dd>
        {session.customerId && (
          <>
            <dt>Customer</dt>
            <dd>
              <button
                type="button"
                class="link"
                onClick={() => void openRelated(session.customerId!)}
              >
                {session.customerId}
              </button>
            </dd>
          </>
        )}
        {session.paymentIntentId && (
          <>
            <dt>Payment</dt>
            <dd>
              <button
                type="button"
                class="link"
                onClick={() => void openRelated(session.paymentIntentId!)}
              >
                {session.paymentIntentId}
              </button>
            </dd>
          </>
        )}
        {session.subscription && (
          <>
            <dt>Subscription</dt>
            <dd>
              <a href={session.subscription.dashboardUrl} target="_blank" rel="noreferrer">
                {session.subscription.id}
              </a>
            </dd>
          </>
        )}
        {session.invoiceId && (
          <>
            <dt>Invoice</dt>
            <dd>
              <button
                type="button"
                class="link"
                onClick={() => void openRelated(session.invoiceId!)}
              >
                {session.invoiceId}
              </button>
            </dd>
          </>
        )}
        {/* Stripe keeps the scheduled time after a session ends; shown then, it reads as a
            deadline still to come. */}
        {session.status === 'open' && (
          <>
            <dt>Expires</dt>
            <dd>
              <time dateTime={new Date(session.expiresAt * 1000).toISOString()}>
                {formatMoment(session.expiresAt * 1000)}
              </time>
            </dd>
          </>
        )}
      </dl>

      {step.name === 'done' && (
        <p class="notice notice-success" role="status">
          Session expired. The customer can no longer pay with this link.
        </p>
      )}
      {openError && <ErrorNotice error={openError} />}
      {error && <ErrorNotice error={error} />}
      {session.notExpirableBecause && step.name !== 'done' && (
        <p class="notice" role="note">
          {session.notExpirableBecause}
        </p>
      )}

      {canExpire && (
        <div class="actions">
          <button
            type="button"
            class={`danger ${session.mode === 'live' ? 'live' : ''}`}
            aria-keyshortcuts="e"
            onClick={startExpiring}
          >
            Expire session <KeyHint shortcut="e" />
          </button>
        </div>
      )}
      {expiry.asking && <ConfirmAction attempt={expiry} {...expiryQuestion(session.mode)} />}
    </section>
  );
}
