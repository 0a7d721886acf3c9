import { useEffect, useState } from 'preact/hooks';
import type { CheckoutSessionView } from '../utils/checkout-session-view';
import { askBackground } from '../utils/messaging/ask-background';
import type { AgentFacingError } from '../utils/stripe/explain-failure';
import type { StripeMode, StripeObjectKind } from '../utils/stripe-id-grammar';
import type { CustomerView } from '../utils/customer-view';
import { CheckoutSessionPanel } from './CheckoutSessionPanel';
import { CustomerPanel } from './CustomerPanel';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';
import { ModeBadge } from './ModeBadge';

interface Described {
  objectId: string;
  kind: StripeObjectKind;
  mode: StripeMode | null;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; error: AgentFacingError; described?: Described }
  | { state: 'session'; described: Described; session: CheckoutSessionView }
  | { state: 'customer'; described: Described; customer: CustomerView };

const TITLE: Record<StripeObjectKind, string> = {
  checkout_session: 'Checkout Session',
  customer: 'Customer',
};

export function ActionCard({ token, onClose }: { token: string; onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  const load = async () => {
    const described = await askBackground<Described>({ type: 'card.describe', token });
    if (!described.ok) return setLoaded({ state: 'error', error: described.error });
    if (described.value.kind === 'customer') {
      const customer = await askBackground<CustomerView>({ type: 'customer.retrieve', token });
      return setLoaded(
        customer.ok
          ? { state: 'customer', described: described.value, customer: customer.value }
          : { state: 'error', error: customer.error, described: described.value },
      );
    }
    const session = await askBackground<CheckoutSessionView>({
      type: 'checkoutSession.retrieve',
      token,
    });
    setLoaded(
      session.ok
        ? { state: 'session', described: described.value, session: session.value }
        : { state: 'error', error: session.error, described: described.value },
    );
  };
  useEffect(() => void load(), [token]);

  const described = loaded.state === 'loading' ? undefined : loaded.described;
  const mode =
    loaded.state === 'session'
      ? loaded.session.mode
      : loaded.state === 'customer'
        ? loaded.customer.mode
        : (described?.mode ?? null);
  const dashboardUrl =
    loaded.state === 'session'
      ? loaded.session.dashboardUrl
      : loaded.state === 'customer'
        ? loaded.customer.dashboardUrl
        : null;
  return (
    <main
      class={`card ${mode === 'live' ? 'card-live' : ''}`}
      aria-busy={loaded.state === 'loading'}
    >
      <header class="card-header">
        <h1>{described ? TITLE[described.kind] : 'Stripe'}</h1>
        <ModeBadge mode={mode} />
        <button type="button" class="icon" aria-label="Close card" onClick={onClose}>
          ×
        </button>
      </header>
      {described && (
        <p class="object-id">
          <code title={described.objectId}>{described.objectId}</code>
          <CopyButton text={described.objectId} label="Copy ID" />
        </p>
      )}
      {loaded.state === 'loading' && <p class="muted">Loading…</p>}
      {loaded.state === 'error' && <ErrorNotice error={loaded.error} />}
      {loaded.state === 'session' && (
        <CheckoutSessionPanel token={token} session={loaded.session} />
      )}
      {loaded.state === 'customer' && (
        <CustomerPanel token={token} customer={loaded.customer} onChanged={() => void load()} />
      )}
      {dashboardUrl && (
        <p class="links">
          <a href={dashboardUrl} target="_blank" rel="noreferrer">
            Open in Dashboard
          </a>
        </p>
      )}
    </main>
  );
}
