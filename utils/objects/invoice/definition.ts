import { z } from 'zod';
import { accountForGrant, isReply } from '../../background/account-routing';
import { REFUSED } from '../../background/card-book';
import { cardRequest } from '../../background/request-handler';
import { AttemptId, CardToken } from '../../background/request-fields';
import { guardrailsOf } from '../../guardrails';
import { failure } from '../../messaging/reply';
import { settingsInForce } from '../../policy/settings-in-force';
import { parseStripeId } from '../../stripe-id-grammar';
import { voidCreditNoteAction } from '../credit-note/void';
import { defineObject } from '../object-definition';
import { CreditNoteDraftField } from './credit-note-message';
import { issueCreditNoteAction, previewCreditNoteAction } from './issue-credit-note';
import { lookUpInvoice } from './look-up';
import { INVOICE_PERMISSIONS } from './permissions';
import { reconcileCreditNote } from './reconcile';

const draftRequest = <T extends string>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    token: CardToken,
    attemptId: AttemptId,
    draft: CreditNoteDraftField,
  });

/** The background's invoice: its card, and the credit notes issued and voided from it. */
export const invoiceDefinition = defineObject({
  lookUp: lookUpInvoice,
  requests: {
    /**
     * A read: what Stripe would make of the draft. Not run through `actOnce`, which would
     * hand a Confirm sent while a preview is in flight the preview's answer.
     */
    'invoice.previewCreditNote': cardRequest(
      draftRequest('invoice.previewCreditNote'),
      async (request, { grant, background }) => {
        const account = await accountForGrant(grant);
        if (isReply(account)) return account;
        return previewCreditNoteAction({
          stripe: background.clientFor(account),
          journal: background.journal,
          account,
          objectId: grant.objectId,
          attemptId: request.attemptId,
          pageUrl: grant.pageUrl,
          draft: request.draft,
          guardrails: guardrailsOf(await settingsInForce()),
        });
      },
    ),
    'invoice.issueCreditNote': cardRequest(
      draftRequest('invoice.issueCreditNote'),
      async (request, card) => {
        const guardrails = guardrailsOf(await settingsInForce());
        return card.actOnce(request.attemptId, (base) =>
          issueCreditNoteAction({ ...base, draft: request.draft, guardrails }),
        );
      },
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
  reconcile: { issue_credit_note: reconcileCreditNote },
});
