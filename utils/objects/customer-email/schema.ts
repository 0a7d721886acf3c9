import { z } from 'zod';
import { Customer } from '../customer/schema';

/** Deleted customers are never listed, so every entry is a whole customer. */
export const CustomerList = z
  .object({
    object: z.literal('list'),
    data: z.array(Customer.extend({ created: z.number().int() })),
    has_more: z.boolean(),
  })
  .loose();
export type ListedCustomer = z.infer<typeof CustomerList>['data'][number];
