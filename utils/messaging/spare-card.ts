import { CARD_TOKEN_PATTERN, randomUrlToken } from './card-token';

/**
 * How a spare card frame (made ahead of need, see card-host.ts) gets its grant: the page's
 * script posts the token to it, with the nonce the frame was made with. Both are secret from
 * the page: the frame's address, where the nonce is, sits in a closed shadow root, and a
 * message posted to another origin's window cannot be read by the page. A message without
 * the nonce (the page may post to any frame) is ignored.
 */
export const SPARE_FRAGMENT_PREFIX = 'spare-';

interface SpareGrant {
  type: 'card.spareGrant';
  nonce: string;
  token: string;
}

export const newSpareNonce = (): string => randomUrlToken(18);

export const spareGrant = (nonce: string, token: string): SpareGrant => ({
  type: 'card.spareGrant',
  nonce,
  token,
});

/** The token in `data`, if it is a spare grant carrying this frame's `nonce`. */
export function tokenOfSpareGrant(data: unknown, nonce: string): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, nonce: given, token } = data as Partial<Record<keyof SpareGrant, unknown>>;
  if (type !== 'card.spareGrant' || given !== nonce || typeof token !== 'string') return null;
  return CARD_TOKEN_PATTERN.test(token) ? token : null;
}
