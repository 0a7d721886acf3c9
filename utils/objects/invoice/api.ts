import type { StripeClient } from '../../stripe/client';
import { Invoice, InvoiceLineList, InvoiceList, InvoicePaymentList } from './schema';

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

/** The invoice's payments through Stripe, with each one's payment method (card brand, last 4). */
export const listInvoicePayments = (stripe: StripeClient, invoiceId: string) =>
  stripe({
    method: 'GET',
    path: '/v1/invoice_payments',
    params: {
      invoice: invoiceId,
      status: 'paid',
      limit: 10,
      expand: ['data.payment.payment_intent.payment_method'],
    },
    schema: InvoicePaymentList,
  });
