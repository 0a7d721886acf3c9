import { allowOnly, defineRoute, invalid, listPage, type EmulatedObject } from '../route-kit';
import { customerJson, type CustomerState } from './customer';

/** The search a requester's address opens: customers listed by email, in the customer's state. */
export const emulatedCustomerEmail: EmulatedObject = {
  routes: [
    defineRoute({
      method: 'GET',
      path: '/v1/customers',
      permission: 'rak_customer_read',
      handle({ query, livemode, path }, { customers }: CustomerState) {
        allowOnly(query, ['limit', 'email', 'starting_after', 'expand']);
        if (typeof query.email === 'string' && query.email.length > 512)
          throw invalid('Invalid string: must be at most 512 characters', 'email');
        // As Stripe filters: exact and case-sensitive; deleted customers are not listed.
        return listPage(
          [...customers.values()]
            .filter((c) => c.livemode === livemode && !c.deleted)
            .filter((c) => query.email === undefined || c.email === query.email),
          query,
          customerJson,
          path,
        );
      },
    }),
  ],
};
