import { z } from 'zod';
import { failure, success, type Reply } from '../messaging/reply';
import { organisationAllows, siteOriginOf } from '../site-access';
import type { MessageSenderLike } from '../messaging/sender-policy';
import { pageAddressOf } from '../messaging/sender-policy';
import type { ViewOf } from '../objects/registry';
import { parseStripeId, type StripeMode, type StripeObjectKind } from '../stripe-id-grammar';
import type { CardBook } from './card-book';
import { revokeCardGrants } from './card-grants';
import { cardRequest } from './request-handler';
import { CardToken, StripeObjectId } from './request-fields';

/** What a card shows when it opens: its object's ID and kind, and the look-up's answer. */
export type CardContents = {
  [K in StripeObjectKind]: {
    objectId: string;
    kind: K;
    mode: StripeMode | null;
    found: Reply<ViewOf<K>>;
  };
}[StripeObjectKind];

/** The one request a content script may make. It cannot reach Stripe. */
export const ContentScriptRequest = z.strictObject({
  type: z.literal('page.openCard'),
  objectId: StripeObjectId,
});
export type ContentScriptRequest = z.infer<typeof ContentScriptRequest>;

export async function grantCardToPage(
  raw: unknown,
  sender: MessageSenderLike,
  cards: CardBook,
): Promise<Reply<{ token: string }> | null> {
  const parsed = ContentScriptRequest.safeParse(raw);
  if (!parsed.success) return null;
  // A page whose address the browser did not give is refused only under a site list.
  const site = siteOriginOf(sender.tab?.url ?? sender.url ?? '');
  if (!(await organisationAllows(site)))
    return failure('Your organisation does not allow this extension on this site.');
  const grant = await cards.grant({
    objectId: parsed.data.objectId,
    tabId: sender.tab!.id!,
    frameId: sender.frameId!,
    pageUrl: pageAddressOf(sender),
    inPopup: false,
  });
  return success({ token: grant.token });
}

/** Requests any card may make, whatever its object's kind. */
export const CARD_REQUESTS = {
  /** One round trip: what the card shows, from the look-up started when it was granted. */
  'card.open': cardRequest(
    z.strictObject({ type: z.literal('card.open'), token: CardToken }),
    async (_request, { grant, kind, cards }) => {
      const { mode } = parseStripeId(grant.objectId)!;
      const found = await cards.takeLookUp(grant);
      // The look-up is the registry's entry for this very kind, so its view is this kind's.
      return success({ objectId: grant.objectId, kind, mode, found } as CardContents);
    },
  ),
  'card.close': cardRequest(
    z.strictObject({ type: z.literal('card.close'), token: CardToken }),
    async (_request, { grant, background }) => {
      await revokeCardGrants((other) => other.token === grant.token);
      if (!grant.inPopup && grant.tabId !== null)
        await background.sendToFrame(grant.tabId, grant.frameId, { type: 'content.closeCard' });
      return success(null);
    },
  ),
  'card.resize': cardRequest(
    z.strictObject({
      type: z.literal('card.resize'),
      token: CardToken,
      height: z.number().int().min(40).max(4000),
    }),
    async (request, { grant, background }) => {
      if (grant.inPopup || grant.tabId === null) return success(null); // The popup sizes itself.
      await background.sendToFrame(grant.tabId, grant.frameId, {
        type: 'content.resizeCard',
        height: request.height,
      });
      return success(null);
    },
  ),
};
