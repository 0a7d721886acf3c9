import { dashboardRoot } from '../../dashboard-links';
import type { FormValue } from '../../stripe/form-encoding';
import { creditNoteDestinations } from './destinations';
import type { StripeMode } from '../../stripe-id-grammar';

/** What every part of the extension may know of a credit note: no Stripe calls here. */
export const creditNoteFacts = {
  title: 'Credit note',
  journalActions: {
    issue_credit_note: {
      name: 'Credit note',
      short: 'Credit note',
      movesMoney: true,
      noun: 'credit note',
      done: 'Issued a credit note of',
      detail: (record: { request: { params: Record<string, FormValue> }; currency?: string }) =>
        [
          creditNoteDestinations(record.request.params, record.currency),
          typeof record.request.params.reason === 'string' &&
            `reason: ${record.request.params.reason.replaceAll('_', ' ')}`,
        ]
          .filter(Boolean)
          .join(', '),
    },
    void_credit_note: {
      name: 'Void credit note',
      short: 'Void note',
      movesMoney: false,
      done: 'Voided credit note',
    },
  },
  dashboardUrl: (id: string, mode: StripeMode) =>
    `${dashboardRoot(mode)}credit_notes/${encodeURIComponent(id)}`,
} as const;
