import { z } from 'zod';
import { AttemptId, CardToken, cardRequest, defineKind } from '../../kit';
import { expireCheckoutSessionAction } from './expire';
import { lookUpCheckoutSession } from './look-up';
import { CHECKOUT_SESSION_PERMISSIONS } from './permissions';
import { reconcileExpire } from './reconcile';

/** The background's Checkout Session: its look-up, the card requests it owns, its permissions. */
export const checkoutSessionDefinition = defineKind({
  lookUp: lookUpCheckoutSession,
  requests: {
    'checkoutSession.expire': cardRequest(
      z.strictObject({
        type: z.literal('checkoutSession.expire'),
        token: CardToken,
        attemptId: AttemptId,
      }),
      (request, card) => card.actOnce(request.attemptId, expireCheckoutSessionAction),
    ),
  },
  permissions: CHECKOUT_SESSION_PERMISSIONS,
  reconcile: { expire_checkout_session: reconcileExpire },
});
