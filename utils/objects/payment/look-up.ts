import { lookUpInEitherMode, type Found, type LookUpInput, type NarrowTo } from '../../kit';
import { success, type Reply } from '../../messaging/reply';
import type { UsableAccount } from '../../storage/account-store';
import type { StripeClient } from '../../stripe/client';
import { idOf } from '../refund/schema';
import {
  listDisputesOf,
  listInvoicePaymentsFor,
  listRefundsOf,
  listSessionsFor,
  retrieveCharge,
  retrievePaymentIntent,
} from './api';
import { disputeDashboardUrl, paymentFacts } from './facts';
import { cardLabel, methodTypeLabel } from './method-label';
import type { RefundablePayment } from './refundable';
import type { Charge, PaymentIntent } from './schema';
import { chargeState, intentState } from './state';
import { OPEN_DISPUTE_STATUSES, type PaymentSummary, type PaymentView } from './view';

/** Refunds the card lists (and may open). */
const REFUNDS_SHOWN = 10;

/**
 * A payment's ID carries no mode: see lookUpInEitherMode. A charge (`ch_`, `py_`) made by a
 * PaymentIntent opens its PaymentIntent's card: one payment, one card, one journal object.
 */
export async function lookUpPayment(
  input: LookUpInput,
): Promise<Reply<Found<PaymentView> | NarrowTo>> {
  if (input.objectId.startsWith('pi_'))
    return lookUpInEitherMode(input, (account, stripe, foundInOtherMode) =>
      readPayment(account, stripe, input.objectId, foundInOtherMode),
    );
  let intentId: string | null = null;
  const found = await lookUpInEitherMode(input, async (account, stripe, foundInOtherMode) => {
    const { data: charge } = await retrieveCharge(stripe, input.objectId);
    intentId = idOf(charge.payment_intent);
    // The view is read only for a charge with no PaymentIntent of its own.
    return intentId
      ? ({ view: null, account } as const)
      : readPayment(account, stripe, input.objectId, foundInOtherMode, charge);
  });
  if (!found.ok) return found;
  if (intentId) return success({ narrowTo: intentId, account: found.value.account });
  return success(found.value as Found<PaymentView>);
}

/** What the guardrails and the review need of a payment, from its PaymentIntent or charge. */
export function toRefundablePayment(
  payment: { intent: PaymentIntent | null; charge: Charge | null },
  extra: { dispute: RefundablePayment['dispute']; invoice: RefundablePayment['invoice'] },
): RefundablePayment {
  const { intent, charge } = payment;
  const card = charge?.payment_method_details?.card;
  const methodType = charge?.payment_method_details?.type;
  const state = intent
    ? intentState(intent.status, Boolean(intent.last_payment_error))
    : chargeState(charge!);
  const captured = charge?.amount_captured ?? charge?.amount;
  return {
    id: intent?.id ?? charge!.id,
    // What was taken: a PaymentIntent's received amount (a partial capture takes less).
    amount: intent
      ? intent.amount_received || intent.amount
      : ((charge!.captured ? captured : charge!.amount) ?? 0),
    currency: (intent ?? charge)!.currency,
    state,
    refunded: charge?.amount_refunded ?? 0,
    method: card
      ? cardLabel(card)
      : methodType
        ? methodTypeLabel(methodType)
        : 'the original payment method',
    livemode: (intent ?? charge)!.livemode,
    ...extra,
  };
}

/** A payment as a line of its customer's card, from its PaymentIntent and latest charge. */
export function toPaymentSummary(intent: PaymentIntent): PaymentSummary {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const refundable = toRefundablePayment({ intent, charge }, { dispute: null, invoice: null });
  return {
    id: intent.id,
    amount: refundable.amount,
    currency: refundable.currency,
    status: refundable.state,
    created: intent.created,
    refunded: refundable.refunded,
    disputed: charge?.disputed ?? false,
    method: refundable.method,
  };
}

/** Reads a payment and what its card shows with it; the optional reads may each fail alone. */
export async function readPayment(
  account: UsableAccount,
  stripe: StripeClient,
  id: string,
  foundInOtherMode = false,
  chargeRead?: Charge,
): Promise<Found<PaymentView>> {
  const optional = <T>(read: Promise<{ data: T }>) =>
    read.then(
      ({ data }) => data,
      () => null,
    );
  const isIntent = id.startsWith('pi_');
  const refundsRead = optional(listRefundsOf(stripe, id, REFUNDS_SHOWN));
  const invoiceRead = isIntent ? optional(listInvoicePaymentsFor(stripe, id)) : null;
  const sessionRead = isIntent ? optional(listSessionsFor(stripe, id)) : null;
  refundsRead.catch(() => undefined);
  const intent = isIntent ? (await retrievePaymentIntent(stripe, id)).data : null;
  const charge = intent
    ? typeof intent.latest_charge === 'object'
      ? intent.latest_charge
      : null
    : (chargeRead ?? (await retrieveCharge(stripe, id)).data);
  // Disputes have no customer filter, and a charge says whether it is disputed: read only then.
  const disputes = charge?.disputed ? await optional(listDisputesOf(stripe, id)) : null;
  const [refunds, invoicePayments, sessions] = await Promise.all([
    refundsRead,
    invoiceRead,
    sessionRead,
  ]);
  const latestDispute = disputes?.data[0] ?? null;
  const invoiceId = idOf(invoicePayments?.data.find((p) => p.status === 'paid')?.invoice);
  const refundable = toRefundablePayment(
    { intent, charge },
    {
      dispute: latestDispute
        ? {
            id: latestDispute.id,
            status: latestDispute.status,
            open: OPEN_DISPUTE_STATUSES.has(latestDispute.status),
            dueBy: latestDispute.evidence_details?.due_by ?? null,
            dashboardUrl: disputeDashboardUrl(latestDispute.id, account.mode),
          }
        : charge?.disputed
          ? // Disputed, but the key cannot read disputes: taken as open, so nothing is sent.
            { id: '', status: 'unknown', open: true, dueBy: null, dashboardUrl: '' }
          : null,
      invoice: invoiceId ? { id: invoiceId } : null,
    },
  );
  const customerId = idOf(intent?.customer ?? charge?.customer);
  const checkoutSessionId = sessions?.data[0]?.id ?? null;
  const view: PaymentView = {
    ...refundable,
    created: (intent ?? charge)!.created,
    description: intent?.description ?? null,
    receiptUrl: charge?.receipt_url ?? null,
    customerId,
    checkoutSessionId,
    failureMessage: intent?.last_payment_error?.message ?? charge?.failure_message ?? null,
    refunds:
      refunds?.data.map((refund) => ({
        id: refund.id,
        amount: refund.amount,
        currency: refund.currency,
        status: refund.status,
        reason: refund.reason ?? null,
        created: refund.created,
      })) ?? null,
    mode: account.mode,
    accountLabel: account.label,
    dashboardUrl: paymentFacts.dashboardUrl(refundable.id, account.mode),
    foundInOtherMode,
  };
  // The card may open the payment's customer, invoice, session and refunds, and nothing else.
  const reachable = [
    ...(customerId ? [customerId] : []),
    ...(invoiceId ? [invoiceId] : []),
    ...(checkoutSessionId ? [checkoutSessionId] : []),
    ...(view.refunds ?? []).map((refund) => refund.id),
  ];
  return { view, account, reachable };
}
