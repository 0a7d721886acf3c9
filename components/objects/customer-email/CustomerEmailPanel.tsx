import { formatDay } from '../../../utils/dates';
import { useState } from 'preact/hooks';
import { describeBalance } from '../../../utils/objects/customer/view';
import { describeMatchCount, describeTally } from '../../../utils/objects/customer-email/view';
import type { AgentFacingError } from '../../../utils/stripe/explain-failure';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { KeyHint, useKeyShortcut } from '../../shared/KeyShortcut';
import { askCard } from '../../card/ask-card';
import type { PanelProps } from '../../card/panel-props';

const MODE_NAME = { test: 'test-mode', live: 'live-mode' } as const;

/**
 * The customers with the address the agent clicked, newest first; picking one turns the
 * card into that customer's. With one customer the card opens as theirs and this is never
 * shown.
 */
export function CustomerEmailPanel(props: PanelProps<'customer_email'>) {
  const { view, card } = props;
  const [error, setError] = useState<AgentFacingError | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask(sent: ReturnType<typeof askCard>) {
    setBusy(true);
    setError(null);
    const reply = await sent;
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    props.onChanged(); // The card reads again: the customer's card, or the other mode's list.
  }

  const open = (customerId: string) =>
    void ask(askCard(card, { type: 'customerEmail.open', customerId }));
  // 1–9 pick a customer, as in the popup's list. Picking changes nothing in Stripe.
  useKeyShortcut(
    (key) => /^[1-9]$/.test(key) && Number(key) <= view.customers.length,
    (key) => open(view.customers[Number(key) - 1]!.id),
    !busy,
  );

  return (
    <section aria-label="Customers with this email">
      {view.total === 0 ? (
        <div class="notice" role="status">
          <p>
            No {MODE_NAME[view.mode]} customer has this email in {view.accountLabel}
            {view.otherMode ? '.' : '. Stripe compares addresses exactly, capitals included.'}
          </p>
          {view.otherMode && (
            <div class="actions">
              <button
                type="button"
                class={view.otherMode === 'live' ? 'live' : ''}
                disabled={busy}
                onClick={() => void ask(askCard(card, { type: 'customerEmail.searchOtherMode' }))}
              >
                Search {view.otherMode} mode
              </button>
            </div>
          )}
        </div>
      ) : (
        <p data-testid="match-count">
          {describeMatchCount(view)}, newest first
          {view.customers.length < view.total || view.totalIsAtLeast ? (
            <>
              {' '}
              (
              <a href={view.dashboardUrl} target="_blank" rel="noreferrer">
                see all in the Dashboard
              </a>
              )
            </>
          ) : null}
          :
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <ul class="object-list customers">
        {view.customers.map((customer, index) => (
          <li key={customer.id}>
            <button
              type="button"
              class="secondary match"
              disabled={busy}
              aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
              onClick={() => open(customer.id)}
            >
              {index < 9 && <KeyHint shortcut={String(index + 1)} />}
              <span class="match-name">{customer.name ?? customer.email ?? customer.id}</span>
              <span class="muted">
                Created {formatDay(customer.created)} ·{' '}
                {describeBalance(customer.balance, customer.currency)} ·{' '}
                {describeTally(customer.openSessions, 'open session', 'open sessions')} ·{' '}
                {describeTally(customer.unpaidInvoices, 'unpaid invoice', 'unpaid invoices')}
              </span>
              <code class="muted">{customer.id}</code>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
