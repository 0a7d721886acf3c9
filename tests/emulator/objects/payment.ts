import type { Decoded } from '../form-decoding';
import {
  allowOnly,
  ApiError,
  defineRoute,
  expansions,
  invalid,
  listPage,
  notFound,
  type EmulatedObject,
  type Mode,
} from '../route-kit';
import { seedPayments, type SeedPayment, type SeedRefund } from '../seed-data';

/** Payments: PaymentIntents and their charges, a lone charge, and their disputes. */
export interface PaymentState {
  payments: SeedPayment[];
}

/** What counts as refunded at Stripe: a refund not failed or canceled holds the money. */
export const refundedOf = (payment: SeedPayment, refunds: SeedRefund[]) =>
  refunds
    .filter(
      (r) =>
        (r.payment === payment.id || r.payment === payment.chargeId) &&
        r.status !== 'failed' &&
        r.status !== 'canceled',
    )
    .reduce((sum, r) => sum + r.amount, 0);

const isIntent = (payment: SeedPayment) => payment.id.startsWith('pi_');

export function chargeJson(p: SeedPayment, refunds: SeedRefund[]) {
  const refunded = refundedOf(p, refunds);
  const captured = p.status === 'succeeded';
  return {
    id: p.chargeId,
    object: 'charge',
    amount: p.amount,
    amount_captured: captured ? p.amount : 0,
    amount_refunded: refunded,
    captured,
    refunded: refunded === p.amount && captured,
    disputed: p.dispute !== null,
    status: p.status === 'failed' ? 'failed' : p.status === 'processing' ? 'pending' : 'succeeded',
    currency: p.currency,
    customer: p.customer,
    payment_intent: isIntent(p) ? p.id : null,
    payment_method_details: {
      type: p.methodType,
      ...(p.card ? { card: { ...p.card, exp_month: 12, exp_year: 2030 } } : {}),
    },
    receipt_url: `https://pay.stripe.com/receipts/payment/${p.chargeId.slice(3)}`,
    failure_message: p.status === 'failed' ? 'Your card has insufficient funds.' : null,
    created: p.created,
    livemode: p.livemode,
  };
}

const INTENT_STATUS: Record<SeedPayment['status'], string> = {
  succeeded: 'succeeded',
  requires_capture: 'requires_capture',
  processing: 'processing',
  canceled: 'canceled',
  failed: 'requires_payment_method',
};

export function intentJson(p: SeedPayment, refunds: SeedRefund[], expandCharge: boolean) {
  return {
    id: p.id,
    object: 'payment_intent',
    amount: p.amount,
    amount_received: p.status === 'succeeded' ? p.amount : 0,
    currency: p.currency,
    status: INTENT_STATUS[p.status],
    customer: p.customer,
    latest_charge: expandCharge ? chargeJson(p, refunds) : p.chargeId,
    last_payment_error:
      p.status === 'failed'
        ? { code: 'card_declined', message: 'Your card has insufficient funds.' }
        : null,
    description: null,
    created: p.created,
    livemode: p.livemode,
  };
}

/** The payment of this mode with this PaymentIntent (or lone charge) ID, or Stripe's 404. */
export function findPayment(
  payments: SeedPayment[],
  id: string,
  mode: Mode,
  by: 'intent' | 'charge',
  object: string,
): SeedPayment {
  const found = payments.find((p) =>
    by === 'intent' ? isIntent(p) && p.id === id : p.chargeId === id,
  );
  if (found && found.livemode === (mode === 'live')) return found;
  throw notFound(object, id, found ? (found.livemode ? 'live' : 'test') : null, mode);
}

const disputeJson = (p: SeedPayment) => ({
  id: p.dispute!.id,
  object: 'dispute',
  amount: p.amount,
  currency: p.currency,
  status: p.dispute!.status,
  reason: 'product_not_received',
  charge: p.chargeId,
  payment_intent: isIntent(p) ? p.id : null,
  evidence_details: { due_by: p.dispute!.dueBy, has_evidence: false },
  created: p.created + 86400,
  livemode: p.livemode,
});

/** `payment_intent=` or `charge=`, as the refunds and disputes lists take them. */
export function paymentNamedIn(
  query: Record<string, Decoded>,
  payments: SeedPayment[],
): SeedPayment | null | undefined {
  if (typeof query.payment_intent === 'string')
    return payments.find((p) => isIntent(p) && p.id === query.payment_intent) ?? null;
  if (typeof query.charge === 'string')
    return payments.find((p) => p.chargeId === query.charge) ?? null;
  return undefined;
}

export const emulatedPayment: EmulatedObject<PaymentState> = {
  seed: ({ now }) => ({ payments: seedPayments(now()).map((p) => ({ ...p })) }),
  routes: [
    defineRoute({
      method: 'GET',
      path: '/v1/payment_intents',
      permission: 'rak_payment_intent_read',
      handle(
        { query, livemode, path, requirePermission },
        state: PaymentState & { refunds: SeedRefund[] },
      ) {
        allowOnly(query, ['limit', 'customer', 'starting_after', 'expand', 'created']);
        const expandCharge = expansions(query).includes('data.latest_charge');
        if (expandCharge) requirePermission('rak_charge_read');
        return listPage(
          state.payments
            .filter((p) => isIntent(p) && p.livemode === livemode)
            .filter((p) => query.customer === undefined || p.customer === query.customer),
          query,
          (p) => intentJson(p, state.refunds, expandCharge),
          path,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/payment_intents/:id',
      permission: 'rak_payment_intent_read',
      handle(
        { params, query, mode, requirePermission },
        state: PaymentState & { refunds: SeedRefund[] },
      ) {
        allowOnly(query, ['expand']);
        const expandCharge = expansions(query).includes('latest_charge');
        if (expandCharge) requirePermission('rak_charge_read');
        return intentJson(
          findPayment(state.payments, params.id, mode, 'intent', 'payment_intent'),
          state.refunds,
          expandCharge,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/charges',
      permission: 'rak_charge_read',
      handle({ query, livemode, path }, state: PaymentState & { refunds: SeedRefund[] }) {
        allowOnly(query, ['limit', 'customer', 'payment_intent', 'starting_after', 'expand']);
        return listPage(
          state.payments
            .filter((p) => p.livemode === livemode)
            .filter((p) => query.customer === undefined || p.customer === query.customer)
            .filter((p) => query.payment_intent === undefined || p.id === query.payment_intent)
            .map((p) => ({ ...p, id: p.chargeId, payment: p })),
          query,
          (line) => chargeJson(line.payment, state.refunds),
          path,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/charges/:id',
      permission: 'rak_charge_read',
      handle({ params, query, mode }, state: PaymentState & { refunds: SeedRefund[] }) {
        allowOnly(query, ['expand']);
        return chargeJson(
          findPayment(state.payments, params.id, mode, 'charge', 'charge'),
          state.refunds,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/disputes',
      permission: 'rak_charge_read',
      handle({ query, livemode, path }, state: PaymentState) {
        allowOnly(query, ['limit', 'charge', 'payment_intent', 'starting_after', 'expand']);
        const named = paymentNamedIn(query, state.payments);
        return listPage(
          state.payments
            .filter((p) => p.dispute !== null && p.livemode === livemode)
            .filter((p) => named === undefined || p === named)
            .map((p) => ({ ...disputeJson(p), id: p.dispute!.id })),
          query,
          (dispute) => dispute,
          path,
        );
      },
    }),
  ],
};

/** Stripe's refusal of a refund, stored under its idempotency key like any answer. */
export const refundRefusal = (message: string, code: string, param?: string) =>
  new ApiError(
    400,
    { type: 'invalid_request_error', message, code, ...(param ? { param } : {}) },
    true,
  );

/** The request's payment: `payment_intent` or `charge`, exactly one. */
export function paymentToRefund(
  form: Record<string, Decoded>,
  payments: SeedPayment[],
  mode: Mode,
): SeedPayment {
  const byIntent = typeof form.payment_intent === 'string';
  const byCharge = typeof form.charge === 'string';
  if (byIntent === byCharge)
    throw invalid(
      byIntent
        ? 'You cannot pass both `charge` and `payment_intent`.'
        : 'One of `charge` or `payment_intent` is required.',
      byIntent ? 'charge' : 'payment_intent',
    );
  return byIntent
    ? findPayment(payments, String(form.payment_intent), mode, 'intent', 'payment_intent')
    : findPayment(payments, String(form.charge), mode, 'charge', 'charge');
}
