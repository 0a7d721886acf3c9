import { z } from 'zod';
import { parseCardSubject } from '../card-subject';
import { failure, REFUSED, success, type Reply } from '../messaging/reply';
import { settingsInForce } from '../policy/settings-in-force';
import { organisationAllows } from '../site-access';
import { siteOriginOf } from '../site-origin';
import type { MessageSenderLike } from '../messaging/sender-policy';
import { pageAddressOf } from '../messaging/sender-policy';
import { CardSubjectField, CardToken, StripeObjectIdField } from '../kit/request-fields';
import type { CardBook } from './card-book';
import { checkCardDrawnPlainly } from './card-drawing';
import { repointCardGrant, revokeCardGrants, widenCardGrant } from './card-grants';
import { backgroundCardRequest } from './request-handler';

/**
 * The requests a content script may make. Neither reaches Stripe. `objectId` is what the
 * agent clicked: a Stripe ID, or an email address whose customers the card looks for.
 */
const OpenCardRequest = z.strictObject({
  type: z.literal('page.openCard'),
  objectId: CardSubjectField,
});
/** What to mark besides IDs: asked once as the content script starts. */
const MarkingRequest = z.strictObject({ type: z.literal('page.marking') });
export const ContentScriptRequest = z.discriminatedUnion('type', [OpenCardRequest, MarkingRequest]);
export type ContentScriptRequest = z.infer<typeof ContentScriptRequest>;

/** A content script's request answered, or null when it is not one it may make. */
export async function answerContentScript(
  raw: unknown,
  sender: MessageSenderLike,
  cards: CardBook,
): Promise<Reply<unknown> | null> {
  const parsed = ContentScriptRequest.safeParse(raw);
  if (!parsed.success) return null;
  if (parsed.data.type === 'page.marking') {
    const { markEmails, ownEmails } = await settingsInForce();
    // The agent's own addresses are theirs to know: the page's script skips them.
    return success({ emails: markEmails, skip: ownEmails });
  }
  return grantCardToPage(parsed.data, sender, cards);
}

const ADDRESSES_NOT_MARKED = 'Email addresses are not marked: only Stripe IDs open a card.';
const OWN_ADDRESS = 'This is one of your own addresses (Options), so it is not searched.';

async function grantCardToPage(
  request: z.infer<typeof OpenCardRequest>,
  sender: MessageSenderLike,
  cards: CardBook,
): Promise<Reply<{ token: string }>> {
  // A page whose address the browser did not give is refused only under a site list.
  const site = siteOriginOf(sender.tab?.url ?? sender.url ?? '');
  if (!(await organisationAllows(site)))
    return failure('Your organisation does not allow this extension on this site.');
  // Addresses open cards only while they are marked: with marking off, no content script
  // (nor a page that has subverted one) may have the background search for an address.
  if (
    parseCardSubject(request.objectId)?.kind === 'customer_email' &&
    !(await settingsInForce()).markEmails
  )
    return failure(ADDRESSES_NOT_MARKED);
  if ((await settingsInForce()).ownEmails.includes(request.objectId.toLowerCase()))
    return failure(OWN_ADDRESS);
  const grant = await cards.grant({
    objectId: request.objectId,
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
  'card.open': backgroundCardRequest(
    z.strictObject({ type: z.literal('card.open'), token: CardToken }),
    async (_request, { grant, cards }) => success(await cards.takeLookUp(grant)),
  ),
  /**
   * The card moves to another object it showed as this one's own: a customer's invoice, an
   * invoice's customer. The grant follows, so the card acts on the new object alone. An
   * address's card becomes a customer's by `customerEmail.open` instead.
   */
  'card.openRelated': backgroundCardRequest(
    z.strictObject({
      type: z.literal('card.openRelated'),
      token: CardToken,
      objectId: StripeObjectIdField,
    }),
    async (request, { grant, kind }) => {
      if (kind === 'customer_email') return failure(REFUSED);
      const moved = await repointCardGrant(grant.token, {
        from: grant.objectId,
        to: request.objectId,
      });
      return moved ? success(null) : failure(REFUSED);
    },
  ),
  /** Back from a customer picked from an address's list, to that list. */
  'card.backToList': backgroundCardRequest(
    z.strictObject({ type: z.literal('card.backToList'), token: CardToken }),
    async (_request, { grant }) =>
      (await widenCardGrant(grant.token, grant.objectId)) ? success(null) : failure(REFUSED),
  ),
  'card.close': backgroundCardRequest(
    z.strictObject({ type: z.literal('card.close'), token: CardToken }),
    async (_request, { grant, background }) => {
      await revokeCardGrants((other) => other.token === grant.token);
      if (!grant.inPopup && grant.tabId !== null)
        await background.sendToFrame(grant.tabId, grant.frameId, { type: 'content.closeCard' });
      return success(null);
    },
  ),
  /**
   * The agent drags the card aside by its header: its page's content script moves the frame
   * (kept in the window). Only the card itself can ask; the page cannot move it.
   */
  'card.move': backgroundCardRequest(
    z.strictObject({
      type: z.literal('card.move'),
      token: CardToken,
      /** One drag, from pointer down to up; dx and dy are its whole movement so far. */
      drag: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
      dx: z.number().int().min(-10_000).max(10_000),
      dy: z.number().int().min(-10_000).max(10_000),
    }),
    async (request, { grant, background }) => {
      if (grant.inPopup || grant.tabId === null) return failure(REFUSED);
      await background.sendToFrame(grant.tabId, grant.frameId, {
        type: 'content.moveCard',
        token: grant.token,
        drag: request.drag,
        dx: request.dx,
        dy: request.dy,
      });
      return success(null);
    },
  ),
  /**
   * Asked as the agent presses Confirm and again before it acts: whether the page draws the
   * card plainly, read by the content script of the card's frame (see card-drawing.ts).
   */
  'card.checkDrawnPlainly': backgroundCardRequest(
    z.strictObject({ type: z.literal('card.checkDrawnPlainly'), token: CardToken }),
    async (_request, { grant, background }) => checkCardDrawnPlainly(background, grant),
  ),
};
