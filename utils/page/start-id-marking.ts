import type { BackgroundToContentMessage, ContentScriptRequest } from '../messaging/protocol';
import { PAGE_IDS_PORT, type PageIdsAnswer } from '../messaging/page-ids';
import type { Reply } from '../messaging/reply';
import { parseCardSubject } from '../card-subject';
import { EMAIL_MARKER } from '../email-grammar';
import { loadCardCode, type CardCodeModule } from './card-code';
import type { CardHost } from './card-host';
import { idAtPoint } from './hit-test';
import { sortInReadingOrder } from './composed-order';
import { liveRangeFor, type IdMatch, type MarkingOptions } from './id-index';
import { matchesInFrames } from './frame-matches';
import { focusHighlightOf, startPageMarker } from './page-marker';
import {
  extensionIsLoaded,
  cardFrameOrigin,
  extensionUrl,
  onExtensionMessage,
  onExtensionPort,
  sendToBackground,
} from './extension-runtime';
import { markingOptions } from './marking-options';
import { organisationAllowsThisSite } from './organisation-allows';
import { createPointerCursor } from './pointer-cursor';

/** By node type, not instanceof: an email frame's elements come from another window. */
const isEditable = (target: EventTarget | null) => {
  const element = target as HTMLElement | null;
  return (
    element?.nodeType === Node.ELEMENT_NODE &&
    (element.isContentEditable ||
      element.tagName === 'INPUT' ||
      element.tagName === 'TEXTAREA' ||
      element.tagName === 'SELECT')
  );
};

/** Editors are for typing, and links keep working as links when the ID is only in the href. */
const opensOnClick = (match: IdMatch) =>
  !match.fromHref && !(match.node.parentElement?.isContentEditable ?? false);

/**
 * Marks Stripe IDs on the page and opens a card when one is clicked or chosen from the
 * keyboard. Reads the page, never writes to it: the only node added is the card host, and
 * only once a card has been opened (from then on a hidden one waits with the next card's
 * frame).
 */
export function startIdMarking(
  doc: Document,
  lifetime: AbortSignal,
  options: MarkingOptions,
  /**
   * What the background says to mark. Marking starts before it answers, with `options`:
   * a page is marked without waiting on the background, and an address opens nothing until
   * the answer has said addresses are marked.
   */
  confirmed: Promise<MarkingOptions> = Promise.resolve(options),
): void {
  // Once its extension is gone (updated, disabled, removed), this copy stops: marks that
  // no longer open anything would mislead the agent. Chrome gives no event for it, so it is
  // checked when the agent comes back to the tab or reaches for an ID.
  const cutOff = new AbortController();
  // Set when what is marked changes: this run ends, and one with the new options starts.
  const replaced = new AbortController();
  const signal = AbortSignal.any([lifetime, cutOff.signal, replaced.signal]);
  const extensionGone = () => {
    if (extensionIsLoaded()) return false;
    cutOff.abort();
    return true;
  };
  const view = doc.defaultView!;
  // Cards are drawn on the top document: a framed email's script makes no frame ahead of need.
  const ownsCards = view === view.top;
  // Made once the card code has loaded (see card-code.ts): until then no card is open.
  let cardHost: CardHost | null = null;
  const cardCode = (): Promise<CardCodeModule> =>
    loadCardCode().then((code) => {
      if (!cardHost && !signal.aborted)
        cardHost = code.createCardHost(extensionUrl('/card.html'), {
          cardOrigin: cardFrameOrigin(),
          spares: ownsCards,
        });
      return code;
    });
  /** The agent reaches for a mark: the card code loads now, so the card opens at once. */
  const prepareCardCode = () => void cardCode().catch(() => extensionGone());
  // A single-page app moving to another ticket changes its address and its DOM together: a
  // card left open would act for a ticket no longer on screen. Checked when the DOM changes
  // and on history moves, so no timer runs.
  let cardOpenedAt = '';
  const closeCardIfAddressMoved = () => {
    if (cardHost?.isOpen() && view.location.href !== cardOpenedAt) cardHost.close();
  };
  const marker = startPageMarker(doc, signal, closeCardIfAddressMoved, options);
  if (!marker) return; // No CSS Custom Highlight API in this browser.
  const { index, focusHighlight, shadowRoots } = marker;
  const cursor = createPointerCursor();
  let focused: IdMatch | null = null;
  signal.addEventListener('abort', () => {
    cardHost?.dispose();
    cursor.set(null);
  });

  const hitTest = (x: number, y: number) => idAtPoint(index, doc, x, y, shadowRoots);
  const listen = { capture: true, signal } as const;

  view.addEventListener('popstate', closeCardIfAddressMoved, { signal });
  view.addEventListener('hashchange', closeCardIfAddressMoved, { signal });
  // A frame that goes away (an email the app replaced) takes the card it placed along: once
  // its document is gone, nothing could close that card.
  view.addEventListener('pagehide', () => cardHost?.close(), { signal });
  doc.addEventListener('visibilitychange', () => doc.hidden || extensionGone(), { signal });

  /** The ID under the pointer that a click would open; the agent reaches for it. */
  const reachedFor = (event: PointerEvent) => {
    const match = hitTest(event.clientX, event.clientY);
    if (!match || !opensOnClick(match)) return null;
    prepareCardCode();
    return match;
  };
  let pointerFrame = 0;
  doc.addEventListener(
    'pointermove',
    (event) => {
      if (pointerFrame) return;
      pointerFrame = requestAnimationFrame(() => {
        pointerFrame = 0;
        if (!extensionGone()) cursor.set(reachedFor(event));
      });
    },
    { ...listen, passive: true },
  );
  // A click that comes without the pointer resting on the ID first: the card code starts
  // loading as the button goes down, not as it comes up.
  doc.addEventListener(
    'pointerdown',
    (event) => void (event.isTrusted && !extensionGone() && reachedFor(event)),
    { ...listen, passive: true },
  );

  doc.addEventListener(
    'click',
    (event) => {
      // Only a real click by the agent opens a card; pages can dispatch synthetic ones.
      if (
        !event.isTrusted ||
        event.button !== 0 ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        event.shiftKey
      )
        return;
      if (!doc.getSelection()?.isCollapsed) return; // The agent is selecting text.
      if (extensionGone()) return; // The click is the page's again.
      const match = hitTest(event.clientX, event.clientY);
      if (!match || !opensOnClick(match)) return;
      event.preventDefault();
      void openCard(match.id, doc, liveRangeFor(match).getBoundingClientRect());
    },
    listen,
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (extensionGone()) return;
    // With a card open, Escape is the card host's: it closes the card.
    if (event.key === 'Escape') {
      if (!cardHost?.isOpen()) setFocus(null);
    } else if (event.key === 'Enter' && focused && event.isTrusted && !isEditable(event.target)) {
      event.preventDefault();
      const at = focused.node.ownerDocument!;
      void openCard(focused.id, at, liveRangeFor(focused).getBoundingClientRect());
    }
  };
  doc.addEventListener('keydown', onKeyDown, listen);
  // The agent may have clicked into the email the focus mark is in: keys then go to it.
  const framesListenedTo = new WeakSet<Document>();
  const listenToFrame = (frameDoc: Document) => {
    if (frameDoc === doc || framesListenedTo.has(frameDoc)) return;
    framesListenedTo.add(frameDoc);
    frameDoc.addEventListener('keydown', onKeyDown, listen);
  };

  let focusShownIn: Highlight | null = null;
  function setFocus(match: IdMatch | null) {
    focused = match;
    focusShownIn?.clear();
    focusShownIn = null;
    if (!match) return;
    prepareCardCode();
    const at = match.node.ownerDocument!;
    focusShownIn = at === doc ? focusHighlight : focusHighlightOf(at);
    focusShownIn?.add(match.range);
    listenToFrame(at);
    match.node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }

  /** Every ID the agent can see: the ticket's, then its emails' in place. */
  function navigableMatches(): IdMatch[] {
    const inFrames = matchesInFrames([doc, ...shadowRoots], signal);
    const own = index.inReadingOrder();
    return inFrames.length ? sortInReadingOrder([...own, ...inFrames], (m) => m.node) : own;
  }

  function move(direction: 1 | -1) {
    const all = navigableMatches();
    if (!all.length) return;
    // Frames' IDs are read afresh each time: a match is known by where it is.
    const at = focused
      ? all.findIndex((m) => m.node === focused!.node && m.start === focused!.start)
      : -1;
    const next =
      at < 0 ? (direction === 1 ? 0 : all.length - 1) : (at + direction + all.length) % all.length;
    setFocus(all[next]!);
  }

  function openSelected() {
    const selection = doc.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!parseCardSubject(text) || !selection?.rangeCount) return;
    void openCard(text, doc, selection.getRangeAt(0).getBoundingClientRect());
  }

  onExtensionMessage((message) => {
    const typed = message as BackgroundToContentMessage | null;
    switch (typed?.type) {
      case 'content.closeCard':
        return void cardHost?.close();
      case 'content.moveCard':
        return void cardHost?.moveBy(
          String(typed.token),
          String(typed.drag),
          Number(typed.dx),
          Number(typed.dy),
        );
      case 'content.howIsCardDrawn':
        // Read at once: the answer is what is drawn as the agent presses Confirm.
        return Promise.resolve(
          typeof typed.token === 'string'
            ? (cardHost?.howIsCardDrawn(typed.token) ?? { drawn: 'not-here' })
            : null,
        );
      case 'content.navigate':
        return void move(typed.direction === -1 ? -1 : 1);
      case 'content.openSelected':
        return void openSelected();
      case 'content.stop':
        return void cutOff.abort();
      case 'content.marking':
        if (typeof typed.emails === 'boolean') remark({ ...options, emails: typed.emails });
        return;
      case 'content.policyChanged':
        return void Promise.all([organisationAllowsThisSite(self.origin), markingOptions()]).then(
          ([allowed, marking]) => (allowed ? remark(marking) : cutOff.abort()),
        );
    }
  }, signal);

  let emailsConfirmed = false;
  void confirmed.then((answer) => {
    if (sameMarking(answer, options)) emailsConfirmed = options.emails;
    else remark(answer);
  });

  // A run that ends takes its listener along; the run replacing it listens at once.
  onExtensionPort(
    PAGE_IDS_PORT,
    (port) => {
      const answer: PageIdsAnswer = {
        top: view === view.top,
        ids: [...new Set(index.inReadingOrder().map((m) => m.id))],
      };
      // Left open: in Chromium, one frame disconnecting closes the port for all of them.
      port.postMessage(answer);
    },
    signal,
  );

  /** Marks again with `changed`, when it changes what is marked. */
  function remark(changed: MarkingOptions) {
    if (signal.aborted || sameMarking(changed, options)) return;
    replaced.abort();
    startIdMarking(doc, lifetime, changed);
  }

  /** `anchor` is in the viewport of `anchorDoc`, the document the ID is in. */
  async function openCard(objectId: string, anchorDoc: Document, anchor: DOMRect) {
    if (objectId.includes(EMAIL_MARKER) && !emailsConfirmed) return;
    const request: ContentScriptRequest = { type: 'page.openCard', objectId };
    let reply: Reply<{ token: string }> | undefined;
    let code: CardCodeModule;
    try {
      // The card code loads alongside the grant, if pointing at the mark has not loaded it.
      [reply, code] = await Promise.all([
        sendToBackground(request) as Promise<typeof reply>,
        cardCode(),
      ]);
    } catch {
      extensionGone(); // Gone between the click and the message; otherwise a lost answer.
      return;
    }
    if (!reply?.ok || signal.aborted || !cardHost) return;
    const placed = code.cardDocumentFor(anchorDoc, anchor);
    cardOpenedAt = view.location.href;
    cardHost.open(reply.value.token, placed.doc, placed.rect);
  }
}

/** Whether two marking options mark the same: addresses or not, and the same ones skipped. */
const sameMarking = (a: MarkingOptions, b: MarkingOptions) =>
  a.emails === b.emails && String(a.skip ?? []) === String(b.skip ?? []);
