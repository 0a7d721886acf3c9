import type { JournaledRequest } from '../journal/activity-journal';
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
  if (JSON.stringify(reviewed.request) === JSON.stringify(now)) return success(reviewed);
  return failure(
    `${whatChanged(reviewed.request, now) ?? 'What this would do has changed since your review.'} Nothing was sent: review it again.`,
  );
}
