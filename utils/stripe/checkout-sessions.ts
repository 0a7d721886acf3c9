import type { StripeClient } from './client';
import { CheckoutSession } from './schemas';

const sessionPath = (id: string) => `/v1/checkout/sessions/${encodeURIComponent(id)}`;

export const retrieveCheckoutSession = (stripe: StripeClient, id: string) =>
  stripe({ method: 'GET', path: sessionPath(id), schema: CheckoutSession });

/** Only sessions whose status is `open` can be expired; Stripe answers 400 otherwise. */
export const expireCheckoutSession = (stripe: StripeClient, id: string, idempotencyKey: string) =>
  stripe({
    method: 'POST',
    path: `${sessionPath(id)}/expire`,
    idempotencyKey,
    schema: CheckoutSession,
  });
