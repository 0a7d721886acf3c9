import { z } from 'zod';

const Expandable = <T extends z.ZodType>(object: T) =>
  z.union([z.string(), object]).nullable().optional();

const Price = z
  .object({
    id: z.string(),
    nickname: z.string().nullable().optional(),
    unit_amount: z.number().int().nullable().optional(),
    currency: z.string(),
    recurring: z
      .object({ interval: z.string(), interval_count: z.number().int().optional() })
      .loose()
      .nullable()
      .optional(),
    product: Expandable(
      z.object({ id: z.string(), name: z.string().nullable().optional() }).loose(),
    ),
  })
  .loose();

/**
 * Only the fields the extension reads; open (`loose`) to what Stripe adds. Since API version
 * 2025-03-31 the period lives on the items, not on the subscription.
 */
export const Subscription = z
  .object({
    id: z.string(),
    object: z.literal('subscription'),
    status: z.enum([
      'active',
      'trialing',
      'past_due',
      'unpaid',
      'canceled',
      'incomplete',
      'incomplete_expired',
      'paused',
    ]),
    livemode: z.boolean(),
    created: z.number().int(),
    currency: z.string(),
    customer: z.union([
      z.string(),
      z
        .object({
          id: z.string(),
          name: z.string().nullable().optional(),
          email: z.string().nullable().optional(),
        })
        .loose(),
    ]),
    cancel_at_period_end: z.boolean(),
    cancel_at: z.number().int().nullable().optional(),
    canceled_at: z.number().int().nullable().optional(),
    ended_at: z.number().int().nullable().optional(),
    trial_end: z.number().int().nullable().optional(),
    pause_collection: z
      .object({
        behavior: z.enum(['keep_as_draft', 'mark_uncollectible', 'void']),
        resumes_at: z.number().int().nullable().optional(),
      })
      .loose()
      .nullable()
      .optional(),
    cancellation_details: z
      .object({
        comment: z.string().nullable().optional(),
        feedback: z.string().nullable().optional(),
        reason: z.string().nullable().optional(),
      })
      .loose()
      .nullable()
      .optional(),
    latest_invoice: Expandable(
      z
        .object({
          id: z.string(),
          number: z.string().nullable().optional(),
          status: z.string().nullable().optional(),
          total: z.number().int(),
          currency: z.string(),
        })
        .loose(),
    ),
    default_payment_method: Expandable(
      z
        .object({
          id: z.string(),
          type: z.string(),
          card: z.object({ brand: z.string(), last4: z.string() }).loose().nullable().optional(),
        })
        .loose(),
    ),
    items: z
      .object({
        data: z.array(
          z
            .object({
              id: z.string(),
              quantity: z.number().int().nullable().optional(),
              current_period_end: z.number().int().nullable().optional(),
              price: Price,
            })
            .loose(),
        ),
      })
      .loose(),
  })
  .loose();
export type Subscription = z.infer<typeof Subscription>;

export const SubscriptionList = z
  .object({ object: z.literal('list'), data: z.array(Subscription), has_more: z.boolean() })
  .loose();

/** What a cancellation would invoice: its proration lines are the credit for unused time. */
export const InvoicePreview = z
  .object({
    object: z.literal('invoice'),
    currency: z.string(),
    total: z.number().int(),
    amount_due: z.number().int(),
    lines: z
      .object({
        data: z.array(
          z
            .object({
              amount: z.number().int(),
              description: z.string().nullable().optional(),
              parent: z
                .object({
                  subscription_item_details: z
                    .object({ proration: z.boolean() })
                    .loose()
                    .nullable()
                    .optional(),
                })
                .loose()
                .nullable()
                .optional(),
            })
            .loose(),
        ),
      })
      .loose(),
  })
  .loose();
export type InvoicePreview = z.infer<typeof InvoicePreview>;
