import { z } from 'zod';
import { AttemptId, CardToken, cardRequest, defineKind } from '../../kit';
import { lookUpCreditNote } from './look-up';
import { CREDIT_NOTE_PERMISSIONS } from './permissions';
import { reconcileVoid } from './reconcile';
import { voidCreditNoteAction } from './void';

/** The background's credit note: its card shows it, and voids it while issued. */
export const creditNoteDefinition = defineKind({
  lookUp: lookUpCreditNote,
  requests: {
    'creditNote.void': cardRequest(
      z.strictObject({
        type: z.literal('creditNote.void'),
        token: CardToken,
        attemptId: AttemptId,
      }),
      (request, card) => card.actOnce(request.attemptId, voidCreditNoteAction),
    ),
  },
  permissions: CREDIT_NOTE_PERMISSIONS,
  reconcile: { void_credit_note: reconcileVoid },
});
