import type { StripeClient } from '../../stripe/client';
import type { FormValue } from '../../stripe/form-encoding';
import { CheckoutSession } from './schema';

const sessionPath = (id: string) => `/v1/checkout/sessions/${encodeURIComponent(id)}`;

export const retrieveCheckoutSession = (stripe: StripeClient, id: string) =>
  stripe({ method: 'GET', path: sessionPath(id), schema: CheckoutSession });

/**
 * The expire call, as the journal keeps it to send (and resend) with one idempotency key.
 * Only sessions whose status is `open` can be expired; Stripe answers 400 otherwise.
 */
export const expireSessionRequest = (id: string) => ({
  method: 'POST' as const,
  path: `${sessionPath(id)}/expire`,
  params: {} as Record<string, FormValue>,
});
