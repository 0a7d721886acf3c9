import { z } from 'zod';
import { AttemptId, CardToken, cardRequest, defineKind } from '../../kit';
import { failure, REFUSED } from '../../messaging/reply';
import { parseStripeId } from '../../stripe-id-grammar';
import { voidCreditNoteAction } from '../credit-note/void';
import { CreditNoteDraftField } from '../credit-note/draft-field';
import { issueCreditNoteAction, previewCreditNoteAction } from '../credit-note/issue';
import { lookUpInvoice } from './look-up';
import { INVOICE_PERMISSIONS } from './permissions';

const draftRequest = <T extends string>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    token: CardToken,
    attemptId: AttemptId,
    draft: CreditNoteDraftField,
  });

/** The background's invoice: its card, and the credit notes issued and voided from it. */
export const invoiceDefinition = defineKind({
  lookUp: lookUpInvoice,
  requests: {
    /**
     * A read: what Stripe would make of the draft. Not run through `actOnce`, which would
     * hand a Confirm sent while a preview is in flight the preview's answer.
     */
    'invoice.previewCreditNote': cardRequest(
      draftRequest('invoice.previewCreditNote'),
      (request, card) =>
        card.read((base) =>
          previewCreditNoteAction({ ...base, attemptId: request.attemptId, draft: request.draft }),
        ),
    ),
    'invoice.issueCreditNote': cardRequest(
      draftRequest('invoice.issueCreditNote'),
      (request, card) =>
        card.actOnce(request.attemptId, (base) =>
          issueCreditNoteAction({ ...base, draft: request.draft }),
        ),
    ),
    /** Voids one of the credit notes the card listed as this invoice's; any other is refused. */
    'invoice.voidCreditNote': cardRequest(
      z.strictObject({
        type: z.literal('invoice.voidCreditNote'),
        token: CardToken,
        attemptId: AttemptId,
        creditNoteId: z.string().refine((id) => parseStripeId(id)?.kind === 'credit_note'),
      }),
      async (request, card) => {
        if (!card.grant.reachable?.includes(request.creditNoteId)) return failure(REFUSED);
        return card.actOnce(request.attemptId, (base) =>
          voidCreditNoteAction({ ...base, objectId: request.creditNoteId }),
        );
      },
    ),
  },
  permissions: INVOICE_PERMISSIONS,
  // Its credit notes' actions are the credit note kind's: see credit-note/definition.ts.
  reconcile: {},
});
