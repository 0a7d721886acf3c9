/**
 * The one node the extension adds to a page: a host whose closed shadow root holds the card
 * iframe. The iframe is extension-origin, so the page can neither read nor click inside it.
 * Once a card has been shown, a second, hidden host waits with the next card's frame.
 *
 * A shown card is a manual popover, so it is drawn in the top layer: above anything the page
 * draws but its own top-layer elements, and out of reach of the effects (masks, clip paths,
 * opacity, transforms; in Firefox not `filter`) the page lays on its root element.
 */
import type { CardDrawing } from '../messaging/content-messages';
import { newSpareNonce, SPARE_FRAGMENT_PREFIX, spareGrant } from '../messaging/spare-card';
import { hasTopLayer, howCardIsDrawn } from './card-drawing';

const CARD_WIDTH = 380;
/**
 * Every card's frame is this tall, whatever it shows, and its content scrolls inside: the
 * page can measure the frame, and a height fitted to the content told it what Stripe
 * answered (one customer for an address, several, or none). Tall enough for a customer's
 * or an invoice's card whole; a credit note's form scrolls.
 */
const CARD_HEIGHT = 540;
const GAP = 6;
const MIN_HEIGHT = 120;
/** Long enough for an open card to have drawn its object before the next frame loads. */
const SPARE_AFTER_OPEN_MS = 1500;

const important = (css: string) => css.replace(/;/g, ' !important;');

export interface CardHost {
  /**
   * Opens the card for `token` in `doc`, next to `anchor` (in `doc`'s viewport coordinates):
   * in the spare frame when one is ready there, else in a new one.
   */
  open(token: string, doc: Document, anchor: DOMRect): void;
  close(): void;
  /**
   * Puts the open card of `token` at (`dx`, `dy`) from where drag `drag` found it, kept in
   * the window: the agent drags it aside. Each move says the whole drag so far, so a move
   * lost or reordered on the way costs nothing once a later one lands. Where it is left is
   * where the next card of this tab opens.
   */
  moveBy(token: string, drag: string, dx: number, dy: number): void;
  /** How the page draws the open card of `token` (see card-drawing.ts). */
  howIsCardDrawn(token: string): CardDrawing;
  /** Closes the card and removes the spare: this copy of the script is stopping. */
  dispose(): void;
  isOpen(): boolean;
}

/**
 * A card frame made ahead of need, hidden and inert: it has loaded the card's code but holds
 * no grant and no Stripe data, and nothing can click or focus it. The next card opens in it
 * at once; each spare serves one card, then goes with it, so no card's document ever held
 * another object. Spares are made only once the page has shown a card (it learns nothing).
 */
interface Spare {
  doc: Document;
  host: HTMLElement;
  frame: HTMLIFrameElement;
  nonce: string;
  /** Loaded, its code listening: a grant posted any earlier would be lost. */
  loaded: boolean;
}

/** The host's fixed look: !important inline styles outrank any rule the page writes. */
const hostStyle = (top: number, left: number, shown: boolean) =>
  important(
    `all: initial; position: fixed; z-index: 2147483647; top: ${top}px; left: ${left}px; opacity: 1; visibility: ${shown ? 'visible' : 'hidden'}; display: block; transform: none; filter: none; pointer-events: ${shown ? 'auto' : 'none'};`,
  );
/**
 * Out of the top layer, the host is not drawn at all: a page that takes a shown card out
 * of it (`hidePopover()`) hides the card rather than drawing it where its styles reach.
 * An `!important` rule of the closed shadow root outranks every rule of the page, its
 * `!important` inline styles on the host included.
 */
const DRAWN_ONLY_IN_TOP_LAYER = ':host(:not(:popover-open)) { display: none !important; }';

const frameStyle = (shown: boolean, height = CARD_HEIGHT) =>
  important(
    `width: ${CARD_WIDTH}px; height: ${height}px; border: 0; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.28); background: #fff; display: block; opacity: 1; visibility: ${shown ? 'visible' : 'hidden'};`,
  );

/**
 * `cardPageUrl`: the card page's address, without a token; `cardOrigin`: the origin of the
 * document it loads. `spares`: whether this host makes frames ahead of need (only the top
 * document's script does, so one page has one spare).
 */
export function createCardHost(
  cardPageUrl: string,
  { cardOrigin, spares }: { cardOrigin: string; spares: boolean },
): CardHost {
  let doc: Document = document;
  let host: HTMLElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  /** The grant the open card holds: the content script answers for that card alone. */
  let shownToken: string | null = null;
  let focusBefore: Element | null = null;
  let spare: Spare | null = null;
  let spareTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  /** Where the open card is, and where the agent last dragged one to (null: by its ID). */
  let placedAt = { top: 0, left: 0, height: CARD_HEIGHT };
  let draggedTo: { top: number; left: number } | null = null;
  /** The drag under way, and where the card was when it began. */
  let dragging: { drag: string; top: number; left: number } | null = null;
  // The page may rewrite the host's inline style, or restyle the root element around it, to
  // fade, move or shrink the card under a click: any such change closes the card. The card
  // is placed and sized once, before it is watched, so every change is the page's.
  let tampering: MutationObserver | null = null;

  /** `thenSpare`: make the next card's frame, unless one waits already. */
  function close({ thenSpare } = { thenSpare: true }) {
    if (!host) return;
    const closedIn = doc;
    clearTimeout(spareTimer);
    tampering?.disconnect();
    tampering = null;
    doc.removeEventListener('keydown', closeOnEscape, true);
    // Focus goes back to where the agent was before the frame goes, not after.
    if (focusBefore instanceof HTMLElement && focusBefore.isConnected)
      focusBefore.focus({ preventScroll: true });
    focusBefore = null;
    host.remove();
    host = null;
    frame = null;
    shownToken = null;
    if (thenSpare && closedIn.defaultView) prepareSpare(closedIn);
  }

  /** A host with its frame, placed at `at` (a spare anywhere: it is hidden). */
  function makeFrame(
    targetDoc: Document,
    url: string,
    shown: boolean,
    at = { top: 0, left: 0, height: CARD_HEIGHT },
  ) {
    const newHost = targetDoc.createElement('stripe-helpdesk-card');
    newHost.style.cssText = hostStyle(at.top, at.left, shown);
    if (!shown) newHost.inert = true;
    // Set before the host is in the page: the page's observers see one node added, no more.
    if (hasTopLayer(newHost)) newHost.popover = 'manual';
    const root = newHost.attachShadow({ mode: 'closed' });
    const onlyInTopLayer = targetDoc.createElement('style');
    onlyInTopLayer.textContent = DRAWN_ONLY_IN_TOP_LAYER;
    root.append(onlyInTopLayer);
    const newFrame = targetDoc.createElement('iframe');
    newFrame.src = url;
    newFrame.title = 'Stripe action card';
    newFrame.allow = 'clipboard-write';
    newFrame.style.cssText = frameStyle(shown, at.height);
    root.append(newFrame);
    targetDoc.documentElement.append(newHost);
    return { host: newHost, frame: newFrame };
  }

  function prepareSpare(targetDoc: Document) {
    if (!spares || disposed || (spare?.doc === targetDoc && spare.host.isConnected)) return;
    spare?.host.remove();
    const nonce = newSpareNonce();
    const parts = makeFrame(targetDoc, `${cardPageUrl}#${SPARE_FRAGMENT_PREFIX}${nonce}`, false);
    const waiting: Spare = { doc: targetDoc, nonce, loaded: false, ...parts };
    waiting.frame.addEventListener('load', () => (waiting.loaded = true), { once: true });
    spare = waiting;
  }

  /**
   * The spare, if it is loaded and still where it was put. One still loading waits for the
   * next card; one the page moved is not used.
   */
  function takeSpare(targetDoc: Document) {
    const taken = spare;
    if (!taken || taken.doc !== targetDoc || !taken.loaded) return null;
    spare = null;
    if (taken.host.parentNode === targetDoc.documentElement) return taken;
    taken.host.remove();
    return null;
  }
  // Escape on the page the card is drawn on closes it. That page is not always the one whose
  // script opened the card: a card for an ID in an email frame is drawn on the ticket.
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape') close();
  }

  /**
   * Draws the shown host in the top layer. A page that takes it out again hides it (see
   * DRAWN_ONLY_IN_TOP_LAYER), and its card closes: Confirm also checks, as it is pressed.
   */
  function showInTopLayer(shown: HTMLElement) {
    if (!hasTopLayer(shown)) return;
    // A spare waits in the page, which may have meddled with it: it is made a popover again,
    // and if the page still keeps it from the top layer, it stays hidden.
    if (shown.popover !== 'manual') shown.popover = 'manual';
    try {
      if (!shown.matches(':popover-open')) shown.showPopover();
    } catch {
      // Hidden, so nothing to confirm on; the agent clicks the ID again.
    }
    shown.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState === 'closed' && shown === host) close();
    });
  }

  /** Where the card goes: below `anchor` if it fits, else above; as tall as the window allows. */
  function place(anchor: DOMRect) {
    const view = doc.defaultView!;
    // Depends on the window alone, which the page knows already.
    const height = Math.max(MIN_HEIGHT, Math.min(CARD_HEIGHT, view.innerHeight - 2 * GAP));
    if (draggedTo) return { ...keptInWindow(draggedTo.top, draggedTo.left, height), height };
    const below = anchor.bottom + GAP + height <= view.innerHeight;
    const top = below ? anchor.bottom + GAP : Math.max(GAP, anchor.top - GAP - height);
    const left = Math.min(
      Math.max(GAP, anchor.left),
      Math.max(GAP, view.innerWidth - CARD_WIDTH - GAP),
    );
    return { top, left, height };
  }

  /** A place for the card wholly inside the window (as far as the window is large enough). */
  function keptInWindow(top: number, left: number, height: number) {
    const view = doc.defaultView!;
    return {
      top: Math.round(Math.min(Math.max(GAP, top), Math.max(GAP, view.innerHeight - height - GAP))),
      left: Math.round(
        Math.min(Math.max(GAP, left), Math.max(GAP, view.innerWidth - CARD_WIDTH - GAP)),
      ),
    };
  }

  return {
    open(token, targetDoc, anchor) {
      close({ thenSpare: false });
      dragging = null;
      doc = targetDoc;
      doc.addEventListener('keydown', closeOnEscape, true);
      focusBefore = doc.activeElement;
      const at = place(anchor);
      placedAt = at;
      const ready = takeSpare(doc);
      if (ready) {
        ({ host, frame } = ready);
        // Written whole, so whatever the page did to the spare's style while it waited is gone.
        host.style.cssText = hostStyle(at.top, at.left, true);
        host.inert = false;
        frame.style.cssText = frameStyle(true, at.height);
        showInTopLayer(host);
        // Posted, not put in its address: a new address would load the page again.
        frame.contentWindow!.postMessage(spareGrant(ready.nonce, token), cardOrigin);
        frame.focus();
      } else {
        ({ host, frame } = makeFrame(doc, `${cardPageUrl}#${token}`, true, at));
        showInTopLayer(host);
        const opened = frame;
        frame.addEventListener('load', () => opened.focus(), { once: true });
      }
      shownToken = token;
      tampering = new MutationObserver(() => close());
      tampering.observe(host, { attributes: true });
      tampering.observe(doc.documentElement, { attributes: true });
      // The next card's frame loads once this one has shown its object, so that an ID
      // clicked while this card is open opens at once too.
      const openedIn = doc;
      spareTimer = setTimeout(() => prepareSpare(openedIn), SPARE_AFTER_OPEN_MS);
    },
    close,
    moveBy(token, drag, dx, dy) {
      if (!host || token !== shownToken || !Number.isFinite(dx) || !Number.isFinite(dy)) return;
      // Whatever the page changed before this move is still the page's: it closes the card.
      if (tampering?.takeRecords().length) return close();
      if (dragging?.drag !== drag) dragging = { drag, top: placedAt.top, left: placedAt.left };
      const to = keptInWindow(dragging.top + dy, dragging.left + dx, placedAt.height);
      placedAt = { ...placedAt, ...to };
      draggedTo = to;
      host.style.cssText = hostStyle(to.top, to.left, true);
      // Our own move, not the page's: the watch for tampering does not count it.
      tampering?.takeRecords();
    },
    howIsCardDrawn(token) {
      if (!host || token !== shownToken) return { drawn: 'not-here' };
      return howCardIsDrawn(host);
    },
    dispose() {
      disposed = true;
      close({ thenSpare: false });
      spare?.host.remove();
      spare = null;
    },
    isOpen: () => host !== null,
  };
}
