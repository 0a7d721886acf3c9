import { z } from 'zod';
import { MAX_STRIPE_ID_LENGTH, parseStripeId } from '../stripe-id-grammar';

/** Fields that several requests share, each refused unless well formed. */
export const CardToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'not a card token');
export const AttemptId = z.uuid();
export const StripeObjectId = z
  .string()
  .max(MAX_STRIPE_ID_LENGTH)
  .refine((id) => parseStripeId(id) !== null, 'not a supported Stripe ID');
