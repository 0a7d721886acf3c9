import { z } from 'zod';

/**
 * Only the fields the extension reads. Objects stay open (`loose`) because Stripe adds
 * fields in backwards-compatible releases.
 */
export const CheckoutSession = z
  .object({
    id: z.string(),
    object: z.literal('checkout.session'),
    status: z.enum(['open', 'complete', 'expired']).nullable(),
    payment_status: z.string().nullable().optional(),
    amount_total: z.number().int().nullable(),
    currency: z.string().nullable(),
    customer: z
      .union([z.string(), z.object({ id: z.string() }).loose()])
      .nullable()
      .optional(),
    customer_details: z
      .object({ email: z.string().nullable().optional() })
      .loose()
      .nullable()
      .optional(),
    customer_email: z.string().nullable().optional(),
    expires_at: z.number().int(),
    livemode: z.boolean(),
    mode: z.string().optional(),
  })
  .loose();
export type CheckoutSession = z.infer<typeof CheckoutSession>;

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

/** A list endpoint with nothing read from its items: used to check a key cheaply. */
export const AnyList = z.object({ object: z.literal('list'), data: z.array(z.unknown()) }).loose();

export const CustomerBalanceTransaction = z
  .object({
    id: z.string(),
    object: z.literal('customer_balance_transaction'),
    amount: z.number().int(),
    currency: z.string(),
    created: z.number().int(),
    description: z.string().nullable().optional(),
    ending_balance: z.number().int(),
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

export const SubscriptionList = z
  .object({
    object: z.literal('list'),
    data: z.array(
      z
        .object({
          id: z.string(),
          status: z.string(),
          items: z
            .object({
              data: z.array(
                z
                  .object({
                    price: z.object({ nickname: z.string().nullable().optional() }).loose(),
                  })
                  .loose(),
              ),
            })
            .loose()
            .optional(),
        })
        .loose(),
    ),
  })
  .loose();

export const StripeAccount = z
  .object({
    id: z.string(),
    object: z.literal('account'),
    business_profile: z
      .object({ name: z.string().nullable().optional() })
      .loose()
      .nullable()
      .optional(),
    settings: z
      .object({
        dashboard: z
          .object({ display_name: z.string().nullable().optional() })
          .loose()
          .nullable()
          .optional(),
      })
      .loose()
      .nullable()
      .optional(),
  })
  .loose();
