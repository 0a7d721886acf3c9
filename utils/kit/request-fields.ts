import { CARD_TOKEN_PATTERN } from '../messaging/card-token';
import { z } from 'zod';
import { MAX_CARD_SUBJECT_LENGTH, parseCardSubject } from '../card-subject';
import { MAX_STRIPE_ID_LENGTH, parseStripeId } from '../stripe-id-grammar';

/** Fields that several requests share, each refused unless well formed. */
export const CardToken = z.string().regex(CARD_TOKEN_PATTERN, 'not a card token');
export const AttemptId = z.uuid();

/** What a card may be opened for: a supported Stripe ID, or an email address. */
export const CardSubjectField = z
  .string()
  .max(MAX_CARD_SUBJECT_LENGTH)
  .refine((subject) => parseCardSubject(subject) !== null, 'not a Stripe ID or email address');

/** A supported Stripe ID, never an address. */
export const StripeObjectIdField = z
  .string()
  .max(MAX_STRIPE_ID_LENGTH)
  .refine((id) => parseStripeId(id) !== null, 'not a supported Stripe ID');
