import { z } from 'zod';
import { AttemptId, CardToken, cardRequest, defineKind } from '../../kit';
import { lookUpPayment } from './look-up';
import { PAYMENT_PERMISSIONS } from './permissions';
import { reconcileRefund } from './reconcile';
import { refundPaymentAction, reviewRefundAction } from './refund';
import { RefundDraftField } from './refund-draft-field';

const draftRequest = <T extends string>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    token: CardToken,
    attemptId: AttemptId,
    draft: RefundDraftField,
  });

/** The background's payment: its card, and the refunds sent from it. */
export const paymentDefinition = defineKind({
  lookUp: lookUpPayment,
  requests: {
    /**
     * A read: the refund checked against the payment as Stripe has it, and bound to its
     * attempt. Not run through `actOnce`, which would hand a Confirm sent meanwhile its answer.
     */
    'payment.reviewRefund': cardRequest(draftRequest('payment.reviewRefund'), (request, card) =>
      card.read((base) =>
        reviewRefundAction({ ...base, attemptId: request.attemptId, draft: request.draft }),
      ),
    ),
    'payment.refund': cardRequest(draftRequest('payment.refund'), (request, card) =>
      card.actOnce(request.attemptId, (base) =>
        refundPaymentAction({ ...base, draft: request.draft }),
      ),
    ),
  },
  permissions: PAYMENT_PERMISSIONS,
  reconcile: { refund_payment: reconcileRefund },
});
