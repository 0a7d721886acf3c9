/**
 * One running copy of the content script per frame. It runs again in a frame that has it
 * when the agent enables the open site, or when the popup starts it in a tab that showed no
 * IDs: the new copy stops the old one through a global of the content scripts' own world,
 * which the page cannot see. (WXT's content script wrapper did this with an event on the
 * page's document and a `postMessage` to the page's window, both named with the extension's
 * ID: any page could tell the extension was there, and could send the event itself to stop
 * it.) A copy cut off by an update is not reached this way, as Chrome runs the updated
 * extension in another world; that copy stops itself (see startIdMarking).
 */
const STOP_EARLIER_COPY = 'stopStripeActionsContentScript';

export function frameLifetime(scope: object = globalThis): AbortSignal {
  const holder = scope as Record<string, (() => void) | undefined>;
  holder[STOP_EARLIER_COPY]?.();
  const lifetime = new AbortController();
  holder[STOP_EARLIER_COPY] = () => lifetime.abort();
  return lifetime.signal;
}
