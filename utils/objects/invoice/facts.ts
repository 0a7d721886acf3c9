import { dashboardRoot } from '../../dashboard-links';
import type { FormValue } from '../../stripe/form-encoding';
import type { StripeMode } from '../../stripe-id-grammar';
import { creditNoteDestinations } from './credit-note-record';

/** What every part of the extension may know of an invoice: no Stripe calls here. */
export const invoiceFacts = {
  title: 'Invoice',
  journalActions: {
    issue_credit_note: {
      name: 'Credit note',
      short: 'Credit note',
      movesMoney: true,
      detail: (record: { request: { params: Record<string, FormValue> }; currency?: string }) =>
        creditNoteDestinations(record.request.params, record.currency),
    },
  },
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}invoices/${encodeURIComponent(id)}`,
} as const;
