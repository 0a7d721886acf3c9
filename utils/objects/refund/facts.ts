import { dashboardRoot } from '../../dashboard-links';
import type { StripeMode } from '../../stripe-id-grammar';

/** What every part of the extension may know of a refund: no Stripe calls here. */
export const refundFacts = {
  title: 'Refund',
  journalActions: {
    // Canceling gives nothing back: the money stays in the Stripe balance.
    cancel_refund: {
      name: 'Cancel refund',
      short: 'Cancel refund',
      movesMoney: false,
      done: 'Canceled refund',
    },
  },
  /** Refunds have no page of their own in the Dashboard; search finds them. */
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}search?query=${encodeURIComponent(id)}`,
} as const;
