import {
  asReviewed,
  onStripeRefusal,
  runAttempt,
  type AccountBase,
  type ActionBase,
} from '../../kit';
import type { JournaledRequest } from '../../journal/activity-journal';
import { overCreditLimit } from '../../guardrails/limits';
import { formatMinorUnits } from '../../currency-units';
import { failure, success, type Reply } from '../../messaging/reply';
import { explainStripeFailure } from '../../stripe/explain-failure';
import { stripeNow } from '../../stripe/stripe-clock';
import { previewInvoice, subscriptionPath } from './api';
import {
  cancellationMoney,
  describeCancelNow,
  type CancellationMoney,
  type CancelNowChoice,
} from './cancellation';
import { readSubscription } from './look-up';
import { readToAct } from './read-to-act';
import { reconcileCancelNow } from './reconcile';
import { notCancelableBecause } from './refusals';
import { Subscription } from './schema';
import type { SubscriptionView } from './view';

/** What the card shows before Confirm: Stripe's preview, in words and minor units. */
export interface CancelNowPreview extends CancellationMoney {
  sentence: string;
}

type Input = ActionBase & { choice: CancelNowChoice };

/**
 * The cancellation as it goes to Stripe: a DELETE (no idempotency key, see the journal),
 * with the proration date the preview used so that the credit is the one previewed.
 */
export function cancelNowRequest(
  subscriptionId: string,
  choice: CancelNowChoice,
  prorationDate: number,
): JournaledRequest {
  const comment = choice.comment.trim();
  const details = {
    ...(choice.feedback ? { feedback: choice.feedback } : {}),
    ...(comment ? { comment } : {}),
  };
  return {
    method: 'DELETE',
    path: subscriptionPath(subscriptionId),
    params: {
      prorate: choice.prorate,
      invoice_now: choice.invoiceNow,
      proration_date: prorationDate,
      ...(Object.keys(details).length ? { cancellation_details: details } : {}),
    },
  };
}

/** Stripe's preview of the cancellation: the invoice it would make, for the same moment. */
export const cancelPreviewParams = (
  subscription: SubscriptionView,
  choice: CancelNowChoice,
  prorationDate: number,
) => ({
  customer: subscription.customer.id,
  subscription: subscription.id,
  subscription_details: {
    cancel_now: true,
    proration_behavior: choice.prorate
      ? choice.invoiceNow
        ? 'always_invoice'
        : 'create_prorations'
      : 'none',
    proration_date: prorationDate,
  },
});

/** The preview's money for this choice, and the guardrail's refusal when the credit is over it. */
async function previewMoney(
  input: AccountBase,
  subscription: SubscriptionView,
  choice: CancelNowChoice,
  prorationDate: number,
): Promise<Reply<CancellationMoney>> {
  let money: CancellationMoney;
  try {
    const { data } = await previewInvoice(
      input.stripe,
      cancelPreviewParams(subscription, choice, prorationDate),
    );
    money = cancellationMoney(data);
  } catch (error) {
    return { ok: false, error: explainStripeFailure(error) };
  }
  if (choice.prorate && money.credit > 0) {
    const over = overCreditLimit(money.credit, money.currency, input.guardrails);
    if (over)
      return failure(
        `Cancelling now credits ${formatMinorUnits(money.credit, money.currency)} for unused time. ${over} Nothing was sent.`,
      );
  }
  return success(money);
}

/**
 * Asks Stripe what cancelling now would do to money, at a proration date fixed now, and binds
 * that review to the attempt: Confirm sends exactly this DELETE, or nothing. A read.
 */
export async function previewCancelNowAction(input: Input): Promise<Reply<CancelNowPreview>> {
  const checked = await readToAct(input, notCancelableBecause);
  if (!checked.ok) return checked;
  const subscription = checked.value;
  const prorationDate = Math.floor((stripeNow() ?? Date.now()) / 1000);
  const money = await previewMoney(input, subscription, input.choice, prorationDate);
  if (!money.ok) return money;
  const sentence = describeCancelNow(money.value, input.choice, subscription.customer.name);
  await input.previews.bind(input.attemptId, {
    request: cancelNowRequest(subscription.id, input.choice, prorationDate),
    ...(input.choice.prorate
      ? { money: { minorUnits: money.value.credit, currency: money.value.currency } }
      : {}),
    sentence,
  });
  return success({ ...money.value, sentence });
}

/**
 * Cancels now, as reviewed: the subscription is read and previewed again at the reviewed
 * proration date, and the DELETE goes only if the credit is still the one the agent saw.
 * Journaled like every change; a retry that finds it canceled settles as done after a read.
 */
export async function cancelNowAction(input: Input): Promise<Reply<SubscriptionView>> {
  const { stripe, account, objectId } = input;
  const read = async () => (await readSubscription(account, stripe, objectId)).view;
  const journaled = await input.journal.get(input.attemptId);
  let request: JournaledRequest;
  let credit: CancellationMoney | null = null;
  if (journaled) {
    request = journaled.request;
    if (journaled.amount !== undefined && journaled.currency)
      credit = { credit: journaled.amount, currency: journaled.currency, charge: 0 };
  } else {
    const reviewed = await input.previews.find(input.attemptId);
    const prorationDate = Number(reviewed?.request.params.proration_date ?? 0);
    const checked = await readToAct(input, notCancelableBecause);
    if (!checked.ok) return checked;
    request = cancelNowRequest(objectId, input.choice, prorationDate);
    const bound = await asReviewed(input.previews, input.attemptId, request, () => null);
    if (!bound.ok) return bound;
    // The same moment previewed again: a subscription changed since (an item, a quantity)
    // would credit another amount than the one the agent read.
    const again = await previewMoney(input, checked.value, input.choice, prorationDate);
    if (!again.ok) return again;
    const reviewedCredit = bound.value.money?.minorUnits ?? 0;
    if (input.choice.prorate && again.value.credit !== reviewedCredit)
      return failure(
        `The subscription changed since your review: cancelling now would credit ${formatMinorUnits(again.value.credit, again.value.currency)}, not ${formatMinorUnits(reviewedCredit, again.value.currency)}. Nothing was sent: review it again.`,
      );
    if (input.choice.prorate) credit = again.value;
  }
  const common = {
    request,
    schema: Subscription,
    reconcile: reconcileCancelNow,
    done: async () => success(await read()),
    alreadyDone: async () => success(await read()),
    explainError: onStripeRefusal(async () => notCancelableBecause(await read())),
  };
  return credit
    ? runAttempt(input, {
        ...common,
        action: 'cancel_subscription_prorated',
        money: { minorUnits: credit.credit, currency: credit.currency },
      })
    : runAttempt(input, { ...common, action: 'cancel_subscription' });
}
