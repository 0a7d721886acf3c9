import type { BrowserContext, Frame, Page } from 'playwright-core';
import { HELPDESK_ORIGIN } from '../support/extension-browser';

/** A helpdesk ticket served as acme.zendesk.com, with the extension's card when one is open. */
export class TicketPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, path = '/ticket.html') {
    const page = await context.newPage();
    await page.goto(`${HELPDESK_ORIGIN}${path}`);
    const ticket = new TicketPage(page);
    await ticket.waitForMarks();
    return ticket;
  }

  /** The content script has scanned the page once its highlight holds ranges. */
  async waitForMarks() {
    await this.page.waitForFunction(
      () => (CSS.highlights.get('stripe-helpdesk-actions-id')?.size ?? 0) > 0,
    );
  }

  markCount() {
    return this.page.evaluate(() => CSS.highlights.get('stripe-helpdesk-actions-id')?.size ?? 0);
  }

  /**
   * Where the first occurrence of `text` is on screen, looking through open shadow roots and
   * same-origin frames the way a person's eyes would.
   */
  async locateText(text: string, withinSelector?: string): Promise<{ x: number; y: number }> {
    // No named functions inside: tsx (used by `npm run demo`) would wrap them in a helper
    // the page does not have.
    return this.page.evaluate(
      ([wanted, within]) => {
        const start = (within && document.querySelector(within)) || document;
        const stack: Array<{ root: Node; dx: number; dy: number }> = [
          { root: start, dx: 0, dy: 0 },
        ];
        while (stack.length) {
          const { root, dx, dy } = stack.shift()!;
          // Frames have their own Document class, so ask the node what it is.
          const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
            root,
            NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
          );
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.nodeType === Node.TEXT_NODE) {
              const data = (node as Text).data;
              const at = data.indexOf(wanted);
              if (at < 0) continue;
              const range = node.ownerDocument!.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + wanted.length);
              const rect = range.getClientRects()[0]!;
              return {
                x: dx + rect.left + Math.min(rect.width / 2, 40),
                y: dy + rect.top + rect.height / 2,
              };
            }
            const element = node as Element;
            if (element.shadowRoot) stack.push({ root: element.shadowRoot, dx, dy });
            const frame = element.tagName === 'IFRAME' ? (element as HTMLIFrameElement) : null;
            if (frame?.contentDocument) {
              const box = frame.getBoundingClientRect();
              stack.push({
                root: frame.contentDocument,
                dx: dx + box.left + frame.clientLeft,
                dy: dy + box.top + frame.clientTop,
              });
            }
          }
        }
        throw new Error(`No text ${wanted} on the page`);
      },
      [text, withinSelector] as const,
    );
  }

  /** Clicks the middle of the first occurrence of `text`, as a person would. */
  async clickText(text: string, withinSelector?: string) {
    const point = await this.locateText(text, withinSelector);
    await this.page.mouse.click(point.x, point.y);
  }

  /**
   * Clicks an ID and returns the card that opens for it. The card lives in a closed shadow
   * root, so it is found as a new frame whose URL is the card page.
   */
  async openCard(idText: string): Promise<Frame> {
    const isCard = (f: Frame) => f.url().includes('/card.html') && !f.isDetached();
    const before = new Set(this.page.frames().filter(isCard));
    const isNewCard = (f: Frame) => isCard(f) && !before.has(f);
    const opened = this.page.waitForEvent('framenavigated', {
      predicate: isNewCard,
      timeout: 5000,
    });
    await this.clickText(idText);
    const frame = await opened;
    await frame.waitForLoadState('domcontentloaded');
    return frame;
  }

  cardIsOpen() {
    return this.page.evaluate(() => document.querySelector('stripe-helpdesk-card') !== null);
  }
}
