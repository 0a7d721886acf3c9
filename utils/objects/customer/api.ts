import type { StripeClient } from '../../stripe/client';
import { CustomerBalanceTransactionList, CustomerOrDeleted } from './schema';

export const customerPath = (id: string) => `/v1/customers/${encodeURIComponent(id)}`;
export const balanceTransactionsPath = (id: string) => `${customerPath(id)}/balance_transactions`;

export const retrieveCustomer = (stripe: StripeClient, id: string) =>
  stripe({ method: 'GET', path: customerPath(id), schema: CustomerOrDeleted });

export const listBalanceTransactions = (
  stripe: StripeClient,
  id: string,
  limit: number,
  startingAfter?: string,
) =>
  stripe({
    method: 'GET',
    path: balanceTransactionsPath(id),
    params: { limit, ...(startingAfter ? { starting_after: startingAfter } : {}) },
    schema: CustomerBalanceTransactionList,
  });
