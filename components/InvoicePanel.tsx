import { formatMinorUnits } from '../utils/currency-units';
import { INVOICE_STATUS_LABEL } from '../utils/objects/invoice/view';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';
import type { PanelProps } from './object-panels';
import { useOpenRelated } from './use-open-related';

const dateOf = (seconds: number) => new Date(seconds * 1000).toLocaleDateString();

/** An invoice as the agent reads it: what was billed, paid and is left, line by line. */
export function InvoicePanel(props: PanelProps<'invoice'>) {
  const { view: invoice, token } = props;
  const { open: openCustomer, error } = useOpenRelated(token, props.onChanged);
  const money = (amount: number) => formatMinorUnits(amount, invoice.currency);

  return (
    <section aria-label="Invoice details">
      <dl class="facts">
        <dt>Number</dt>
        <dd>{invoice.number ?? 'Not numbered yet (draft)'}</dd>
        <dt>Status</dt>
        <dd data-testid="invoice-status">
          {invoice.status ? INVOICE_STATUS_LABEL[invoice.status] : 'Unknown'}
        </dd>
        <dt>Customer</dt>
        <dd>
          {invoice.customer ? (
            <button
              type="button"
              class="link"
              onClick={() => void openCustomer(invoice.customer!.id)}
            >
              {invoice.customer.name ?? invoice.customer.email ?? invoice.customer.id}
            </button>
          ) : (
            '—'
          )}
          {invoice.customer?.name && invoice.customer.email && (
            <span class="muted"> {invoice.customer.email}</span>
          )}
        </dd>
        <dt>Total</dt>
        <dd>{money(invoice.total)}</dd>
        <dt>Paid</dt>
        <dd>{money(invoice.amountPaid)}</dd>
        <dt>Remaining</dt>
        <dd data-testid="invoice-remaining">{money(invoice.amountRemaining)}</dd>
        <dt>Currency</dt>
        <dd>{invoice.currency.toUpperCase()}</dd>
        {invoice.dueDate !== null && (
          <>
            <dt>Due</dt>
            <dd>{dateOf(invoice.dueDate)}</dd>
          </>
        )}
      </dl>
      {invoice.foundInOtherMode && (
        <p class="notice" role="note">
          Found in {invoice.mode} mode, with the {invoice.accountLabel} key (not the active one).
        </p>
      )}
      {error && <ErrorNotice error={error} />}

      <section aria-labelledby="invoice-lines">
        <h2 id="invoice-lines">Lines</h2>
        <ul class="object-list">
          {invoice.lines.map((line) => (
            <li key={line.id} class="object-line">
              <span>
                {line.description ?? 'No description'}
                {line.quantity !== null && <span class="muted"> × {line.quantity}</span>}
              </span>
              <span>{money(line.amount)}</span>
            </li>
          ))}
        </ul>
        {invoice.moreLines > 0 && <p class="muted">and {invoice.moreLines} more</p>}
      </section>

      <section aria-labelledby="credit-notes">
        <h2 id="credit-notes">Credit notes</h2>
        {invoice.creditNotes === null ? (
          <p class="muted" role="note">
            Not shown: this key cannot list credit notes.
          </p>
        ) : invoice.creditNotes.length === 0 ? (
          <p class="muted">None issued.</p>
        ) : (
          <ul class="object-list">
            {invoice.creditNotes.map((note) => (
              <li key={note.id} class="object-line">
                <span>
                  {note.number ?? note.id}
                  {note.reason && <span class="muted"> ({note.reason.replace(/_/g, ' ')})</span>}
                </span>
                <span>
                  {money(note.total)}
                  {note.status === 'void' && ' (void)'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {invoice.hostedInvoiceUrl && (
        <div class="actions">
          <CopyButton text={invoice.hostedInvoiceUrl} label="Copy invoice link" />
          <a
            class="button secondary"
            href={invoice.hostedInvoiceUrl}
            target="_blank"
            rel="noreferrer"
          >
            Open invoice page
          </a>
        </div>
      )}
    </section>
  );
}
