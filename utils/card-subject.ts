import { MAX_EMAIL_LENGTH, parseEmailAddress } from './email-grammar';
import { parseStripeId, type StripeMode, type StripeObjectKind } from './stripe-id-grammar';

/**
 * What a card can be opened for: a Stripe object by its ID, or the customers a requester's
 * email address belongs to. Each kind has its entry in every registry (`utils/objects/`).
 */
export type CardKind = StripeObjectKind | 'customer_email';

export interface CardSubject {
  id: string;
  kind: CardKind;
  /** Mode carried by the subject itself; customers and addresses carry none. */
  mode: StripeMode | null;
}

/** The longest subject a message may name: an address (IDs are at most 255). */
export const MAX_CARD_SUBJECT_LENGTH = MAX_EMAIL_LENGTH;

/** A Stripe ID or an email address, classified; null for anything else. */
export function parseCardSubject(candidate: string): CardSubject | null {
  const id = parseStripeId(candidate);
  if (id) return id;
  const email = parseEmailAddress(candidate);
  return email ? { id: email, kind: 'customer_email', mode: null } : null;
}
