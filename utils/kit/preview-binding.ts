import type { ActivityJournal, JournaledRequest } from '../journal/activity-journal';
import { failure, success, type Reply } from '../messaging/reply';
import type { Money } from './money';

/** What a review showed the agent: the very request Confirm will send, and its sentence. */
export interface BoundPreview {
  request: JournaledRequest;
  money?: Money;
  sentence: string;
}

/**
 * The previews a card's reviews produced, one per attempt, kept by the background for the
 * card's grant (and so gone with it). A kind binds one when Stripe previews it, and finds it
 * again when the agent confirms.
 */
export interface PreviewBook {
  bind(attemptId: string, preview: BoundPreview): Promise<void>;
  find(attemptId: string): Promise<BoundPreview | null>;
}

const NOT_REVIEWED =
  'Review this first: Confirm sends only what a review showed you. Nothing was sent.';

/**
 * What Confirm may send: the request its review showed, when the object as Stripe has it now
 * still gives exactly that request; otherwise a refusal that names what changed, and asks
 * for a new review. A preview never turns into something else on the way to Stripe.
 */
export async function asReviewed(
  previews: PreviewBook,
  attemptId: string,
  now: JournaledRequest,
  whatChanged: (reviewed: JournaledRequest, now: JournaledRequest) => string | null,
): Promise<Reply<BoundPreview>> {
  const reviewed = await previews.find(attemptId);
  if (!reviewed) return failure(NOT_REVIEWED);
  if (canonicalJson(reviewed.request) === canonicalJson(now)) return success(reviewed);
  return failure(
    `${whatChanged(reviewed.request, now) ?? 'What this would do has changed since your review.'} Nothing was sent: review it again.`,
  );
}

/**
 * JSON with every object's keys in order: the same request reads the same however it was
 * kept (Chrome's storage hands objects back with their keys sorted).
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}

/** What Confirm sends, with the money it moves, and the sentence the review showed. */
export interface ToSend {
  request: JournaledRequest;
  money: Money;
  sentence: string;
}

/**
 * What Confirm sends for an attempt reviewed with a preview. An attempt already journaled is
 * resent exactly as it was recorded, never checked against an object it has since changed
 * (which would refuse a harmless replay of itself); a new one is what `buildNow` makes of the
 * object as Stripe has it now, and goes only if that is the very request the review bound.
 */
export async function toSendAsReviewed(
  base: { journal: Pick<ActivityJournal, 'get'>; previews: PreviewBook; attemptId: string },
  buildNow: () => Promise<
    Reply<{
      request: JournaledRequest;
      money: Money;
      /** Names what differs from the review, in the object's own terms. */
      whatChanged: (reviewed: JournaledRequest, now: JournaledRequest) => string | null;
    }>
  >,
): Promise<Reply<ToSend>> {
  const journaled = await base.journal.get(base.attemptId);
  if (journaled)
    return success({
      request: journaled.request,
      money: { minorUnits: journaled.amount ?? 0, currency: journaled.currency ?? '' },
      sentence: (await base.previews.find(base.attemptId))?.sentence ?? '',
    });
  const now = await buildNow();
  if (!now.ok) return now;
  const { request, money, whatChanged } = now.value;
  const reviewed = await asReviewed(base.previews, base.attemptId, request, whatChanged);
  if (!reviewed.ok) return reviewed;
  // The very request reviewed (asReviewed compared them), in the order it was built.
  return success({ request, money, sentence: reviewed.value.sentence });
}
