import type { StripeClient } from '../../stripe/client';
import { CustomerBalanceTransactionList, CustomerOrDeleted, SubscriptionList } from './schema';

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

/** Active subscriptions, for the portal's "cancel a subscription" deep link. */
export const listActiveSubscriptions = (stripe: StripeClient, customerId: string) =>
  stripe({
    method: 'GET',
    path: '/v1/subscriptions',
    params: { customer: customerId, status: 'active', limit: 10 },
    schema: SubscriptionList,
  });
