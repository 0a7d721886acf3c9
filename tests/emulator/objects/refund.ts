import {
  allowOnly,
  defineRoute,
  invalid,
  listPage,
  notFound,
  randomId,
  type EmulatedObject,
  type Mode,
} from '../route-kit';
import { seedRefunds, type SeedInvoice, type SeedPayment, type SeedRefund } from '../seed-data';
import {
  paymentNamedIn,
  paymentToRefund,
  refundedOf,
  refundRefusal,
  type PaymentState,
} from './payment';

export interface RefundState {
  refunds: SeedRefund[];
}

type State = RefundState & PaymentState & { invoices: SeedInvoice[] };

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

const paymentOf = (refund: SeedRefund, payments: SeedPayment[]) =>
  payments.find((p) => p.id === refund.payment || p.chargeId === refund.payment)!;

export const refundJson = (r: SeedRefund, payments: SeedPayment[]) => {
  const payment = paymentOf(r, payments);
  return {
    id: r.id,
    object: 'refund',
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    reason: r.reason,
    pending_reason: r.status === 'pending' ? (r.pending_reason ?? 'processing') : null,
    failure_reason: r.status === 'failed' ? (r.failure_reason ?? 'unknown') : null,
    charge: payment.chargeId,
    payment_intent: payment.id.startsWith('pi_') ? payment.id : null,
    created: r.created,
    metadata: r.metadata,
  };
};

function findRefund({ refunds, payments }: State, id: string, mode: Mode): SeedRefund {
  const found = refunds.find((r) => r.id === id);
  const livemode = found && paymentOf(found, payments).livemode;
  if (found && livemode === (mode === 'live')) return found;
  throw notFound('refund', id, found ? (livemode ? 'live' : 'test') : null, mode);
}

const integer = (value: unknown): number | null =>
  typeof value === 'string' && /^\d+$/.test(value) && Number.isSafeInteger(Number(value))
    ? Number(value)
    : null;

export const emulatedRefund: EmulatedObject<RefundState> = {
  seed: ({ now }) => ({ refunds: seedRefunds(now()).map((r) => ({ ...r })) }),
  routes: [
    defineRoute({
      method: 'GET',
      path: '/v1/refunds',
      permission: 'rak_refund_read',
      handle({ query, livemode, path }, state: State) {
        allowOnly(query, ['limit', 'charge', 'payment_intent', 'starting_after', 'expand']);
        const named = paymentNamedIn(query, state.payments);
        return listPage(
          state.refunds
            .filter((r) => paymentOf(r, state.payments).livemode === livemode)
            .filter((r) => named === undefined || paymentOf(r, state.payments) === named),
          query,
          (r) => refundJson(r, state.payments),
          path,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/refunds/:id',
      permission: 'rak_refund_read',
      handle: ({ params, mode }, state: State) =>
        refundJson(findRefund(state, params.id, mode), state.payments),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/refunds',
      permission: 'rak_refund_write',
      handle({ form, mode, now }, state: State) {
        allowOnly(form, [
          'payment_intent',
          'charge',
          'amount',
          'reason',
          'metadata',
          'instructions_email',
          'expand',
        ]);
        const payment = paymentToRefund(form, state.payments, mode);
        if (form.reason !== undefined && !REASONS.includes(String(form.reason)))
          throw invalid(`Invalid reason: must be one of ${REASONS.join(', ')}`, 'reason');
        const charge = payment.chargeId;
        if (payment.status === 'requires_capture')
          throw refundRefusal(
            `This PaymentIntent (${payment.id}) does not have a successful charge to refund. It has a status of requires_capture: cancel it to release the authorization.`,
            'charge_not_captured',
          );
        if (payment.status !== 'succeeded')
          throw refundRefusal(
            `This PaymentIntent (${payment.id}) does not have a successful charge to refund.`,
            'resource_missing',
          );
        if (
          payment.dispute &&
          [
            'needs_response',
            'under_review',
            'warning_needs_response',
            'warning_under_review',
          ].includes(payment.dispute.status)
        )
          throw refundRefusal(
            `Charge ${charge} has been charged back; you cannot refund a disputed charge while the dispute is open.`,
            'charge_disputed',
          );
        const refundable = payment.amount - refundedOf(payment, state.refunds);
        if (refundable <= 0)
          throw refundRefusal(
            `Charge ${charge} has already been refunded.`,
            'charge_already_refunded',
          );
        let amount = refundable;
        if (form.amount !== undefined) {
          const given = integer(form.amount);
          if (given === null || given < 1)
            throw invalid(`Invalid positive integer: ${String(form.amount)}`, 'amount');
          if (given > refundable)
            throw refundRefusal(
              `Refund amount (${given} ${payment.currency}) is greater than unrefunded amount on charge (${refundable} ${payment.currency})`,
              'amount_too_large',
              'amount',
            );
          amount = given;
        }
        const outcome = payment.refundsGo ?? { status: 'succeeded' as const };
        if (outcome.status === 'refused')
          throw refundRefusal(
            'Insufficient funds in Stripe account. In test mode, you can add funds to your available balance (bypassing your pending balance) by creating a charge with 4000 0000 0000 0077 as the card number.',
            outcome.code,
          );
        const refund: SeedRefund = {
          id: randomId('re_', 24),
          payment: payment.id,
          amount,
          currency: payment.currency,
          status: outcome.status,
          reason: typeof form.reason === 'string' ? form.reason : null,
          ...('pending_reason' in outcome ? { pending_reason: outcome.pending_reason } : {}),
          ...('failure_reason' in outcome ? { failure_reason: outcome.failure_reason } : {}),
          created: Math.floor(now() / 1000),
          metadata: (form.metadata as Record<string, unknown> | undefined) ?? {},
        };
        state.refunds.push(refund);
        // A refund of a payment that paid an invoice: the invoice's payment shows it.
        const invoice = payment.invoice && state.invoices.find((i) => i.id === payment.invoice);
        if (invoice && refund.status !== 'failed') invoice.refunded += amount;
        return refundJson(refund, state.payments);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/refunds/:id/cancel',
      permission: 'rak_refund_write',
      handle({ params, form, mode }, state: State) {
        allowOnly(form, ['expand']);
        const refund = findRefund(state, params.id, mode);
        if (refund.status !== 'requires_action')
          throw refundRefusal(
            `You can only cancel refunds with a status of requires_action; this refund has a status of ${refund.status}.`,
            'refund_not_cancelable',
          );
        refund.status = 'canceled';
        return refundJson(refund, state.payments);
      },
    }),
  ],
};
