import { dashboardRoot } from '../../dashboard-links';
import type { StripeMode } from '../../stripe-id-grammar';

/** What every part of the extension may know of a subscription: no Stripe calls here. */
export const subscriptionFacts = {
  title: 'Subscription',
  journalActions: {
    schedule_subscription_cancel: {
      name: 'Cancel subscription at period end',
      short: 'Cancel at end',
      movesMoney: false,
      done: 'Scheduled cancellation at period end',
    },
    undo_subscription_cancel: {
      name: 'Undo scheduled cancellation',
      short: 'Undo cancel',
      movesMoney: false,
      done: 'Undid scheduled cancellation',
    },
    cancel_subscription: {
      name: 'Cancel subscription now',
      short: 'Canceled',
      movesMoney: false,
      done: 'Canceled subscription now, no credit for unused time',
    },
    /**
     * Cancelling now with a credit for unused time gives money back (to the customer's
     * balance): its amount is the preview's credit, and the guardrails weigh it.
     */
    cancel_subscription_prorated: {
      name: 'Cancel subscription now, crediting unused time',
      short: 'Canceled, credited',
      movesMoney: true,
      noun: 'cancellation with credit',
      done: 'Canceled subscription now, crediting',
      detail: () => "unused time, to the customer's balance",
    },
    pause_subscription: {
      name: 'Pause collection',
      short: 'Paused',
      movesMoney: false,
      done: 'Paused collection',
    },
    resume_subscription: {
      name: 'Resume collection',
      short: 'Resumed',
      movesMoney: false,
      done: 'Resumed collection',
    },
  },
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}subscriptions/${encodeURIComponent(id)}`,
} as const;
