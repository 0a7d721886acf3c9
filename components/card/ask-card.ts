import { askBackground } from '../../utils/messaging/ask-background';
import type { ReplyOf, RequestOf, RequestType } from '../../utils/messaging/protocol';

/** A card as its requests name it: the grant's token, and the object it shows. */
export interface ShownCard {
  token: string;
  shownId: string;
}

/** The requests a kind's card makes about the object it shows. */
type ShownObjectRequest = {
  [T in RequestType]: RequestOf<T> extends { shownId: string } ? T : never;
}[RequestType];

/**
 * A request about the object the card shows. It names that object, and the background
 * refuses it when the card's grant stands for any other (the card moved on meanwhile).
 */
export function askCard<T extends ShownObjectRequest>(
  card: ShownCard,
  request: Omit<RequestOf<T>, 'token' | 'shownId'> & { type: T },
): Promise<ReplyOf<T>> {
  // The request as the kind wrote it, with the two fields every such request carries.
  const named = { ...request, token: card.token, shownId: card.shownId };
  return askBackground<T>(named as unknown as RequestOf<T> & { type: T });
}
