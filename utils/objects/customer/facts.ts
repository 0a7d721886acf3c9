import { dashboardRoot } from '../../dashboard-links';
import type { StripeMode } from '../../stripe-id-grammar';

/** What every part of the extension may know of a customer: no Stripe calls here. */
export const customerFacts = {
  title: 'Customer',
  journalActions: {
    credit_customer_balance: {
      name: 'Credit balance',
      short: 'Credit',
      movesMoney: true,
      noun: 'credit',
    },
    create_portal_link: { name: 'Portal link', short: 'Portal link', movesMoney: false },
  },
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}customers/${encodeURIComponent(id)}`,
} as const;
