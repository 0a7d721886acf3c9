import { browser } from 'wxt/browser';
import type { ExtensionPageRequest } from './protocol';
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

/** Sends a request from an extension page and always resolves with a Reply. */
export async function askBackground<T>(request: ExtensionPageRequest): Promise<Reply<T>> {
  try {
    return ((await browser.runtime.sendMessage(request)) as Reply<T> | undefined) ?? NO_ANSWER;
  } catch {
    return NO_ANSWER;
  }
}
