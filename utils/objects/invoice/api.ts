import type { StripeClient } from '../../stripe/client';
import { InvoiceList } from './schema';

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
