import { onStripeRefusal, runAttempt, type ActionBase } from '../../kit';
import { success, type Reply } from '../../messaging/reply';
import { creditNotePath } from './api';
import { CreditNote } from './schema';
import { readCreditNote } from './look-up';
import { reconcileVoid } from './reconcile';
import type { CreditNoteView } from './view';

/** Voids an issued credit note (`objectId`), journaled like every change. */
export function voidCreditNoteAction(input: ActionBase): Promise<Reply<CreditNoteView>> {
  const { stripe, account, objectId: noteId } = input;
  return runAttempt(input, {
    action: 'void_credit_note',
    request: { method: 'POST', path: `${creditNotePath(noteId)}/void`, params: {} },
    schema: CreditNote,
    reconcile: reconcileVoid,
    done: async () => success((await readCreditNote(account, stripe, noteId)).view),
    // Stripe's words for a note already void carry no code: read it and say so plainly.
    explainError: onStripeRefusal(async () =>
      (await readCreditNote(account, stripe, noteId)).view.status === 'void'
        ? 'This credit note is already void; nothing was changed.'
        : null,
    ),
  });
}
