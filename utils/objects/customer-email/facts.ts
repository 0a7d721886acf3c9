import { dashboardRoot } from '../../dashboard-links';
import type { StripeMode } from '../../stripe-id-grammar';

/** What every part of the extension may know of a card opened for an email address. */
export const customerEmailFacts = {
  title: 'Customers by email',
  listLabel: 'Email',
  copyLabel: 'Copy email',
  journalActions: {},
  /** The Dashboard's search, which finds customers by any part of their email. */
  dashboardUrl: (email: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}search?query=${encodeURIComponent(email)}`,
} as const;
