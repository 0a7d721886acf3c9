import type { UsableAccount } from '../storage/account-store';
import type { StripeClient } from '../stripe/client';

/** What a kind's look-up starts from: the account its grant routes to. */
export interface LookUpInput {
  account: UsableAccount;
  clientFor: (account: UsableAccount) => StripeClient;
  objectId: string;
}

/** The object as its card shows it, and the account it was found with. */
export interface Found<View> {
  view: View;
  account: UsableAccount;
  /** Objects the card shows as this one's own and may act on (a customer's open sessions). */
  reachable?: readonly string[];
}

/** The subject stands for one object, whose card opens instead (an address, one customer). */
export interface NarrowTo {
  narrowTo: string;
  account: UsableAccount;
}
