import { z } from 'zod';
import { AttemptId, CardToken, cardRequest, defineKind } from '../../kit';
import { lookUpCreditNote } from './look-up';
import { CREDIT_NOTE_PERMISSIONS } from './permissions';
import { reconcileCreditNote, reconcileVoid } from './reconcile';
import { voidCreditNoteAction } from './void';

/**
 * The background's credit note: its card shows it, and voids it while issued. Issuing one is
 * this kind's action too, asked for on its invoice's card.
 */
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
  /** Credit notes are issued from their invoice's card (`invoice.issueCreditNote`). */
  reconcile: { issue_credit_note: reconcileCreditNote, void_credit_note: reconcileVoid },
});
