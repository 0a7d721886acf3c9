import type { FormValue } from '../../stripe/form-encoding';
import { dashboardRoot } from '../../dashboard-links';
import type { StripeMode } from '../../stripe-id-grammar';

/** What every part of the extension may know of a payment: no Stripe calls here. */
export const paymentFacts = {
  title: 'Payment',
  journalActions: {
    refund_payment: {
      name: 'Refund',
      short: 'Refund',
      movesMoney: true,
      noun: 'refund',
      done: 'Refunded',
      detail: (record: { request: { params: Record<string, FormValue> } }) =>
        typeof record.request.params.reason === 'string'
          ? `reason: ${record.request.params.reason.replaceAll('_', ' ')}`
          : '',
    },
  },
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}payments/${encodeURIComponent(id)}`,
} as const;

/** Where the Dashboard shows a dispute, to respond to it or accept it. */
export const disputeDashboardUrl = (id: string, mode: StripeMode) =>
  `${dashboardRoot(mode)}disputes/${encodeURIComponent(id)}`;
