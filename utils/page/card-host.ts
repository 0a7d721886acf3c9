/**
 * The one node the extension adds to a page: a host whose closed shadow root holds the card
 * iframe. The iframe is extension-origin, so the page can neither read nor click inside it.
 */
const CARD_WIDTH = 380;
const CARD_HEIGHT = 320;
const GAP = 6;

export interface CardHost {
  open(cardUrl: string, anchor: DOMRect): void;
  close(): void;
  isOpen(): boolean;
}

export function createCardHost(doc: Document): CardHost {
  let host: HTMLElement | null = null;
  let focusBefore: Element | null = null;

  function place(anchor: DOMRect) {
    const view = doc.defaultView!;
    const below = anchor.bottom + GAP + CARD_HEIGHT <= view.innerHeight;
    const top = below ? anchor.bottom + GAP : Math.max(GAP, anchor.top - GAP - CARD_HEIGHT);
    const left = Math.min(
      Math.max(GAP, anchor.left),
      Math.max(GAP, view.innerWidth - CARD_WIDTH - GAP),
    );
    return { top, left };
  }

  return {
    open(cardUrl, anchor) {
      this.close();
      focusBefore = doc.activeElement;
      const { top, left } = place(anchor);
      host = doc.createElement('stripe-helpdesk-card');
      host.style.cssText = `all: initial; position: fixed; z-index: 2147483647; top: ${top}px; left: ${left}px;`;
      const root = host.attachShadow({ mode: 'closed' });
      const frame = doc.createElement('iframe');
      frame.src = cardUrl;
      frame.title = 'Stripe action card';
      frame.allow = 'clipboard-write';
      frame.style.cssText = `width: ${CARD_WIDTH}px; height: ${CARD_HEIGHT}px; border: 0; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.28); background: #fff; display: block;`;
      frame.addEventListener('load', () => frame.focus(), { once: true });
      root.append(frame);
      doc.documentElement.append(host);
    },
    close() {
      if (!host) return;
      host.remove();
      host = null;
      if (focusBefore instanceof HTMLElement && focusBefore.isConnected)
        focusBefore.focus({ preventScroll: true });
      focusBefore = null;
    },
    isOpen: () => host !== null,
  };
}
