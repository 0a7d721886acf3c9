import type { StripeClient } from '../../stripe/client';
import type { FormValue } from '../../stripe/form-encoding';
import { Refund } from './schema';

export const refundPath = (id: string) => `/v1/refunds/${encodeURIComponent(id)}`;

export const retrieveRefund = (stripe: StripeClient, id: string) =>
  stripe({ method: 'GET', path: refundPath(id), schema: Refund });

/** Only a refund that `requires_action` can be canceled; Stripe answers 400 otherwise. */
export const cancelRefundRequest = (id: string) => ({
  method: 'POST' as const,
  path: `${refundPath(id)}/cancel`,
  params: {} as Record<string, FormValue>,
});
