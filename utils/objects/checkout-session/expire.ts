import { onStripeRefusal, runAttempt, type ActionBase } from '../../kit';
import { success, type Reply } from '../../messaging/reply';
import { expireSessionRequest, retrieveCheckoutSession } from './api';
import { readCheckoutSession } from './look-up';
import { reconcileExpire } from './reconcile';
import { CheckoutSession } from './schema';
import { toCheckoutSessionView, type CheckoutSessionView } from './view';

/** Expires an open Checkout Session (`objectId`), journaled like every change. */
export function expireCheckoutSessionAction(
  input: ActionBase,
): Promise<Reply<CheckoutSessionView>> {
  const { stripe, account, objectId: sessionId } = input;
  return runAttempt(input, {
    action: 'expire_checkout_session',
    request: expireSessionRequest(sessionId),
    schema: CheckoutSession,
    reconcile: reconcileExpire,
    done: ({ data }) => success(toCheckoutSessionView(data, account.label)),
    // A second click on a confirmation that already went through: show the state, send nothing.
    alreadyDone: () => readCheckoutSession(stripe, account, sessionId),
    // Stripe's 400 for a session that is not open carries no reliable code: read the session
    // again and explain from its status.
    explainError: onStripeRefusal(async () => {
      const { data } = await retrieveCheckoutSession(stripe, sessionId);
      return toCheckoutSessionView(data, account.label).notExpirableBecause;
    }),
  });
}
