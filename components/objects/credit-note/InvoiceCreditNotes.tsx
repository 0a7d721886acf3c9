import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import { askCard, type ShownCard } from '../../card/ask-card';
import { CREDIT_NOTE_REASONS } from '../../../utils/objects/credit-note/draft';
import type { InvoiceView } from '../../../utils/objects/invoice/view';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { voidQuestion } from './void-question';

export const reasonLabel = (reason: string | null) =>
  reason && Object.hasOwn(CREDIT_NOTE_REASONS, reason)
    ? CREDIT_NOTE_REASONS[reason as keyof typeof CREDIT_NOTE_REASONS]
    : reason;

/**
 * The credit notes issued against the invoice, each opening its own card, and each still
 * issued with Void. The background voids only notes it listed here.
 */
export function InvoiceCreditNotes(props: {
  card: ShownCard;
  invoice: InvoiceView;
  onOpen: (id: string) => void;
  onChanged: () => void;
}) {
  const { invoice } = props;
  const [voided, setVoided] = useState<string | null>(null);
  const voiding = useAttempt({
    send: (attemptId, creditNoteId: string) =>
      askCard(props.card, { type: 'invoice.voidCreditNote', attemptId, creditNoteId }),
    onDone: (_value, creditNoteId) => {
      const note = invoice.creditNotes?.find((n) => n.id === creditNoteId);
      setVoided(`Credit note ${note?.number ?? creditNoteId} voided.`);
      props.onChanged();
    },
  });
  const error = errorOf(voiding.step);
  const money = (amount: number) => formatMinorUnits(amount, invoice.currency);

  if (invoice.creditNotes === null)
    return (
      <p class="muted" role="note">
        Credit notes are not shown: this key cannot list them.
      </p>
    );

  if (invoice.creditNotes.length === 0) return <p class="muted">None issued.</p>;
  return (
    <>
      {voided && (
        <p class="notice notice-success" role="status">
          {voided}
        </p>
      )}
      <ul class="object-list">
        {invoice.creditNotes.map((note) => {
          const name = note.number ?? note.id;
          const asking = voiding.asking && voiding.params === note.id;
          return (
            <li key={note.id} aria-label={`Credit note ${name}`}>
              <div class="object-line">
                <span>
                  <button type="button" class="link" onClick={() => props.onOpen(note.id)}>
                    {name}
                  </button>
                  {note.reason && <span class="muted"> ({reasonLabel(note.reason)})</span>}
                </span>
                <span>
                  {money(note.total)}
                  {note.status === 'void' && ' (void)'}{' '}
                  {note.status === 'issued' && !asking && (
                    <button
                      type="button"
                      class={`danger small ${invoice.mode === 'live' ? 'live' : ''}`}
                      disabled={voiding.busy}
                      onClick={() => voiding.start(note.id)}
                    >
                      Void
                    </button>
                  )}
                </span>
              </div>
              {error && voiding.params === note.id && <ErrorNotice error={error} />}
              {asking && (
                <ConfirmAction
                  attempt={voiding}
                  {...voidQuestion(invoice.mode, `${name} (${money(note.total)})`)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
