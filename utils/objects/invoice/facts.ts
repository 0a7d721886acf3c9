import { dashboardRoot } from '../../dashboard-links';
import type { StripeMode } from '../../stripe-id-grammar';

/** What every part of the extension may know of an invoice: no Stripe calls here. */
export const invoiceFacts = {
  title: 'Invoice',
  journalActions: {},
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}invoices/${encodeURIComponent(id)}`,
} as const;
