import { dashboardRoot } from '../../dashboard-links';
import type { FormValue } from '../../stripe/form-encoding';
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
      done: 'Credited',
      // The note the agent wrote: the customer sees it on their balance history.
      detail: (record: { request: { params: Record<string, FormValue> } }) =>
        typeof record.request.params.description === 'string'
          ? `note: "${record.request.params.description}"`
          : '',
    },
    create_portal_link: {
      name: 'Portal link',
      short: 'Portal link',
      movesMoney: false,
      done: 'Created a billing portal link',
    },
  },
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}customers/${encodeURIComponent(id)}`,
} as const;
