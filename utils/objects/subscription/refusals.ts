import type { StripeMode } from '../../stripe-id-grammar';
import type { SubscriptionView } from './view';

/**
 * Why an action on a subscription is refused before anything is sent, or null when it may
 * go. The card runs these to offer only what makes sense; the background runs them again on
 * the subscription as Stripe has it at that moment, and alone decides.
 */
type Facts = Pick<
  SubscriptionView,
  'status' | 'livemode' | 'cancelAtPeriodEnd' | 'pauseCollection'
>;

/** A subscription of one mode is never changed with a key of the other. */
export function wrongModeBecause(subscription: Pick<Facts, 'livemode'>, mode: StripeMode) {
  if (subscription.livemode === (mode === 'live')) return null;
  return subscription.livemode
    ? 'This is a live subscription and the key in use is a test key: nothing was sent. Use a live key to change it.'
    : 'This is a test subscription and the key in use is a live key: nothing was sent.';
}

/** Why it cannot be canceled, now or at the period's end. */
export function notCancelableBecause(subscription: Facts): string | null {
  if (subscription.status === 'canceled')
    return 'This subscription is already canceled: there is nothing to cancel.';
  if (subscription.status === 'incomplete_expired')
    return 'This subscription expired before its first payment went through: there is nothing to cancel.';
  return null;
}

/** Why a cancellation at the period's end cannot be scheduled. */
export function notSchedulableBecause(subscription: Facts): string | null {
  const ended = notCancelableBecause(subscription);
  if (ended) return ended;
  if (subscription.cancelAtPeriodEnd)
    return 'A cancellation at the end of the period is already scheduled.';
  return null;
}

/** Why there is no scheduled cancellation to undo. */
export function notUndoableBecause(subscription: Facts): string | null {
  const ended = notCancelableBecause(subscription);
  if (ended) return ended;
  if (!subscription.cancelAtPeriodEnd)
    return 'No cancellation is scheduled on this subscription: there is nothing to undo.';
  return null;
}

/** Why collection cannot be paused. */
export function notPausableBecause(subscription: Facts): string | null {
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired')
    return 'This subscription is canceled: there is nothing to pause.';
  if (subscription.status === 'paused')
    return 'This subscription is paused because its trial ended without a payment method; pausing collection does not apply. Resume it in the Dashboard once a payment method is added.';
  return null;
}

/** Why there is no paused collection to resume. */
export function notResumableBecause(subscription: Facts): string | null {
  if (!subscription.pauseCollection)
    return 'Collection on this subscription is not paused: there is nothing to resume.';
  return null;
}

/** Why a resume date is refused (a date in the past), or null; null dates are fine. */
export function resumeDateProblem(resumesAt: number | null, nowSeconds: number): string | null {
  if (resumesAt === null) return null;
  if (!Number.isSafeInteger(resumesAt) || resumesAt <= 0)
    return 'The resume date is not a date: choose one, or leave it empty to resume by hand.';
  if (resumesAt <= nowSeconds)
    return 'The resume date is in the past: choose a later one, or leave it empty to resume by hand.';
  return null;
}
