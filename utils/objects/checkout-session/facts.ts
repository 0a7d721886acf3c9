import { dashboardRoot } from '../../dashboard-links';
import type { StripeMode } from '../../stripe-id-grammar';

/** What every part of the extension may know of a Checkout Session: no Stripe calls here. */
export const checkoutSessionFacts = {
  title: 'Checkout Session',
  journalActions: {
    expire_checkout_session: {
      name: 'Expire session',
      short: 'Expired',
      movesMoney: false,
      done: 'Expired Checkout Session',
    },
  },
  /** Checkout Sessions have no page of their own in the Dashboard; search finds them. */
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}search?query=${encodeURIComponent(id)}`,
} as const;
