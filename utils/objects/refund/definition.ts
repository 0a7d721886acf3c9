import { z } from 'zod';
import { AttemptId, CardToken, cardRequest, defineKind } from '../../kit';
import { cancelRefundAction } from './cancel';
import { lookUpRefund } from './look-up';
import { REFUND_PERMISSIONS } from './permissions';
import { reconcileCancelRefund } from './reconcile';

/**
 * The background's refund: its card shows it, and cancels it while it requires action.
 * Creating one is the payment kind's action (`payment.refund`), asked for on its payment's card.
 */
export const refundDefinition = defineKind({
  lookUp: lookUpRefund,
  requests: {
    'refund.cancel': cardRequest(
      z.strictObject({ type: z.literal('refund.cancel'), token: CardToken, attemptId: AttemptId }),
      (request, card) => card.actOnce(request.attemptId, cancelRefundAction),
    ),
  },
  permissions: REFUND_PERMISSIONS,
  reconcile: { cancel_refund: reconcileCancelRefund },
});
