import { browser } from 'wxt/browser';
import type { ReplyOf, RequestOf, RequestType } from './protocol';
import type { Reply } from './reply';

/**
 * No answer: the background may have stopped mid-request (a service worker is ended at will),
 * so whether Stripe acted is unknown. `unresolved` makes a retry reuse the same attempt and
 * idempotency key instead of starting a second one.
 */
const NO_ANSWER: Reply<never> = {
  ok: false,
  error: {
    message:
      'The extension did not answer. Try again: a repeat reuses the same request, so nothing is done twice.',
    unresolved: true,
  },
};

/**
 * Sends a request from an extension page and always resolves with a Reply, typed by the
 * request's handler: the caller does not choose what comes back.
 */
export async function askBackground<T extends RequestType>(
  request: RequestOf<T> & { type: T },
): Promise<ReplyOf<T>> {
  try {
    return (
      ((await browser.runtime.sendMessage(request)) as ReplyOf<T> | undefined) ??
      (NO_ANSWER as ReplyOf<T>)
    );
  } catch {
    return NO_ANSWER as ReplyOf<T>;
  }
}
