import type { StripeClient } from '../../stripe/client';
import { RefundList } from '../refund/schema';
import {
  Charge,
  DisputeList,
  PaidInvoiceList,
  PaymentIntent,
  PaymentIntentList,
  SessionIdList,
} from './schema';

const intentPath = (id: string) => `/v1/payment_intents/${encodeURIComponent(id)}`;
const chargePath = (id: string) => `/v1/charges/${encodeURIComponent(id)}`;

/** A PaymentIntent with its latest charge: amounts refunded, dispute flag, card, receipt. */
export const retrievePaymentIntent = (stripe: StripeClient, id: string) =>
  stripe({
    method: 'GET',
    path: intentPath(id),
    params: { expand: ['latest_charge'] },
    schema: PaymentIntent,
  });

export const retrieveCharge = (stripe: StripeClient, id: string) =>
  stripe({ method: 'GET', path: chargePath(id), schema: Charge });

/** A customer's latest payments, newest first, each with its latest charge. */
export const listPaymentsOf = (stripe: StripeClient, customerId: string, limit: number) =>
  stripe({
    method: 'GET',
    path: '/v1/payment_intents',
    params: { customer: customerId, limit, expand: ['data.latest_charge'] },
    schema: PaymentIntentList,
  });

/** Which list names a payment's refunds and disputes: its PaymentIntent, or a lone charge. */
export const paymentFilter = (
  paymentId: string,
): { payment_intent: string } | { charge: string } =>
  paymentId.startsWith('pi_') ? { payment_intent: paymentId } : { charge: paymentId };

/** A page of a payment's refunds, newest first. */
export const listRefundsOf = (
  stripe: StripeClient,
  paymentId: string,
  limit: number,
  startingAfter?: string,
) =>
  stripe({
    method: 'GET',
    path: '/v1/refunds',
    params: {
      ...paymentFilter(paymentId),
      limit,
      ...(startingAfter ? { starting_after: startingAfter } : {}),
    },
    schema: RefundList,
  });

/** Disputes have no customer filter: they are read per payment. */
export const listDisputesOf = (stripe: StripeClient, paymentId: string) =>
  stripe({
    method: 'GET',
    path: '/v1/disputes',
    params: { ...paymentFilter(paymentId), limit: 3 },
    schema: DisputeList,
  });

/** Since basil a PaymentIntent no longer names its invoice: its invoice payment does. */
export const listInvoicePaymentsFor = (stripe: StripeClient, paymentIntentId: string) =>
  stripe({
    method: 'GET',
    path: '/v1/invoice_payments',
    params: { payment: { type: 'payment_intent', payment_intent: paymentIntentId }, limit: 1 },
    schema: PaidInvoiceList,
  });

/** The Checkout Session a payment was made in, if any. */
export const listSessionsFor = (stripe: StripeClient, paymentIntentId: string) =>
  stripe({
    method: 'GET',
    path: '/v1/checkout/sessions',
    params: { payment_intent: paymentIntentId, limit: 1 },
    schema: SessionIdList,
  });
