import type { StripeClient } from '../../stripe/client';
import { CustomerList } from './schema';

/**
 * Stripe's most a list returns at once. One page answers "how many" for all but the rarest
 * address; past it the card says "100 or more" and links to the Dashboard's search.
 */
export const CUSTOMERS_READ_PER_ADDRESS = 100;

/**
 * The customers whose `email` is exactly `email`, newest first. An exact, strongly
 * consistent filter (unlike /v1/customers/search, which lags); it compares case-sensitively.
 */
export const listCustomersByEmail = (stripe: StripeClient, email: string) =>
  stripe({
    method: 'GET',
    path: '/v1/customers',
    params: { email, limit: CUSTOMERS_READ_PER_ADDRESS },
    schema: CustomerList,
  });
