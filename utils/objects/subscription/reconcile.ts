import type { Reconciler } from '../../journal/stale-attempts';
import { retrieveSubscription } from './api';

/**
 * A change to a subscription whose answer was lost: reading it says whether it now stands as
 * the attempt asked. Settled by the one field each action sets.
 */
const reconcileBy =
  (
    holds: (subscription: Awaited<ReturnType<typeof retrieveSubscription>>['data']) => boolean,
    notDone: string,
  ): Reconciler =>
  async (record, stripe) => {
    const { data: subscription } = await retrieveSubscription(stripe, record.objectId);
    return holds(subscription)
      ? { outcome: 'succeeded', found: subscription }
      : { outcome: 'failed', errorMessage: notDone };
  };

/** A DELETE is idempotent at Stripe: a canceled subscription is the answer it would give. */
export const reconcileCancelNow = reconcileBy(
  (subscription) => subscription.status === 'canceled',
  'Stripe did not cancel this subscription: it is still running.',
);

export const reconcileScheduleCancel = reconcileBy(
  (subscription) => subscription.cancel_at_period_end,
  'Stripe did not schedule the cancellation: the subscription still renews.',
);

export const reconcileUndoCancel = reconcileBy(
  (subscription) => !subscription.cancel_at_period_end && subscription.status !== 'canceled',
  'Stripe did not undo the cancellation: it is still scheduled.',
);

/** Paused with the behavior the attempt asked for. */
export const reconcilePause: Reconciler = (record, stripe) => {
  const asked = record.request.params.pause_collection as { behavior?: string } | undefined;
  return reconcileBy(
    (subscription) => subscription.pause_collection?.behavior === asked?.behavior,
    'Stripe did not pause collection on this subscription.',
  )(record, stripe);
};

export const reconcileResume = reconcileBy(
  (subscription) => !subscription.pause_collection,
  'Stripe did not resume collection: it is still paused.',
);
