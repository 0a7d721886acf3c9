import {
  SUBSCRIPTION_STATUS_LABEL,
  type SubscriptionSummary,
} from '../../../utils/objects/subscription/view';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useOpenRelated } from '../../card/use-open-related';

/** Statuses that need the agent's eye: money is owed on them. */
const OWING = new Set(['past_due', 'unpaid']);

/**
 * The customer's subscriptions, every status, newest first. Each opens the subscription's
 * card in this one; one past due or unpaid is marked.
 */
export function CustomerSubscriptions(props: {
  token: string;
  subscriptions: SubscriptionSummary[] | null;
  onOpened: () => void;
}) {
  const { open, error } = useOpenRelated(props.token, props.onOpened);
  if (props.subscriptions === null)
    return (
      <p class="muted" role="note">
        Subscriptions are not shown: this key cannot list them.
      </p>
    );

  return (
    <section aria-labelledby="customer-subscriptions">
      <h2 id="customer-subscriptions">Subscriptions</h2>
      {props.subscriptions.length === 0 && <p class="muted">No subscriptions.</p>}
      {error && <ErrorNotice error={error} />}
      <ul class="object-list">
        {props.subscriptions.map((sub) => (
          <li key={sub.id} class="object-line">
            <span>
              <strong>{sub.label}</strong>{' '}
              {OWING.has(sub.status) ? (
                <span class="status-owing">{SUBSCRIPTION_STATUS_LABEL[sub.status]}</span>
              ) : (
                SUBSCRIPTION_STATUS_LABEL[sub.status]
              )}
              {sub.cancelAtPeriodEnd && ', cancels at period end'}{' '}
              <span class="muted">{sub.id}</span>
            </span>
            <button
              type="button"
              class="link"
              aria-label={`Open subscription ${sub.label} (${SUBSCRIPTION_STATUS_LABEL[sub.status]})`}
              onClick={() => void open(sub.id)}
            >
              Open
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
