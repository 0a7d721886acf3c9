import { formatMoment } from '../../../utils/dates';
import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import { askCard, type ShownCard } from '../../card/ask-card';
import type { OpenSessionSummary } from '../../../utils/objects/customer/view';
import type { StripeMode } from '../../../utils/stripe-id-grammar';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { expiryQuestion } from '../checkout-session/expiry-question';

const shortId = (id: string) => `${id.slice(0, 14)}…${id.slice(-4)}`;
const amountOf = (s: OpenSessionSummary) =>
  s.amountTotal !== null && s.currency ? formatMinorUnits(s.amountTotal, s.currency) : 'No amount';
const dateOf = (seconds: number) => formatMoment(seconds * 1000);

/**
 * The customer's open Checkout Sessions, each with Expire: the agent who reached the customer
 * by email needs no session ID. The background expires only sessions it listed here.
 */
export function CustomerOpenSessions(props: {
  card: ShownCard;
  mode: StripeMode;
  sessions: OpenSessionSummary[] | null;
}) {
  const [expired, setExpired] = useState<ReadonlySet<string>>(new Set());
  const expiry = useAttempt({
    send: (attemptId, sessionId: string) =>
      askCard(props.card, { type: 'customer.expireSession', attemptId, sessionId }),
    onDone: (_session, sessionId) => setExpired((before) => new Set([...before, sessionId])),
  });
  const error = errorOf(expiry.step);

  if (props.sessions === null)
    return (
      <p class="muted" role="note">
        Open Checkout Sessions are not shown: this key cannot list them.
      </p>
    );

  return (
    <section aria-labelledby="open-sessions">
      <h2 id="open-sessions">Open Checkout Sessions</h2>
      {props.sessions.length === 0 && <p class="muted">None open.</p>}
      <ul class="object-list">
        {props.sessions.map((session) => {
          const asking = expiry.asking && expiry.params === session.id;
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
                      disabled={expiry.busy}
                      onClick={() => expiry.start(session.id)}
                    >
                      Expire
                    </button>
                  )
                )}
              </div>
              {error && expiry.params === session.id && <ErrorNotice error={error} />}
              {asking && (
                <ConfirmAction
                  attempt={expiry}
                  {...expiryQuestion(props.mode, `of ${amountOf(session)}`)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
