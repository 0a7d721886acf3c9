import {
  alreadyDoneMessage,
  toSendAsReviewed,
  attemptMetadata,
  runAttempt,
  type AccountBase,
  type ActionBase,
} from '../../kit';
import type { JournaledRequest } from '../../journal/activity-journal';
import { failure, success, type Reply } from '../../messaging/reply';
import { explainStripeFailure } from '../../stripe/explain-failure';
import { StripeApiError } from '../../stripe/stripe-error';
import { formatMinorUnits } from '../../currency-units';
import { Refund } from '../refund/schema';
import { describeRefundStatus } from '../refund/status-words';
import { readPayment } from './look-up';
import { reconcileRefund } from './reconcile';
import {
  checkRefundDraft,
  describeRefund,
  notRefundableBecause,
  refundDraftProblem,
  type CheckedRefund,
  type RefundablePayment,
  type RefundDraft,
} from './refundable';

/** What the review shows: the sentence Confirm's request says, bound to the attempt. */
export interface RefundReview {
  sentence: string;
  minorUnits: number;
  currency: string;
}

export interface RefundOutcome {
  id: string;
  amount: number;
  currency: string;
  status: string | null;
  /** The status in words, with why it is pending or failed. */
  statusWords: string;
  sentence: string;
}

type Input = ActionBase & { draft: RefundDraft };

/** The refund's request: the review binds it, Confirm sends it. */
const requestOf = (checked: CheckedRefund, input: Input): JournaledRequest => ({
  method: 'POST',
  path: '/v1/refunds',
  params: {
    ...checked.params,
    metadata: { ...attemptMetadata(input), ...(checked.note ? { note: checked.note } : {}) },
  },
});

/** What a change to the payment since the review would make of the refund, in a sentence. */
const whatChanged = (currency: string) => (reviewed: JournaledRequest, now: JournaledRequest) =>
  reviewed.params.amount !== now.params.amount && typeof now.params.amount === 'number'
    ? `The payment changed since your review: this refund would now be ${formatMinorUnits(now.params.amount, currency)}.`
    : null;

/** The payment read fresh and the draft checked against it; the first refusal wins. */
async function checkAgainstStripe(
  input: AccountBase & { draft: RefundDraft },
): Promise<Reply<{ checked: CheckedRefund; payment: RefundablePayment }>> {
  // Refused from the draft alone, nothing is read from Stripe either.
  const problem = refundDraftProblem(input.draft);
  if (problem) return failure(problem);
  let payment: RefundablePayment;
  try {
    payment = (await readPayment(input.account, input.stripe, input.objectId)).view;
  } catch (error) {
    return { ok: false, error: explainStripeFailure(error) };
  }
  const checked = checkRefundDraft(input.draft, payment, input.guardrails, input.account.mode);
  if (!checked.ok) return failure(checked.reason);
  return success({ checked, payment });
}

/**
 * The review: the payment read afresh, the draft checked, and the very request Confirm will
 * send bound to the attempt with its sentence. A read: nothing is sent or journaled.
 */
export async function reviewRefundAction(input: Input): Promise<Reply<RefundReview>> {
  const checked = await checkAgainstStripe(input);
  if (!checked.ok) return checked;
  const { checked: refund, payment } = checked.value;
  const sentence = describeRefund(refund, payment);
  await input.previews.bind(input.attemptId, {
    request: requestOf(refund, input),
    money: { minorUnits: refund.minorUnits, currency: payment.currency },
    sentence,
  });
  return success({ sentence, minorUnits: refund.minorUnits, currency: payment.currency });
}

/** A Stripe refusal said from what the payment shows now, with Stripe's request ID kept. */
function explainRefusal(input: Input) {
  return async (error: unknown): Promise<string | null> => {
    if (!(error instanceof StripeApiError) || error.status !== 400) return null;
    const code = error.code ?? '';
    if (code === 'charge_already_refunded')
      return 'Stripe says this payment is refunded in full already: nothing more was refunded.';
    if (code === 'balance_insufficient' || code === 'insufficient_funds')
      return "Stripe refused the refund: the account's Stripe balance is too low to pay it. Add funds in the Dashboard, or try again once payouts settle.";
    try {
      const { view } = await readPayment(input.account, input.stripe, input.objectId);
      return notRefundableBecause(view, input.account.mode);
    } catch {
      return null;
    }
  };
}

/**
 * Sends the refund: journaled with its idempotency key before it is sent, so a retry, a
 * double click or a restarted worker sends the same request and Stripe refunds once.
 */
export async function refundPaymentAction(input: Input): Promise<Reply<RefundOutcome>> {
  // Never refused as a replay of itself because the payment now shows that very refund.
  const toSend = await toSendAsReviewed(input, async () => {
    const checked = await checkAgainstStripe(input);
    if (!checked.ok) return checked;
    const { checked: refund, payment } = checked.value;
    return success({
      request: requestOf(refund, input),
      money: { minorUnits: refund.minorUnits, currency: payment.currency },
      whatChanged: whatChanged(payment.currency),
    });
  });
  if (!toSend.ok) return toSend;
  const { sentence, ...sent } = toSend.value;
  const outcomeOf = (refund: Refund): Reply<RefundOutcome> =>
    success({
      id: refund.id,
      amount: refund.amount,
      currency: refund.currency,
      status: refund.status,
      statusWords: describeRefundStatus(refund),
      sentence,
    });
  return runAttempt(input, {
    action: 'refund_payment',
    ...sent,
    schema: Refund,
    reconcile: reconcileRefund,
    done: ({ data: refund }) => outcomeOf(refund),
    // Done before (the worker restarted, a retry after a lost answer): the refund it made is
    // found by its attempt and shown, its status in words, rather than a bare "already done".
    alreadyDone: async (record) => {
      const read = await reconcileRefund(record, input.stripe).catch(() => null);
      const found = read?.outcome === 'succeeded' ? Refund.safeParse(read.found) : null;
      return found?.success ? outcomeOf(found.data) : failure(alreadyDoneMessage(record));
    },
    explainError: explainRefusal(input),
  });
}
