import { z } from 'zod';

export const CreditNote = z
  .object({
    id: z.string(),
    object: z.literal('credit_note'),
    number: z.string().nullable().optional(),
    invoice: z.union([z.string(), z.object({ id: z.string() }).loose()]),
    total: z.number().int(),
    currency: z.string(),
    status: z.enum(['issued', 'void']),
    reason: z.string().nullable().optional(),
    memo: z.string().nullable().optional(),
    pdf: z.string().nullable().optional(),
    livemode: z.boolean().optional(),
    created: z.number().int().optional(),
    pre_payment_amount: z.number().int().optional(),
    post_payment_amount: z.number().int().optional(),
    out_of_band_amount: z.number().int().nullable().optional(),
    refunds: z.array(z.object({ amount_refunded: z.number().int() }).loose()).optional(),
    customer_balance_transaction: z
      .union([z.string(), z.object({ id: z.string() }).loose()])
      .nullable()
      .optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .loose();
export type CreditNote = z.infer<typeof CreditNote>;

export const CreditNoteList = z
  .object({ object: z.literal('list'), data: z.array(CreditNote), has_more: z.boolean() })
  .loose();
