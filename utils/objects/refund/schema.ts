import { z } from 'zod';

const IdOrObject = z.union([z.string(), z.object({ id: z.string() }).loose()]);

/** Only the fields the extension reads; open (`loose`) to what Stripe adds. */
export const Refund = z
  .object({
    id: z.string(),
    object: z.literal('refund'),
    amount: z.number().int(),
    currency: z.string(),
    status: z.string().nullable(),
    reason: z.string().nullable().optional(),
    pending_reason: z.string().nullable().optional(),
    failure_reason: z.string().nullable().optional(),
    charge: IdOrObject.nullable().optional(),
    payment_intent: IdOrObject.nullable().optional(),
    created: z.number().int(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .loose();
export type Refund = z.infer<typeof Refund>;

export const RefundList = z
  .object({ object: z.literal('list'), data: z.array(Refund), has_more: z.boolean() })
  .loose();

/** The ID of a field Stripe may give as an ID or, expanded, as the object. */
export const idOf = (field: string | { id: string } | null | undefined): string | null =>
  field == null ? null : typeof field === 'string' ? field : field.id;
