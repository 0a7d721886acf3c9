import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import { askBackground } from '../../../utils/messaging/ask-background';
import type { OpenSessionSummary } from '../../../utils/objects/customer/view';
import type { StripeMode } from '../../../utils/stripe-id-grammar';
import type { AgentFacingError } from '../../../utils/stripe/explain-failure';
import { ConfirmExpiry } from '../../confirm/ConfirmExpiry';
import { ErrorNotice } from '../../shared/ErrorNotice';

type Step =
  | { name: 'idle' }
  | { name: 'confirming'; sessionId: string; attemptId: string }
  | { name: 'working'; sessionId: string; attemptId: string }
  | { name: 'failed'; sessionId: string; attemptId: string; error: AgentFacingError };

const shortId = (id: string) => `${id.slice(0, 14)}…${id.slice(-4)}`;
const amountOf = (s: OpenSessionSummary) =>
  s.amountTotal !== null && s.currency ? formatMinorUnits(s.amountTotal, s.currency) : 'No amount';
const dateOf = (seconds: number) =>
  new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The customer's open Checkout Sessions, each with Expire: the agent who reached the customer
 * by email needs no session ID. The background expires only sessions it listed here.
 */
export function CustomerOpenSessions(props: {
  token: string;
  mode: StripeMode;
  sessions: OpenSessionSummary[] | null;
}) {
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [expired, setExpired] = useState<ReadonlySet<string>>(new Set());

  if (props.sessions === null)
    return (
      <p class="muted" role="note">
        Open Checkout Sessions are not shown: this key cannot list them.
      </p>
    );

  async function expire(sessionId: string, attemptId: string) {
    setStep({ name: 'working', sessionId, attemptId });
    const reply = await askBackground({
      type: 'customer.expireSession',
      token: props.token,
      attemptId,
      sessionId,
    });
    if (reply.ok) {
      setExpired((before) => new Set([...before, sessionId]));
      return setStep({ name: 'idle' });
    }
    setStep({ name: 'failed', sessionId, attemptId, error: reply.error });
  }

  function startExpiring(sessionId: string) {
    // A retry after no answer reuses the attempt (and its idempotency key).
    const attemptId =
      step.name === 'failed' && step.sessionId === sessionId && step.error.unresolved
        ? step.attemptId
        : crypto.randomUUID();
    setStep({ name: 'confirming', sessionId, attemptId });
  }

  const busy = step.name === 'working';
  return (
    <section aria-labelledby="open-sessions">
      <h2 id="open-sessions">Open Checkout Sessions</h2>
      {props.sessions.length === 0 && <p class="muted">None open.</p>}
      <ul class="object-list">
        {props.sessions.map((session) => {
          const asking =
            (step.name === 'confirming' || step.name === 'working') &&
            step.sessionId === session.id;
          return (
            <li key={session.id} aria-label={`Session ${amountOf(session)}`}>
              <div class="object-line">
                <span>
                  <strong>{amountOf(session)}</strong>{' '}
                  <span class="muted">
                    {session.created !== null && <>created {dateOf(session.created)}, </>}
                    <code title={session.id}>{shortId(session.id)}</code>
                  </span>
                </span>
                {expired.has(session.id) ? (
                  <span role="status">Expired</span>
                ) : (
                  !asking && (
                    <button
                      type="button"
                      class={`danger small ${props.mode === 'live' ? 'live' : ''}`}
                      disabled={busy}
                      onClick={() => startExpiring(session.id)}
                    >
                      Expire
                    </button>
                  )
                )}
              </div>
              {step.name === 'failed' && step.sessionId === session.id && (
                <ErrorNotice error={step.error} />
              )}
              {asking && (
                <ConfirmExpiry
                  mode={props.mode}
                  which={`of ${amountOf(session)}`}
                  busy={busy}
                  onConfirm={() => void expire(session.id, step.attemptId)}
                  onCancel={() => setStep({ name: 'idle' })}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
