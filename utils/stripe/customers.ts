import type { StripeClient } from './client';
import { CustomerBalanceTransactionList, CustomerOrDeleted } from './schemas';

export const customerPath = (id: string) => `/v1/customers/${encodeURIComponent(id)}`;
export const balanceTransactionsPath = (id: string) => `${customerPath(id)}/balance_transactions`;

export const retrieveCustomer = (stripe: StripeClient, id: string) =>
  stripe({ method: 'GET', path: customerPath(id), schema: CustomerOrDeleted });

export const listBalanceTransactions = (stripe: StripeClient, id: string, limit: number) =>
  stripe({
    method: 'GET',
    path: balanceTransactionsPath(id),
    params: { limit },
    schema: CustomerBalanceTransactionList,
  });
