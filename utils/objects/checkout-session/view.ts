import type { StripeMode } from '../../stripe-id-grammar';
import { checkoutSessionFacts } from './facts';
import type { CheckoutSession } from './schema';
import { dashboardRoot } from '../../dashboard-links';

/** What the card shows of a Checkout Session. Built in the background; holds no secrets. */
export interface CheckoutSessionView {
  id: string;
  status: 'open' | 'complete' | 'expired' | null;
  paymentStatus: string | null;
  amountTotal: number | null;
  currency: string | null;
  customerEmail: string | null;
  customerId: string | null;
  /** What a completed session made: its payment (payment mode), or subscription and invoice. */
  paymentIntentId: string | null;
  subscription: { id: string; dashboardUrl: string } | null;
  invoiceId: string | null;
  expiresAt: number;
  mode: StripeMode;
  accountLabel: string;
  dashboardUrl: string;
  /** Why Expire is not offered, or null when it is. */
  notExpirableBecause: string | null;
}

export function explainWhyNotExpirable(status: CheckoutSession['status']): string | null {
  switch (status) {
    case 'open':
      return null;
    case 'complete':
      return 'This session is complete, so it can no longer be expired.';
    case 'expired':
      return 'This session has already expired.';
    default:
      return 'Stripe reports no status for this session, so it cannot be expired from here.';
  }
}

export function toCheckoutSessionView(
  session: CheckoutSession,
  accountLabel: string,
): CheckoutSessionView {
  const mode: StripeMode = session.livemode ? 'live' : 'test';
  const customer = session.customer;
  const idOf = (field: string | { id: string } | null | undefined) =>
    field == null ? null : typeof field === 'string' ? field : field.id;
  const subscriptionId = idOf(session.subscription);
  return {
    id: session.id,
    status: session.status,
    paymentStatus: session.payment_status ?? null,
    amountTotal: session.amount_total,
    currency: session.currency,
    customerEmail: session.customer_details?.email ?? session.customer_email ?? null,
    customerId: typeof customer === 'string' ? customer : (customer?.id ?? null),
    paymentIntentId: idOf(session.payment_intent),
    subscription: subscriptionId
      ? {
          id: subscriptionId,
          dashboardUrl: `${dashboardRoot(mode)}subscriptions/${encodeURIComponent(subscriptionId)}`,
        }
      : null,
    invoiceId: idOf(session.invoice),
    expiresAt: session.expires_at,
    mode,
    accountLabel,
    dashboardUrl: checkoutSessionFacts.dashboardUrl(session.id, mode),
    notExpirableBecause: explainWhyNotExpirable(session.status),
  };
}
