import type { ActionBase } from '../../kit';
import type { Reply } from '../../messaging/reply';
import { reconcileScheduleCancel, reconcileUndoCancel } from './reconcile';
import { notSchedulableBecause, notUndoableBecause } from './refusals';
import { updateSubscription } from './update';
import type { SubscriptionView } from './view';

/** Cancels at the end of the current period: the customer keeps it until then. */
export const scheduleCancelAction = (input: ActionBase): Promise<Reply<SubscriptionView>> =>
  updateSubscription(input, {
    action: 'schedule_subscription_cancel',
    params: { cancel_at_period_end: true },
    refusal: notSchedulableBecause,
    reconcile: reconcileScheduleCancel,
  });

/** Takes back a scheduled cancellation while the period runs: it renews as before. */
export const undoCancelAction = (input: ActionBase): Promise<Reply<SubscriptionView>> =>
  updateSubscription(input, {
    action: 'undo_subscription_cancel',
    params: { cancel_at_period_end: false },
    refusal: notUndoableBecause,
    reconcile: reconcileUndoCancel,
  });
