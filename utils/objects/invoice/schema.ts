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
  })
  .loose();
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceList = z
  .object({ object: z.literal('list'), data: z.array(Invoice), has_more: z.boolean() })
  .loose();
