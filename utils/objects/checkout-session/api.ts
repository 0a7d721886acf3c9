import type { StripeClient } from '../../stripe/client';
import type { FormValue } from '../../stripe/form-encoding';
import { CheckoutSession, CheckoutSessionList } from './schema';

const sessionPath = (id: string) => `/v1/checkout/sessions/${encodeURIComponent(id)}`;

export const retrieveCheckoutSession = (stripe: StripeClient, id: string) =>
  stripe({ method: 'GET', path: sessionPath(id), schema: CheckoutSession });

/** A customer's open sessions, newest first: what its card offers to expire. */
export const listOpenSessionsOf = (stripe: StripeClient, customerId: string, limit: number) =>
  stripe({
    method: 'GET',
    path: '/v1/checkout/sessions',
    params: { customer: customerId, status: 'open', limit },
    schema: CheckoutSessionList,
  });

/**
 * The expire call, as the journal keeps it to send (and resend) with one idempotency key.
 * Only sessions whose status is `open` can be expired; Stripe answers 400 otherwise.
 */
export const expireSessionRequest = (id: string) => ({
  method: 'POST' as const,
  path: `${sessionPath(id)}/expire`,
  params: {} as Record<string, FormValue>,
});
