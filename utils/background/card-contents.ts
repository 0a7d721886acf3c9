import type { CardKind } from '../card-subject';
import type { Reply } from '../messaging/reply';
import type { ViewOf } from '../objects/registry';
import type { StripeMode } from '../stripe-id-grammar';

/** What a card shows when it opens: its object's ID and kind, and the look-up's answer. */
export type CardContents = {
  [K in CardKind]: {
    objectId: string;
    kind: K;
    mode: StripeMode | null;
    found: Reply<ViewOf<K>>;
    /** The email address the agent opened the card from, when it led to this customer. */
    reachedBy?: string;
    /** Picked from the address's list: the card offers Back to it. */
    backToList?: boolean;
  };
}[CardKind];
