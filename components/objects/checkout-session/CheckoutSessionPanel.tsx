import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import { askBackground } from '../../../utils/messaging/ask-background';
import type { AgentFacingError } from '../../../utils/stripe/explain-failure';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { ConfirmExpiry } from '../../confirm/ConfirmExpiry';
import { KeyHint, useKeyShortcut } from '../../shared/KeyShortcut';
import type { PanelProps } from '../../card/panel-props';

type Step =
  | { name: 'idle' }
  | { name: 'confirming'; attemptId: string }
  | { name: 'working'; attemptId: string }
  | { name: 'failed'; attemptId: string; error: AgentFacingError }
  | { name: 'expired' };

const STATUS_LABEL = { open: 'Open', complete: 'Complete', expired: 'Expired' } as const;

export function CheckoutSessionPanel(props: PanelProps<'checkout_session'>) {
  const [session, setSession] = useState(props.view);
  const [step, setStep] = useState<Step>({ name: 'idle' });

  async function expire(attemptId: string) {
    setStep({ name: 'working', attemptId });
    const reply = await askBackground({
      type: 'checkoutSession.expire',
      token: props.token,
      attemptId,
    });
    if (reply.ok) {
      setSession(reply.value);
      setStep({ name: 'expired' });
    } else {
      setStep({ name: 'failed', attemptId, error: reply.error });
    }
  }

  const canExpire =
    !session.notExpirableBecause && (step.name === 'idle' || step.name === 'failed');
  function startExpiring() {
    if (!canExpire) return;
    setStep({
      name: 'confirming',
      // A retry after no answer must reuse the attempt (and its idempotency key).
      attemptId:
        step.name === 'failed' && step.error.unresolved ? step.attemptId : crypto.randomUUID(),
    });
  }
  useKeyShortcut('e', startExpiring, canExpire);

  const amount =
    session.amountTotal !== null && session.currency
      ? formatMinorUnits(session.amountTotal, session.currency)
      : '—';
  const busy = step.name === 'working';

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
        {/* Stripe keeps the scheduled time after a session ends; shown then, it reads as a
            deadline still to come. */}
        {session.status === 'open' && (
          <>
            <dt>Expires</dt>
            <dd>
              <time dateTime={new Date(session.expiresAt * 1000).toISOString()}>
                {new Date(session.expiresAt * 1000).toLocaleString()}
              </time>
            </dd>
          </>
        )}
      </dl>

      {step.name === 'expired' && (
        <p class="notice notice-success" role="status">
          Session expired. The customer can no longer pay with this link.
        </p>
      )}
      {step.name === 'failed' && <ErrorNotice error={step.error} />}
      {session.notExpirableBecause && step.name !== 'expired' && (
        <p class="notice" role="note">
          {session.notExpirableBecause}
        </p>
      )}

      {!session.notExpirableBecause && (step.name === 'idle' || step.name === 'failed') && (
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
      {(step.name === 'confirming' || step.name === 'working') && (
        <ConfirmExpiry
          mode={session.mode}
          busy={busy}
          onConfirm={() => void expire(step.attemptId)}
          onCancel={() => setStep({ name: 'idle' })}
        />
      )}
    </section>
  );
}
