import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import { askBackground } from '../../../utils/messaging/ask-background';
import { CREDIT_NOTE_REASONS } from '../../../utils/objects/credit-note/draft';
import type { InvoiceView } from '../../../utils/objects/invoice/view';
import type { AgentFacingError } from '../../../utils/stripe/explain-failure';
import { ConfirmVoid } from '../../confirm/ConfirmVoid';
import { ErrorNotice } from '../../shared/ErrorNotice';

type Step =
  | { name: 'idle' }
  | { name: 'confirming'; noteId: string; attemptId: string }
  | { name: 'working'; noteId: string; attemptId: string }
  | { name: 'failed'; noteId: string; attemptId: string; error: AgentFacingError };

export const reasonLabel = (reason: string | null) =>
  reason && Object.hasOwn(CREDIT_NOTE_REASONS, reason)
    ? CREDIT_NOTE_REASONS[reason as keyof typeof CREDIT_NOTE_REASONS]
    : reason;

/**
 * The credit notes issued against the invoice, each opening its own card, and each still
 * issued with Void. The background voids only notes it listed here.
 */
export function InvoiceCreditNotes(props: {
  token: string;
  invoice: InvoiceView;
  onOpen: (id: string) => void;
  onChanged: () => void;
}) {
  const { invoice } = props;
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const money = (amount: number) => formatMinorUnits(amount, invoice.currency);

  if (invoice.creditNotes === null)
    return (
      <p class="muted" role="note">
        Credit notes are not shown: this key cannot list them.
      </p>
    );

  async function voidNote(noteId: string, attemptId: string) {
    setStep({ name: 'working', noteId, attemptId });
    const reply = await askBackground({
      type: 'invoice.voidCreditNote',
      token: props.token,
      attemptId,
      creditNoteId: noteId,
    });
    if (!reply.ok) return setStep({ name: 'failed', noteId, attemptId, error: reply.error });
    setStep({ name: 'idle' });
    props.onChanged();
  }

  function startVoiding(noteId: string) {
    // A retry after no answer reuses the attempt (and its idempotency key).
    const attemptId =
      step.name === 'failed' && step.noteId === noteId && step.error.unresolved
        ? step.attemptId
        : crypto.randomUUID();
    setStep({ name: 'confirming', noteId, attemptId });
  }

  const busy = step.name === 'working';
  if (invoice.creditNotes.length === 0) return <p class="muted">None issued.</p>;
  return (
    <ul class="object-list">
      {invoice.creditNotes.map((note) => {
        const name = note.number ?? note.id;
        const asking =
          (step.name === 'confirming' || step.name === 'working') && step.noteId === note.id;
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
                    disabled={busy}
                    onClick={() => startVoiding(note.id)}
                  >
                    Void
                  </button>
                )}
              </span>
            </div>
            {step.name === 'failed' && step.noteId === note.id && (
              <ErrorNotice error={step.error} />
            )}
            {asking && (
              <ConfirmVoid
                mode={invoice.mode}
                which={`${name} (${money(note.total)})`}
                busy={busy}
                onConfirm={() => void voidNote(note.id, step.attemptId)}
                onCancel={() => setStep({ name: 'idle' })}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
