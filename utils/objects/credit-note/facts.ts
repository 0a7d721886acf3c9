import { dashboardRoot } from '../../dashboard-links';
import type { StripeMode } from '../../stripe-id-grammar';

/** What every part of the extension may know of a credit note: no Stripe calls here. */
export const creditNoteFacts = {
  title: 'Credit note',
  journalActions: {
    void_credit_note: { name: 'Void credit note', short: 'Void note', movesMoney: false },
  },
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}credit_notes/${encodeURIComponent(id)}`,
} as const;
