import { useEffect, useState } from 'preact/hooks';
import type { CheckoutSessionView } from '../utils/checkout-session-view';
import { askBackground } from '../utils/messaging/ask-background';
import type { AgentFacingError } from '../utils/stripe/explain-failure';
import type { StripeMode, StripeObjectKind } from '../utils/stripe-id-grammar';
import { CheckoutSessionPanel } from './CheckoutSessionPanel';
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
  | { state: 'customer'; described: Described };

const TITLE: Record<StripeObjectKind, string> = {
  checkout_session: 'Checkout Session',
  customer: 'Customer',
};

export function ActionCard({ token, onClose }: { token: string; onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    void (async () => {
      const described = await askBackground<Described>({ type: 'card.describe', token });
      if (!described.ok) return setLoaded({ state: 'error', error: described.error });
      if (described.value.kind === 'customer')
        return setLoaded({ state: 'customer', described: described.value });
      const session = await askBackground<CheckoutSessionView>({
        type: 'checkoutSession.retrieve',
        token,
      });
      setLoaded(
        session.ok
          ? { state: 'session', described: described.value, session: session.value }
          : { state: 'error', error: session.error, described: described.value },
      );
    })();
  }, [token]);

  const described = loaded.state === 'loading' ? undefined : loaded.described;
  const mode = loaded.state === 'session' ? loaded.session.mode : (described?.mode ?? null);
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
        <>
          <CheckoutSessionPanel token={token} session={loaded.session} />
          <p class="links">
            <a href={loaded.session.dashboardUrl} target="_blank" rel="noreferrer">
              Open in Dashboard
            </a>
          </p>
        </>
      )}
      {loaded.state === 'customer' && (
        <p class="muted">Customer details and actions are not available in this version yet.</p>
      )}
    </main>
  );
}
