import type { StripeMode } from '../../stripe-id-grammar';
import type { Subscription } from './schema';

export type SubscriptionStatus = Subscription['status'];
export type PauseBehavior = NonNullable<Subscription['pause_collection']>['behavior'];

/** The status in the agent's words. */
export const SUBSCRIPTION_STATUS_LABEL: Record<SubscriptionStatus, string> = {
  active: 'Active',
  trialing: 'Trialing',
  past_due: 'Past due',
  unpaid: 'Unpaid',
  canceled: 'Canceled',
  incomplete: 'Incomplete',
  incomplete_expired: 'Incomplete, expired',
  paused: 'Paused (trial ended without a payment method)',
};

/** Stripe's three ways to pause collection, one line each. */
export const PAUSE_BEHAVIORS: Record<PauseBehavior, { label: string; explained: string }> = {
  keep_as_draft: {
    label: 'Keep invoices as drafts',
    explained: 'New invoices stay drafts, to be finalized and collected once it resumes.',
  },
  mark_uncollectible: {
    label: 'Mark invoices uncollectible',
    explained: 'New invoices are finalized and written off at once: the customer is not charged.',
  },
  void: {
    label: 'Void invoices',
    explained: 'New invoices are finalized and voided at once: nothing is owed for the pause.',
  },
};

/** One price on the subscription, as a line of its card. */
export interface SubscriptionItemView {
  id: string;
  /** The product's name, else the price's nickname, else its ID. */
  name: string;
  unitAmount: number | null;
  currency: string;
  /** "month", "year"; null for a one-off price. */
  interval: string | null;
  intervalCount: number;
  quantity: number;
  currentPeriodEnd: number | null;
}

/** A subscription as a line of its customer's card. */
export interface SubscriptionSummary {
  id: string;
  status: SubscriptionStatus;
  /** "Pro monthly", or "Pro monthly and 2 more". */
  label: string;
  created: number;
  cancelAtPeriodEnd: boolean;
}

/** What the card shows of a subscription. Built in the background; holds no secrets. */
export interface SubscriptionView {
  id: string;
  status: SubscriptionStatus;
  livemode: boolean;
  currency: string;
  customer: { id: string; name: string | null; email: string | null };
  items: SubscriptionItemView[];
  /** The soonest end of the items' current periods (since 2025-03-31 they live there). */
  currentPeriodEnd: number | null;
  trialEnd: number | null;
  cancelAtPeriodEnd: boolean;
  /** When a scheduled cancellation takes effect. */
  cancelAt: number | null;
  canceledAt: number | null;
  pauseCollection: { behavior: PauseBehavior; resumesAt: number | null } | null;
  /** "Visa •••• 4242", a payment method's ID, or null when none is set on it. */
  defaultPaymentMethod: string | null;
  latestInvoice: {
    id: string;
    number: string | null;
    status: string | null;
    total: number | null;
    currency: string | null;
  } | null;
  mode: StripeMode;
  accountLabel: string;
  dashboardUrl: string;
  foundInOtherMode: boolean;
}

const idOf = (value: string | { id: string } | null | undefined) =>
  value == null ? null : typeof value === 'string' ? value : value.id;

const itemName = (price: Subscription['items']['data'][number]['price']) =>
  (typeof price.product === 'object' && price.product?.name) || price.nickname || price.id;

export const toSubscriptionItems = (subscription: Subscription): SubscriptionItemView[] =>
  subscription.items.data.map((item) => ({
    id: item.id,
    name: itemName(item.price),
    unitAmount: item.price.unit_amount ?? null,
    currency: item.price.currency,
    interval: item.price.recurring?.interval ?? null,
    intervalCount: item.price.recurring?.interval_count ?? 1,
    quantity: item.quantity ?? 1,
    currentPeriodEnd: item.current_period_end ?? null,
  }));

export function toSubscriptionSummary(subscription: Subscription): SubscriptionSummary {
  const items = toSubscriptionItems(subscription);
  const first = items[0]?.name ?? subscription.id;
  return {
    id: subscription.id,
    status: subscription.status,
    label: items.length > 1 ? `${first} and ${items.length - 1} more` : first,
    created: subscription.created,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
  };
}

export function toSubscriptionView(
  subscription: Subscription,
  where: {
    mode: StripeMode;
    accountLabel: string;
    dashboardUrl: string;
    foundInOtherMode: boolean;
  },
): SubscriptionView {
  const items = toSubscriptionItems(subscription);
  const ends = items.map((item) => item.currentPeriodEnd).filter((end) => end !== null);
  const customer = subscription.customer;
  const method = subscription.default_payment_method;
  const invoice = subscription.latest_invoice;
  return {
    id: subscription.id,
    status: subscription.status,
    livemode: subscription.livemode,
    currency: subscription.currency,
    customer:
      typeof customer === 'string'
        ? { id: customer, name: null, email: null }
        : { id: customer.id, name: customer.name ?? null, email: customer.email ?? null },
    items,
    currentPeriodEnd: ends.length ? Math.min(...ends) : null,
    trialEnd: subscription.trial_end ?? null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    cancelAt: subscription.cancel_at ?? null,
    canceledAt: subscription.canceled_at ?? null,
    pauseCollection: subscription.pause_collection
      ? {
          behavior: subscription.pause_collection.behavior,
          resumesAt: subscription.pause_collection.resumes_at ?? null,
        }
      : null,
    defaultPaymentMethod:
      method == null
        ? null
        : typeof method === 'string'
          ? method
          : method.card
            ? `${method.card.brand.charAt(0).toUpperCase()}${method.card.brand.slice(1)} •••• ${method.card.last4}`
            : method.type,
    latestInvoice:
      invoice == null
        ? null
        : typeof invoice === 'string'
          ? { id: invoice, number: null, status: null, total: null, currency: null }
          : {
              id: invoice.id,
              number: invoice.number ?? null,
              status: invoice.status ?? null,
              total: invoice.total,
              currency: invoice.currency,
            },
    ...where,
  };
}

export const latestInvoiceIdOf = (subscription: Subscription) => idOf(subscription.latest_invoice);
export const customerIdOf = (subscription: Subscription) => idOf(subscription.customer)!;
