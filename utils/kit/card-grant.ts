/**
 * A card acts only on the object the background granted it. The content script asks for a
 * grant for an ID it saw; the card page presents the token and gets that ID back, and every
 * later request from the card names the token, never an ID of its own choosing.
 *
 * Kinds read a grant (which object, what it showed, where it was opened); only the background
 * issues and changes them (`utils/background/card-grants.ts`).
 */
export interface CardGrant {
  token: string;
  objectId: string;
  /**
   * The tab and frame whose content script asked; the card must live in the same tab. Null
   * for a card inside the popup, which has no tab.
   */
  tabId: number | null;
  frameId: number;
  pageUrl: string;
  /** Shown inside the popup rather than framed in a page: no page to close it in or to ask. */
  inPopup: boolean;
  createdAt: number;
  /** The account a customer was found with, so later actions act in the same account. */
  accountId?: string;
  /**
   * Other objects the card showed as its object's own, read from Stripe by the background
   * (a customer's open sessions, an address's customers): the only ones it may act on or
   * narrow to, besides its own.
   */
  reachable?: string[];
  /** The email address the card was opened for, before it was narrowed to one customer. */
  reachedBy?: string;
  /**
   * Set when the agent picked this customer from the address's list (not when the address
   * had one customer): the card may go back to that list.
   */
  pickedFromList?: boolean;
}
