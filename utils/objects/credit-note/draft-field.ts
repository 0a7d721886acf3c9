import { z } from 'zod';
import {
  CREDIT_NOTE_REASONS,
  MAX_MEMO_LENGTH,
  MONEY_DESTINATIONS,
  type CreditNoteDraft,
} from './draft';
import { LINES_SHOWN } from './creditable';

const TypedAmount = z.string().max(40);

/** A credit note draft as a card may send it: shapes and sizes only; the checks come after. */
export const CreditNoteDraftField = z.strictObject({
  reason: z.enum(Object.keys(CREDIT_NOTE_REASONS) as [keyof typeof CREDIT_NOTE_REASONS]),
  memo: z.string().max(MAX_MEMO_LENGTH + 100),
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  amount: z.discriminatedUnion('by', [
    z.strictObject({ by: z.literal('total'), total: TypedAmount }),
    z.strictObject({
      by: z.literal('lines'),
      lines: z
        .array(
          z.strictObject({
            lineId: z.string().regex(/^il_[A-Za-z0-9_]{1,250}$/),
            quantity: z.string().max(12),
            amount: TypedAmount,
          }),
        )
        .max(LINES_SHOWN),
    }),
  ]),
  destination: z.enum(MONEY_DESTINATIONS),
  split: z.strictObject({ refund: TypedAmount, credit: TypedAmount, outOfBand: TypedAmount }),
}) satisfies z.ZodType<CreditNoteDraft>;
