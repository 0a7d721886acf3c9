import { formatDay } from '../../../utils/dates';
import { formatMinorUnits } from '../../../utils/currency-units';
import { INVOICE_STATUS_LABEL, type InvoiceSummary } from '../../../utils/objects/invoice/view';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useOpenRelated } from '../../card/use-open-related';

/**
 * The customer's last few invoices: what they were billed, and what is still to pay. Each
 * opens the invoice's card in this one.
 */
export function CustomerInvoices(props: {
  token: string;
  invoices: InvoiceSummary[] | null;
  onOpened: () => void;
}) {
  const { open, error } = useOpenRelated(props.token, props.onOpened);
  if (props.invoices === null)
    return (
      <p class="muted" role="note">
        Invoices are not shown: this key cannot list them.
      </p>
    );

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
                {invoice.number ?? invoice.id}, {formatDay(invoice.created)}
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
