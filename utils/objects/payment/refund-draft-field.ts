import { z } from 'zod';
import { MAX_REFUND_NOTE_LENGTH, REFUND_REASONS, type RefundDraft } from './refundable';

/** A refund draft as a card may send it: shapes and sizes only; the checks come after. */
export const RefundDraftField = z.strictObject({
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  whole: z.boolean(),
  amount: z.string().max(40),
  reason: z.enum(Object.keys(REFUND_REASONS) as [keyof typeof REFUND_REASONS]),
  note: z.string().max(MAX_REFUND_NOTE_LENGTH + 100),
}) satisfies z.ZodType<RefundDraft>;
