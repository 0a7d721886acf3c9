import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../utils/currency-units';
import { askBackground } from '../utils/messaging/ask-background';
import { INVOICE_STATUS_LABEL, type InvoiceSummary } from '../utils/objects/invoice/view';
import type { AgentFacingError } from '../utils/stripe/explain-failure';
import { ErrorNotice } from './ErrorNotice';

/**
 * The customer's last few invoices: what they were billed, and what is still to pay. Each
 * opens the invoice's card in this one.
 */
export function CustomerInvoices(props: {
  token: string;
  invoices: InvoiceSummary[] | null;
  onOpened: () => void;
}) {
  const [error, setError] = useState<AgentFacingError | null>(null);
  if (props.invoices === null)
    return (
      <p class="muted" role="note">
        Invoices are not shown: this key cannot list them.
      </p>
    );

  async function open(invoiceId: string) {
    setError(null);
    const reply = await askBackground({
      type: 'card.openRelated',
      token: props.token,
      objectId: invoiceId,
    });
    if (!reply.ok) return setError(reply.error);
    props.onOpened();
  }

  return (
    <section aria-labelledby="recent-invoices">
      <h2 id="recent-invoices">Recent invoices</h2>
      {props.invoices.length === 0 && <p class="muted">No invoices.</p>}
      {error && <ErrorNotice error={error} />}
      <ul class="object-list">
        {props.invoices.map((invoice) => (
          <li key={invoice.id} class="object-line">
            <span>
              <strong>{formatMinorUnits(invoice.total, invoice.currency)}</strong>{' '}
              {invoice.status ? INVOICE_STATUS_LABEL[invoice.status] : 'No status'}
              {invoice.status === 'open' && invoice.amountRemaining !== invoice.total && (
                <> ({formatMinorUnits(invoice.amountRemaining, invoice.currency)} to pay)</>
              )}{' '}
              <span class="muted">
                {invoice.number ?? invoice.id},{' '}
                {new Date(invoice.created * 1000).toLocaleDateString()}
              </span>
            </span>
            <button
              type="button"
              class="link"
              aria-label={`Open invoice ${invoice.number ?? invoice.id}`}
              onClick={() => void open(invoice.id)}
            >
              Open
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
