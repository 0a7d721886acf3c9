import {
  journalIntent,
  runJournaledPost,
  unresolvedReply,
  failedReply,
  type ActionBase,
} from '../../journal/run-journaled-post';
import { failure, success, type Reply } from '../../messaging/reply';
import { explainStripeFailure } from '../../stripe/explain-failure';
import { StripeApiError } from '../../stripe/stripe-error';
import { expireSessionRequest, retrieveCheckoutSession } from './api';
import { readCheckoutSession } from './look-up';
import { reconcileExpire } from './reconcile';
import { CheckoutSession } from './schema';
import { toCheckoutSessionView, type CheckoutSessionView } from './view';

export async function expireCheckoutSessionAction(
  input: ActionBase,
): Promise<Reply<CheckoutSessionView>> {
  const { stripe, journal, account, objectId: sessionId } = input;
  const outcome = await runJournaledPost(
    stripe,
    journal,
    journalIntent(input, 'expire_checkout_session', expireSessionRequest(sessionId)),
    CheckoutSession,
    { reconcile: reconcileExpire },
  );
  if (outcome.kind === 'done')
    return success(toCheckoutSessionView(outcome.result.data, account.label));
  // A second click on a confirmation that already went through: show the state, send nothing.
  if (outcome.kind === 'already-done') return readCheckoutSession(stripe, account, sessionId);
  if (outcome.kind === 'unresolved') return unresolvedReply(outcome.record);
  if (outcome.kind === 'refused') return failure(outcome.reason);

  const explained = explainStripeFailure(outcome.error);
  if (outcome.error instanceof StripeApiError && outcome.error.status === 400) {
    // Stripe's 400 for a session that is not open carries no reliable code: read the session
    // again and explain from its status.
    try {
      const current = await retrieveCheckoutSession(stripe, sessionId);
      const view = toCheckoutSessionView(current.data, account.label);
      if (view.notExpirableBecause)
        return failure(view.notExpirableBecause, {
          requestId: explained.requestId,
          stripeCode: explained.stripeCode,
        });
    } catch {
      // Fall through to Stripe's own words.
    }
  }
  return failedReply(outcome);
}
