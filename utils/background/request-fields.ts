import { z } from 'zod';
import { MAX_CARD_SUBJECT_LENGTH, parseCardSubject } from '../card-subject';

/** Fields that several requests share, each refused unless well formed. */
export const CardToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'not a card token');
export const AttemptId = z.uuid();

/** What a card may be opened for: a supported Stripe ID, or an email address. */
export const CardSubjectField = z
  .string()
  .max(MAX_CARD_SUBJECT_LENGTH)
  .refine((subject) => parseCardSubject(subject) !== null, 'not a Stripe ID or email address');
