import { attemptMetadata, onStripeRefusal, runAttempt, type ActionBase } from '../../kit';
import type { Reconciler } from '../../journal/stale-attempts';
import { success, type Reply } from '../../messaging/reply';
import type { FormValue } from '../../stripe/form-encoding';
import { subscriptionPath } from './api';
import { readSubscription } from './look-up';
import { readToAct } from './read-to-act';
import { Subscription } from './schema';
import type { SubscriptionView } from './view';

type UpdateAction =
  | 'schedule_subscription_cancel'
  | 'undo_subscription_cancel'
  | 'pause_subscription'
  | 'resume_subscription';

/**
 * One change to a subscription (`POST /v1/subscriptions/:id`), journaled with its key: the
 * subscription is read and the action's refusal checked first, then it is sent once, and the
 * card gets the subscription as Stripe now has it.
 */
export async function updateSubscription(
  input: ActionBase,
  spec: {
    action: UpdateAction;
    params: Record<string, FormValue>;
    refusal: (subscription: SubscriptionView) => string | null;
    reconcile: Reconciler;
  },
): Promise<Reply<SubscriptionView>> {
  const { stripe, account, objectId } = input;
  // An attempt already journaled is resent as recorded (Stripe replays it), never refused
  // because the subscription now shows what it did.
  if (!(await input.journal.get(input.attemptId))) {
    const checked = await readToAct(input, spec.refusal);
    if (!checked.ok) return checked;
  }
  const read = async () => (await readSubscription(account, stripe, objectId)).view;
  return runAttempt(input, {
    action: spec.action,
    request: {
      method: 'POST',
      path: subscriptionPath(objectId),
      params: { ...spec.params, metadata: attemptMetadata(input) },
    },
    schema: Subscription,
    reconcile: spec.reconcile,
    done: async () => success(await read()),
    alreadyDone: async () => success(await read()),
    // Stripe's refusal after the subscription moved on (canceled meanwhile): said from a read.
    explainError: onStripeRefusal(async () => spec.refusal(await read())),
  });
}
