import { storage } from 'wxt/utils/storage';
import { randomUrlToken } from '../messaging/card-token';
import { createSerialQueue } from '../serial-queue';
import type { CardGrant } from '../kit/card-grant';

export type { CardGrant };

/**
 * The ceiling on a grant's life. A grant is revoked as soon as its card goes (closed, its
 * page navigated or closed, its site disabled); this bounds what is missed, e.g. a card
 * that never loaded, or one closed while the service worker was stopped.
 */
export const GRANT_LIFETIME_MS = 30 * 60 * 1000;
const MAX_GRANTS = 64;
/**
 * Live cards of one tab's pages: one shown, one from an email frame, one whose frame is
 * going. A content script asking for more (a page working it) revokes its own oldest.
 */
export const MAX_PAGE_GRANTS_PER_TAB = 3;

// storage.session: survives a service worker restart, gone when the browser closes, and
// unreadable by content scripts (its default access level is trusted contexts only).
const grantsItem = storage.defineItem<CardGrant[]>('session:cardGrants', { fallback: [] });

/**
 * Grants are read, changed and written back; two cards asked for at once must not overwrite
 * each other's write, so changes run one after another.
 */
const oneAtATime = createSerialQueue();

export const newCardToken = (): string => randomUrlToken(24);

export function issueCardGrant(
  grant: Omit<CardGrant, 'token' | 'createdAt'>,
  now = Date.now(),
): Promise<CardGrant> {
  return oneAtATime(async () => {
    const issued: CardGrant = { ...grant, token: newCardToken(), createdAt: now };
    const live = (await grantsItem.getValue()).filter((g) => now - g.createdAt < GRANT_LIFETIME_MS);
    const kept = isPageGrant(issued) ? withoutOldestOfTab(live, issued.tabId) : live;
    await grantsItem.setValue([...kept.slice(-(MAX_GRANTS - 1)), issued]);
    return issued;
  });
}

/** A grant a content script asked for, as opposed to the popup's own. */
const isPageGrant = (grant: CardGrant) => !grant.inPopup && grant.tabId !== null;

/** `grants` (oldest first) with room for one more page grant of `tabId`. */
function withoutOldestOfTab(grants: CardGrant[], tabId: number | null): CardGrant[] {
  const ofTab = grants.filter((g) => isPageGrant(g) && g.tabId === tabId);
  const over = ofTab.length - (MAX_PAGE_GRANTS_PER_TAB - 1);
  const revoked = new Set(ofTab.slice(0, Math.max(0, over)));
  return grants.filter((g) => !revoked.has(g));
}

/** The grant for a token, if it exists, is fresh, and is presented from the tab it was made for. */
export async function findCardGrant(
  token: string,
  presentedFromTabId: number | undefined,
  now = Date.now(),
): Promise<CardGrant | null> {
  const grant = (await grantsItem.getValue()).find((g) => g.token === token);
  if (!grant || now - grant.createdAt >= GRANT_LIFETIME_MS) return null;
  if ((presentedFromTabId ?? null) !== grant.tabId) return null;
  return grant;
}

/**
 * What a look-up found for a card: its account, and the objects it showed as its own.
 * Written only while the grant still stands for the object read (null otherwise): a slow read
 * of an object the card has since left never speaks for the one it moved to.
 */
export function rememberGrantLookUp(
  token: string,
  found: { objectId: string; accountId: string; reachable: readonly string[] },
): Promise<CardGrant | null> {
  return changeGrant(token, (grant) =>
    grant.objectId === found.objectId
      ? { ...grant, accountId: found.accountId, reachable: [...found.reachable] }
      : null,
  );
}

/**
 * Turns a card opened for an email address into a card for one customer with it, once: from
 * then on it acts on that customer alone, like a card opened for its ID. Refused (null) when
 * the grant is not for `from` any more, so two narrowings cannot race each other.
 */
export function narrowCardGrant(
  token: string,
  change: { from: string; to: string; accountId: string; pickedFromList?: boolean },
): Promise<CardGrant | null> {
  return changeGrant(token, (grant) =>
    grant.objectId === change.from && grant.reachedBy === undefined
      ? {
          ...grant,
          objectId: change.to,
          reachedBy: change.from,
          accountId: change.accountId,
          reachable: [],
          ...(change.pickedFromList ? { pickedFromList: true } : {}),
        }
      : null,
  );
}

/**
 * Back from a customer the agent picked from an address's list to that list: the grant
 * stands for the address again (which the agent opened), and its customers are read again.
 * Refused (null) unless the grant is for `from` and was narrowed by such a pick.
 */
export function widenCardGrant(token: string, from: string): Promise<CardGrant | null> {
  return changeGrant(token, (grant) =>
    grant.objectId === from && grant.reachedBy !== undefined && grant.pickedFromList
      ? {
          ...withoutReachedBy(grant),
          objectId: grant.reachedBy,
          pickedFromList: undefined,
          reachable: [],
        }
      : null,
  );
}

/**
 * Points a card at another object it showed as its object's own (a customer's invoice, an
 * invoice's customer): from then on it acts on that one alone. Refused (null) when the grant
 * is not for `from` any more, or `to` is not among what it showed.
 */
export function repointCardGrant(
  token: string,
  change: { from: string; to: string },
): Promise<CardGrant | null> {
  return changeGrant(token, (grant) =>
    grant.objectId === change.from && (grant.reachable ?? []).includes(change.to)
      ? { ...withoutReachedBy(grant), objectId: change.to, reachable: [] }
      : null,
  );
}

/** Writes `change`'s grant in place of the token's; null when there is none or it refused. */
function changeGrant(
  token: string,
  change: (grant: CardGrant) => CardGrant | null,
): Promise<CardGrant | null> {
  return oneAtATime(async () => {
    const grants = await grantsItem.getValue();
    const at = grants.findIndex((g) => g.token === token);
    const changed = at < 0 ? null : change(grants[at]!);
    if (!changed) return null;
    await grantsItem.setValue(grants.map((g, i) => (i === at ? changed : g)));
    return changed;
  });
}

/** Revokes the grants `matching` says; a card presenting one afterwards is told it expired. */
export function revokeCardGrants(matching: (grant: CardGrant) => boolean): Promise<number> {
  return oneAtATime(async () => {
    const grants = await grantsItem.getValue();
    const kept = grants.filter((grant) => !matching(grant));
    if (kept.length !== grants.length) await grantsItem.setValue(kept);
    return grants.length - kept.length;
  });
}

/** The grant without the address it was reached by: that was its customer's, not the next. */
function withoutReachedBy({ reachedBy: _reachedBy, ...grant }: CardGrant): CardGrant {
  return grant;
}
