import type { StripeMode } from '../../stripe-id-grammar';
import type { CreditableInvoice } from '../credit-note/draft';
import type { Invoice } from './schema';

/** An invoice as a line in another object's card (the customer's recent invoices). */
export interface InvoiceSummary {
  id: string;
  number: string | null;
  status: Invoice['status'];
  total: number;
  amountRemaining: number;
  currency: string;
  created: number;
  /** Stripe's page for the customer; shown to the agent only, never logged. */
  hostedInvoiceUrl: string | null;
}

export const toInvoiceSummary = (invoice: Invoice): InvoiceSummary => ({
  id: invoice.id,
  number: invoice.number ?? null,
  status: invoice.status,
  total: invoice.total,
  amountRemaining: invoice.amount_remaining,
  currency: invoice.currency,
  created: invoice.created,
  hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
});

/** The status in the agent's words. */
export const INVOICE_STATUS_LABEL: Record<NonNullable<Invoice['status']>, string> = {
  draft: 'Draft',
  open: 'Unpaid',
  paid: 'Paid',
  uncollectible: 'Uncollectible',
  void: 'Void',
};

/** What the invoice card shows. Built in the background; holds no secrets. */
export interface InvoiceView extends InvoiceSummary, CreditableInvoice {
  mode: StripeMode;
  accountLabel: string;
  dashboardUrl: string;
  foundInOtherMode: boolean;
  customer: { id: string; name: string | null; email: string | null } | null;
  dueDate: number | null;
  /** Lines past the first ones shown. */
  moreLines: number;
  /** Null when the key cannot list credit notes. */
  creditNotes: Array<{
    id: string;
    number: string | null;
    total: number;
    status: 'issued' | 'void';
    reason: string | null;
  }> | null;
}
