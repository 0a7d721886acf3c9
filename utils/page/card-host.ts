/**
 * The one node the extension adds to a page: a host whose closed shadow root holds the card
 * iframe. The iframe is extension-origin, so the page can neither read nor click inside it.
 */
const CARD_WIDTH = 380;
const CARD_HEIGHT = 320;
const GAP = 6;
const MIN_HEIGHT = 120;

const important = (css: string) => css.replace(/;/g, ' !important;');

export interface CardHost {
  /** Opens the card in `doc`, next to `anchor` (in `doc`'s viewport coordinates). */
  open(cardUrl: string, doc: Document, anchor: DOMRect): void;
  /** Fits the frame to the card's content, within the viewport. */
  resize(height: number): void;
  close(): void;
  isOpen(): boolean;
}

export function createCardHost(): CardHost {
  let doc: Document = document;
  let host: HTMLElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  let anchorRect: DOMRect | null = null;
  let focusBefore: Element | null = null;
  // The page may rewrite the host's inline style, or restyle the root element around it, to
  // fade, move or shrink the card under a click: any such change closes the card. Our own
  // writes (placing, resizing) are taken out of the record at once.
  let tampering: MutationObserver | null = null;

  function close() {
    if (!host) return;
    tampering?.disconnect();
    tampering = null;
    doc.removeEventListener('keydown', closeOnEscape, true);
    host.remove();
    host = null;
    frame = null;
    anchorRect = null;
    if (focusBefore instanceof HTMLElement && focusBefore.isConnected)
      focusBefore.focus({ preventScroll: true });
    focusBefore = null;
  }
  // Escape on the page the card is drawn on closes it. That page is not always the one whose
  // script opened the card: a card for an ID in an email frame is drawn on the ticket.
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape') close();
  }

  function place(anchor: DOMRect, height: number) {
    const view = doc.defaultView!;
    const below = anchor.bottom + GAP + height <= view.innerHeight;
    const top = below ? anchor.bottom + GAP : Math.max(GAP, anchor.top - GAP - height);
    const left = Math.min(
      Math.max(GAP, anchor.left),
      Math.max(GAP, view.innerWidth - CARD_WIDTH - GAP),
    );
    return { top, left };
  }

  return {
    open(cardUrl, targetDoc, anchor) {
      close();
      doc = targetDoc;
      doc.addEventListener('keydown', closeOnEscape, true);
      focusBefore = doc.activeElement;
      anchorRect = anchor;
      const { top, left } = place(anchor, CARD_HEIGHT);
      host = doc.createElement('stripe-helpdesk-card');
      // !important inline styles outrank any rule the page writes, so it cannot hide,
      // fade or move the card to trick a click.
      host.style.cssText = important(
        `all: initial; position: fixed; z-index: 2147483647; top: ${top}px; left: ${left}px; opacity: 1; visibility: visible; display: block; transform: none; filter: none; pointer-events: auto;`,
      );
      const root = host.attachShadow({ mode: 'closed' });
      frame = doc.createElement('iframe');
      frame.src = cardUrl;
      frame.title = 'Stripe action card';
      frame.allow = 'clipboard-write';
      frame.style.cssText = important(
        `width: ${CARD_WIDTH}px; height: ${CARD_HEIGHT}px; border: 0; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.28); background: #fff; display: block; opacity: 1; visibility: visible;`,
      );
      const opened = frame;
      frame.addEventListener('load', () => opened.focus(), { once: true });
      root.append(frame);
      doc.documentElement.append(host);
      tampering = new MutationObserver(close);
      tampering.observe(host, { attributes: true });
      tampering.observe(doc.documentElement, { attributes: true });
    },
    resize(height) {
      if (!host || !frame || !anchorRect) return;
      const fitted = Math.max(MIN_HEIGHT, Math.min(height, doc.defaultView!.innerHeight - 2 * GAP));
      frame.style.setProperty('height', `${fitted}px`, 'important');
      const { top, left } = place(anchorRect, fitted);
      host.style.setProperty('top', `${top}px`, 'important');
      host.style.setProperty('left', `${left}px`, 'important');
      tampering?.takeRecords();
    },
    close,
    isOpen: () => host !== null,
  };
}
