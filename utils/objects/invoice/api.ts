import type { StripeClient } from '../../stripe/client';
import { CreditNoteList, Invoice, InvoiceLineList, InvoiceList } from './schema';

const invoicePath = (id: string) => `/v1/invoices/${encodeURIComponent(id)}`;

export const retrieveInvoice = (stripe: StripeClient, id: string) =>
  stripe({ method: 'GET', path: invoicePath(id), schema: Invoice });

/** The first `limit` lines; `total_count` says how many there are. */
export const listInvoiceLines = (stripe: StripeClient, id: string, limit: number) =>
  stripe({
    method: 'GET',
    path: `${invoicePath(id)}/lines`,
    params: { limit },
    schema: InvoiceLineList,
  });

/** Credit notes issued against the invoice, newest first. */
export const listCreditNotesOf = (stripe: StripeClient, invoiceId: string, limit: number) =>
  stripe({
    method: 'GET',
    path: '/v1/credit_notes',
    params: { invoice: invoiceId, limit },
    schema: CreditNoteList,
  });

/** A customer's invoices, newest first; `status: 'open'` for the ones still to be paid. */
export const listInvoicesOf = (
  stripe: StripeClient,
  customerId: string,
  limit: number,
  status?: 'open',
) =>
  stripe({
    method: 'GET',
    path: '/v1/invoices',
    params: { customer: customerId, limit, ...(status ? { status } : {}) },
    schema: InvoiceList,
  });
