import { formatDay } from '../../../utils/dates';
import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import { notCreditableBecause } from '../../../utils/objects/credit-note/draft';
import { INVOICE_STATUS_LABEL } from '../../../utils/objects/invoice/view';
import { CopyButton } from '../../shared/CopyButton';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { InvoiceCreditNotes } from '../credit-note/InvoiceCreditNotes';
import { IssueCreditNote, type IssuedNote } from '../credit-note/IssueCreditNote';
import { KeyHint, useKeyShortcut } from '../../shared/KeyShortcut';
import type { PanelProps } from '../../card/panel-props';
import { useOpenRelated } from '../../card/use-open-related';

const dateOf = formatDay;

/** An invoice as the agent reads it: what was billed, paid and is left, line by line. */
export function InvoicePanel(props: PanelProps<'invoice'>) {
  const { view: invoice, card } = props;
  const { open: openRelated, error } = useOpenRelated(card.token, props.onChanged);
  const money = (amount: number) => formatMinorUnits(amount, invoice.currency);
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedNote | null>(null);
  const notCreditable = notCreditableBecause(invoice);
  const startIssuing = () => {
    setIssued(null);
    setIssuing(true);
  };
  useKeyShortcut('c', startIssuing, !issuing && notCreditable === null);

  return (
    <section aria-label="Invoice details">
      {issuing ? (
        <p class="muted" data-testid="invoice-summary">
          {invoice.number ?? invoice.id} ·{' '}
          {invoice.status ? INVOICE_STATUS_LABEL[invoice.status] : 'Unknown'} · total{' '}
          {money(invoice.total)} · remaining {money(invoice.amountRemaining)}
        </p>
      ) : (
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
                onClick={() => void openRelated(invoice.customer!.id)}
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
          {invoice.alreadyCredited > 0 && (
            <>
              <dt>Credited</dt>
              <dd data-testid="invoice-credited">
                {money(invoice.alreadyCredited)}{' '}
                <span class="muted">by credit notes (refunds and balance credits included)</span>
              </dd>
            </>
          )}
          <dt>Currency</dt>
          <dd>{invoice.currency.toUpperCase()}</dd>
          {invoice.dueDate !== null && (
            <>
              <dt>Due</dt>
              <dd>{dateOf(invoice.dueDate)}</dd>
            </>
          )}
        </dl>
      )}
      {invoice.foundInOtherMode && (
        <p class="notice" role="note">
          Found in {invoice.mode} mode, with the {invoice.accountLabel} key (not the active one).
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {issued && (
        <div class="notice notice-success" role="status" aria-label="Credit note issued">
          <p>
            Credit note {issued.number ?? issued.id} issued. {issued.sentence}
          </p>
          {issued.pdf && (
            <p>
              <a href={issued.pdf} target="_blank" rel="noreferrer">
                Credit note PDF
              </a>
            </p>
          )}
        </div>
      )}
      {!issuing &&
        (notCreditable ? (
          <p class="notice" role="note" data-testid="not-creditable">
            {notCreditable}{' '}
            {invoice.status === 'draft' || invoice.status === 'uncollectible' ? (
              <a href={invoice.dashboardUrl} target="_blank" rel="noreferrer">
                Open it in the Dashboard
              </a>
            ) : null}
          </p>
        ) : (
          <div class="actions">
            <button type="button" aria-keyshortcuts="c" onClick={startIssuing}>
              Issue credit note <KeyHint shortcut="c" />
            </button>
          </div>
        ))}
      {issuing && (
        <IssueCreditNote
          card={card}
          invoice={invoice}
          onCancel={() => setIssuing(false)}
          onIssued={(note) => {
            setIssued(note);
            setIssuing(false);
            props.onChanged();
          }}
        />
      )}

      {/* While the form is open it is the card: its own line rows replace the lists, and the
          card stays short enough to show Review without scrolling. */}
      {!issuing && (
        <>
          <section aria-labelledby="invoice-lines">
            <h2 id="invoice-lines">Lines</h2>
            <ul class="object-list">
              {invoice.lines.map((line) => (
                <li key={line.id} class="object-line">
                  <span>
                    {line.description ?? 'No description'}
                    {/* "× 3" after "Pro plan × 3 seats" read as nine seats: say quantity. */}
                    {line.quantity !== null && (
                      <span class="muted"> · quantity {line.quantity}</span>
                    )}
                  </span>
                  <span>{money(line.amount)}</span>
                </li>
              ))}
            </ul>
            {invoice.moreLines > 0 && <p class="muted">and {invoice.moreLines} more</p>}
          </section>

          <section aria-labelledby="credit-notes">
            <h2 id="credit-notes">Credit notes</h2>
            <InvoiceCreditNotes
              card={card}
              invoice={invoice}
              onOpen={(id) => void openRelated(id)}
              onChanged={props.onChanged}
            />
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
                Open the customer's invoice page
              </a>
            </div>
          )}
        </>
      )}
    </section>
  );
}
