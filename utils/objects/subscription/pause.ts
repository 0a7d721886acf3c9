import type { ActionBase } from '../../kit';
import { failure, type Reply } from '../../messaging/reply';
import { stripeNow } from '../../stripe/stripe-clock';
import { reconcilePause, reconcileResume } from './reconcile';
import { notPausableBecause, notResumableBecause, resumeDateProblem } from './refusals';
import { updateSubscription } from './update';
import type { PauseBehavior, SubscriptionView } from './view';

/** Stripe's time now, in seconds: a resume date is checked against it, not the computer's. */
const nowSeconds = () => Math.floor((stripeNow() ?? Date.now()) / 1000);

/** Pauses collection with one of Stripe's behaviors, until `resumesAt` or until resumed. */
export function pauseAction(
  input: ActionBase & { behavior: PauseBehavior; resumesAt: number | null },
): Promise<Reply<SubscriptionView>> {
  const dateProblem = resumeDateProblem(input.resumesAt, nowSeconds());
  if (dateProblem) return Promise.resolve(failure(dateProblem));
  return updateSubscription(input, {
    action: 'pause_subscription',
    params: {
      pause_collection: {
        behavior: input.behavior,
        ...(input.resumesAt !== null ? { resumes_at: input.resumesAt } : {}),
      },
    },
    refusal: notPausableBecause,
    reconcile: reconcilePause,
  });
}

/** Resumes collection: `pause_collection=` (empty) is how Stripe clears it. */
export const resumeAction = (input: ActionBase): Promise<Reply<SubscriptionView>> =>
  updateSubscription(input, {
    action: 'resume_subscription',
    params: { pause_collection: null },
    refusal: notResumableBecause,
    reconcile: reconcileResume,
  });
