import { z } from 'zod';

/** Only the fields the extension reads; open (`loose`) to what Stripe adds. */
export const Customer = z
  .object({
    id: z.string(),
    object: z.literal('customer'),
    name: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    balance: z.number().int().nullable().optional(),
    currency: z.string().nullable().optional(),
    livemode: z.boolean(),
  })
  .loose();

export const DeletedCustomer = z
  .object({ id: z.string(), object: z.literal('customer'), deleted: z.literal(true) })
  .loose();

export const CustomerOrDeleted = z.union([DeletedCustomer, Customer]);

export const CustomerBalanceTransaction = z
  .object({
    id: z.string(),
    object: z.literal('customer_balance_transaction'),
    amount: z.number().int(),
    currency: z.string(),
    created: z.number().int(),
    description: z.string().nullable().optional(),
    ending_balance: z.number().int(),
    metadata: z.record(z.string(), z.string()).nullable().optional(),
    type: z.string(),
  })
  .loose();
export type CustomerBalanceTransaction = z.infer<typeof CustomerBalanceTransaction>;

export const CustomerBalanceTransactionList = z
  .object({
    object: z.literal('list'),
    data: z.array(CustomerBalanceTransaction),
    has_more: z.boolean(),
  })
  .loose();

/** Its `url` is a short-lived credential: shown to the agent, never logged or journaled. */
export const BillingPortalSession = z
  .object({
    id: z.string(),
    object: z.literal('billing_portal.session'),
    url: z.url(),
    livemode: z.boolean(),
  })
  .loose();
