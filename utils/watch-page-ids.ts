import { browser } from 'wxt/browser';
import { PAGE_IDS_PORT } from './messaging/page-ids';
import { parseCardSubject } from './card-subject';

/** How long frames' IDs wait for the ticket's own before they are shown without them. */
const TOP_ANSWER_WAIT_MS = 300;
/**
 * A content script started from the popup answers once it has read the organisation's site
 * policy, a few ms later: until then the port closes unanswered, and it is asked again.
 */
const STARTING_RETRY_MS = 50;
const STARTING_RETRIES = 20;

/**
 * Shows the IDs (and email addresses) found on a tab as its frames answer: the ticket's own
 * first, then those of its frames (emails), each once. Frames' answers wait for the
 * ticket's, so the numbers 1–9 the popup gives the ticket's IDs never move under the agent's
 * fingers. Only well-formed Stripe IDs and addresses are kept from what a frame sends. The
 * port stays open while the popup does, and closes with it.
 *
 * When no frame runs the content script, `start` is asked to start it (the tab predates the
 * extension's install or update) and, if it did, the tab is asked again; otherwise [] is
 * shown at once and `notRunning` is told.
 */
export function watchPageIds(
  tabId: number,
  show: (ids: string[]) => void,
  start?: { start: () => Promise<boolean>; notRunning: () => void },
  /** Reconnections left while a script just started gets ready (it asks the background first). */
  waitsLeft = 0,
): void {
  let fromTop: string[] | null = null;
  let answered = false;
  const fromFrames: string[] = [];
  const update = () => show([...new Set([...(fromTop ?? []), ...fromFrames])]);
  const port = browser.tabs.connect(tabId, { name: PAGE_IDS_PORT });
  const noTopAnswer = setTimeout(update, TOP_ANSWER_WAIT_MS);
  port.onMessage.addListener((answer: unknown) => {
    answered = true;
    const { top, ids } = (answer ?? {}) as { top?: unknown; ids?: unknown };
    if (!Array.isArray(ids)) return;
    const valid = ids.filter(
      (id): id is string => typeof id === 'string' && !!parseCardSubject(id),
    );
    if (top === true) {
      fromTop = valid;
      clearTimeout(noTopAnswer);
    } else fromFrames.push(...valid);
    if (fromTop) update();
  });
  // At once when nothing on the tab answers the port.
  port.onDisconnect.addListener(() => {
    clearTimeout(noTopAnswer);
    if (!answered && waitsLeft > 0) {
      setTimeout(() => watchPageIds(tabId, show, undefined, waitsLeft - 1), STARTING_RETRY_MS);
      return;
    }
    if (answered || !start) return update();
    void start.start().then((started) => {
      if (started) return watchPageIds(tabId, show, undefined, STARTING_RETRIES);
      update();
      start.notRunning();
    });
  });
}
