import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import { askCard } from '../../card/ask-card';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { voidQuestion } from './void-question';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { reasonLabel } from './InvoiceCreditNotes';
import { KeyHint, useKeyShortcut } from '../../shared/KeyShortcut';
import type { PanelProps } from '../../card/panel-props';
import { useOpenRelated } from '../../card/use-open-related';

/** A credit note: what it credited and where the money went; Void while it stands. */
export function CreditNotePanel(props: PanelProps<'credit_note'>) {
  const { view: note, card } = props;
  const { open: openInvoice, error: openError } = useOpenRelated(card.token, props.onChanged);
  const money = (amount: number) => formatMinorUnits(amount, note.currency);
  const [voided, setVoided] = useState<string | null>(null);
  const voiding = useAttempt({
    send: (attemptId) => askCard(card, { type: 'creditNote.void', attemptId }),
    onDone: () => {
      setVoided(`Credit note ${note.number ?? note.id} voided.`);
      props.onChanged();
    },
  });
  const error = errorOf(voiding.step);
  const canVoid = note.status === 'issued' && !voiding.asking;
  const startVoiding = () => canVoid && voiding.start(null);
  useKeyShortcut('v', startVoiding, canVoid);

  const wentTo = [
    note.prePayment > 0 && `${money(note.prePayment)} off what was due`,
    note.refunded > 0 && `${money(note.refunded)} refunded`,
    note.creditedToBalance && "credited to the customer's balance",
    note.outOfBand > 0 && `${money(note.outOfBand)} outside Stripe`,
  ].filter(Boolean);

  return (
    <section aria-label="Credit note details">
      <dl class="facts">
        <dt>Number</dt>
        <dd>{note.number ?? '—'}</dd>
        <dt>Status</dt>
        <dd data-testid="credit-note-status">{note.status === 'issued' ? 'Issued' : 'Void'}</dd>
        <dt>Invoice</dt>
        <dd>
          <button type="button" class="link" onClick={() => void openInvoice(note.invoiceId)}>
            {note.invoiceId}
          </button>
        </dd>
        <dt>Amount</dt>
        <dd>{money(note.total)}</dd>
        <dt>Reason</dt>
        <dd>{reasonLabel(note.reason) ?? '—'}</dd>
        {wentTo.length > 0 && (
          <>
            <dt>Money</dt>
            <dd>{wentTo.join('; ')}</dd>
          </>
        )}
        {note.memo && (
          <>
            <dt>Memo</dt>
            <dd>{note.memo}</dd>
          </>
        )}
      </dl>
      {note.foundInOtherMode && (
        <p class="notice" role="note">
          Found in {note.mode} mode, with the {note.accountLabel} key (not the active one).
        </p>
      )}
      {voided && (
        <p class="notice notice-success" role="status">
          {voided}
        </p>
      )}
      {openError && <ErrorNotice error={openError} />}
      {error && <ErrorNotice error={error} />}
      {voiding.asking ? (
        <ConfirmAction
          attempt={voiding}
          {...voidQuestion(note.mode, `${note.number ?? note.id} (${money(note.total)})`, note)}
        />
      ) : (
        <div class="actions">
          {note.status === 'issued' && (
            <button type="button" class="danger" aria-keyshortcuts="v" onClick={startVoiding}>
              {voiding.kept ? 'Retry void' : 'Void credit note'} <KeyHint shortcut="v" />
            </button>
          )}
          {note.pdf && (
            <a class="button secondary" href={note.pdf} target="_blank" rel="noreferrer">
              Credit note PDF
            </a>
          )}
        </div>
      )}
    </section>
  );
}
