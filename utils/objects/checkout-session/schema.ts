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
    created: z.number().int().optional(),
    expires_at: z.number().int(),
    livemode: z.boolean(),
    mode: z.string().optional(),
    payment_intent: z
      .union([z.string(), z.object({ id: z.string() }).loose()])
      .nullable()
      .optional(),
    subscription: z
      .union([z.string(), z.object({ id: z.string() }).loose()])
      .nullable()
      .optional(),
    invoice: z
      .union([z.string(), z.object({ id: z.string() }).loose()])
      .nullable()
      .optional(),
  })
  .loose();
export type CheckoutSession = z.infer<typeof CheckoutSession>;

export const CheckoutSessionList = z
  .object({ object: z.literal('list'), data: z.array(CheckoutSession), has_more: z.boolean() })
  .loose();
