import { z } from 'zod';

/** Only the fields the extension reads; open (`loose`) to what Stripe adds. */
export const Invoice = z
  .object({
    id: z.string(),
    object: z.literal('invoice'),
    number: z.string().nullable().optional(),
    status: z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']).nullable(),
    total: z.number().int(),
    amount_due: z.number().int(),
    amount_remaining: z.number().int(),
    currency: z.string(),
    created: z.number().int(),
    due_date: z.number().int().nullable().optional(),
    hosted_invoice_url: z.string().nullable().optional(),
    livemode: z.boolean(),
    customer: z
      .union([z.string(), z.object({ id: z.string() }).loose()])
      .nullable()
      .optional(),
    customer_name: z.string().nullable().optional(),
    customer_email: z.string().nullable().optional(),
    amount_paid: z.number().int().optional(),
    pre_payment_credit_notes_amount: z.number().int().optional(),
    post_payment_credit_notes_amount: z.number().int().optional(),
    invoice_pdf: z.string().nullable().optional(),
  })
  .loose();
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceLineList = z
  .object({
    object: z.literal('list'),
    data: z.array(
      z
        .object({
          id: z.string(),
          description: z.string().nullable().optional(),
          quantity: z.number().int().nullable().optional(),
          amount: z.number().int(),
          currency: z.string(),
        })
        .loose(),
    ),
    has_more: z.boolean(),
    total_count: z.number().int().optional(),
  })
  .loose();

/** How an invoice was paid: the payment method only when the key may read payment intents. */
export const InvoicePaymentList = z
  .object({
    object: z.literal('list'),
    data: z.array(
      z
        .object({
          id: z.string(),
          status: z.string(),
          payment: z
            .object({
              type: z.string(),
              payment_intent: z
                .union([
                  z.string(),
                  z
                    .object({
                      id: z.string(),
                      payment_method: z
                        .union([
                          z.string(),
                          z
                            .object({
                              type: z.string(),
                              card: z
                                .object({ brand: z.string(), last4: z.string() })
                                .loose()
                                .nullable()
                                .optional(),
                            })
                            .loose(),
                        ])
                        .nullable()
                        .optional(),
                    })
                    .loose(),
                ])
                .nullable()
                .optional(),
            })
            .loose(),
        })
        .loose(),
    ),
    has_more: z.boolean(),
  })
  .loose();

export const InvoiceList = z
  .object({ object: z.literal('list'), data: z.array(Invoice), has_more: z.boolean() })
  .loose();
