import type { StripeClient } from '../../stripe/client';
import type { FormValue } from '../../stripe/form-encoding';
import { InvoicePreview, Subscription, SubscriptionList } from './schema';

export const subscriptionPath = (id: string) => `/v1/subscriptions/${encodeURIComponent(id)}`;

/** What the card shows besides the subscription's own fields, read in the same request. */
const CARD_EXPANSIONS = [
  'customer',
  'latest_invoice',
  'default_payment_method',
  'items.data.price.product',
];

export const retrieveSubscription = (stripe: StripeClient, id: string) =>
  stripe({
    method: 'GET',
    path: subscriptionPath(id),
    params: { expand: CARD_EXPANSIONS },
    schema: Subscription,
  });

/** A customer's subscriptions of every status (the default list leaves out canceled ones). */
export const listSubscriptionsOf = (stripe: StripeClient, customerId: string, limit: number) =>
  stripe({
    method: 'GET',
    path: '/v1/subscriptions',
    params: { customer: customerId, status: 'all', limit },
    schema: SubscriptionList,
  });

/** What Stripe would invoice for these parameters: a read, sent with no key. */
export const previewInvoice = (stripe: StripeClient, params: Record<string, FormValue>) =>
  stripe({
    method: 'POST',
    path: '/v1/invoices/create_preview',
    params,
    // A preview changes nothing: a fresh key each time keeps Stripe from replaying an old one.
    idempotencyKey: `preview-${crypto.randomUUID()}`,
    schema: InvoicePreview,
  });
