import { z } from 'zod';
import { AttemptId, CardToken, cardRequest, defineKind } from '../../kit';
import {
  CANCELLATION_FEEDBACK,
  MAX_CANCELLATION_COMMENT,
  type CancellationFeedback,
} from './cancellation';
import { cancelNowAction, previewCancelNowAction } from './cancel-now';
import { lookUpSubscription } from './look-up';
import { pauseAction, resumeAction } from './pause';
import { SUBSCRIPTION_PERMISSIONS } from './permissions';
import {
  reconcileCancelNow,
  reconcilePause,
  reconcileResume,
  reconcileScheduleCancel,
  reconcileUndoCancel,
} from './reconcile';
import { scheduleCancelAction, undoCancelAction } from './schedule-cancel';
import { PAUSE_BEHAVIORS, type PauseBehavior } from './view';

const attemptRequest = <T extends string>(type: T) =>
  z.strictObject({ type: z.literal(type), token: CardToken, attemptId: AttemptId });

const CancelNowChoiceField = z.strictObject({
  prorate: z.boolean(),
  invoiceNow: z.boolean(),
  feedback: z
    .enum(Object.keys(CANCELLATION_FEEDBACK) as [CancellationFeedback, ...CancellationFeedback[]])
    .nullable(),
  comment: z.string().max(MAX_CANCELLATION_COMMENT),
});

const cancelNowRequest = <T extends string>(type: T) =>
  attemptRequest(type).extend({ choice: CancelNowChoiceField });

/** The background's subscription: its card, and the changes it makes to it. */
export const subscriptionDefinition = defineKind({
  lookUp: lookUpSubscription,
  requests: {
    'subscription.scheduleCancel': cardRequest(
      attemptRequest('subscription.scheduleCancel'),
      (request, card) => card.actOnce(request.attemptId, scheduleCancelAction),
    ),
    'subscription.undoCancel': cardRequest(
      attemptRequest('subscription.undoCancel'),
      (request, card) => card.actOnce(request.attemptId, undoCancelAction),
    ),
    /**
     * A read: what cancelling now would do to money. Not run through `actOnce`, which would
     * hand a Confirm sent while a preview is in flight the preview's answer.
     */
    'subscription.previewCancelNow': cardRequest(
      cancelNowRequest('subscription.previewCancelNow'),
      (request, card) =>
        card.read((base) =>
          previewCancelNowAction({ ...base, attemptId: request.attemptId, choice: request.choice }),
        ),
    ),
    'subscription.cancelNow': cardRequest(
      cancelNowRequest('subscription.cancelNow'),
      (request, card) =>
        card.actOnce(request.attemptId, (base) =>
          cancelNowAction({ ...base, choice: request.choice }),
        ),
    ),
    'subscription.pause': cardRequest(
      attemptRequest('subscription.pause').extend({
        behavior: z.enum(Object.keys(PAUSE_BEHAVIORS) as [PauseBehavior, ...PauseBehavior[]]),
        /** Unix seconds, or null to pause until resumed by hand. */
        resumesAt: z.number().int().positive().nullable(),
      }),
      (request, card) =>
        card.actOnce(request.attemptId, (base) =>
          pauseAction({ ...base, behavior: request.behavior, resumesAt: request.resumesAt }),
        ),
    ),
    'subscription.resume': cardRequest(attemptRequest('subscription.resume'), (request, card) =>
      card.actOnce(request.attemptId, resumeAction),
    ),
  },
  permissions: SUBSCRIPTION_PERMISSIONS,
  reconcile: {
    schedule_subscription_cancel: reconcileScheduleCancel,
    undo_subscription_cancel: reconcileUndoCancel,
    cancel_subscription: reconcileCancelNow,
    cancel_subscription_prorated: reconcileCancelNow,
    pause_subscription: reconcilePause,
    resume_subscription: reconcileResume,
  },
});
