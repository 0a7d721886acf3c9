import type { BrowserContext, Frame, Page } from 'playwright-core';
import { HELPDESK_ORIGIN } from '../support/extension-browser';
import { locateTextOnScreen } from './locate-text';

/** A helpdesk ticket served as acme.zendesk.com, with the extension's card when one is open. */
/** A card frame that holds a grant: its address carries the token. A spare has none. */
export const holdsCardGrant = (frame: Frame) =>
  /\/card\.html#(?!spare-)/.test(frame.url()) && !frame.isDetached();

/**
 * Counts the cards on screen, run in the page: the hidden spare frame made ahead of need
 * is not one.
 */
export const SHOWN_CARDS = () =>
  [...document.querySelectorAll('stripe-helpdesk-card')].filter(
    (host) => getComputedStyle(host).visibility === 'visible',
  ).length;

/** True when no card is on screen, run in the page (see SHOWN_CARDS). */
export const NO_CARD_SHOWN = () =>
  ![...document.querySelectorAll('stripe-helpdesk-card')].some(
    (host) => getComputedStyle(host).visibility === 'visible',
  );

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

  /** The content script has stopped: it took its highlight out of the page's registry. */
  async waitForMarksGone() {
    await this.page.waitForFunction(() => !CSS.highlights.has('stripe-helpdesk-actions-id'));
  }

  /** Clicks `text` as a person would and reports whether, half a second later, no card is open. */
  async clickOpensNoCard(text: string): Promise<boolean> {
    await this.clickText(text);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return !(await this.cardIsOpen());
  }

  markCount() {
    return this.page.evaluate(() => CSS.highlights.get('stripe-helpdesk-actions-id')?.size ?? 0);
  }

  /** The text of each mark shown in the top document, in the highlight's order. */
  markedTexts() {
    return this.page.evaluate(() =>
      [...(CSS.highlights.get('stripe-helpdesk-actions-id') ?? [])].map((range) =>
        (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
      ),
    );
  }

  /**
   * Where the first occurrence of `text` is on screen, looking through open shadow roots and
   * same-origin frames the way a person's eyes would.
   */
  locateText(text: string, withinSelector?: string): Promise<{ x: number; y: number }> {
    return this.page.evaluate(locateTextOnScreen, [text, withinSelector] as const);
  }

  /** Clicks the middle of the first occurrence of `text`, as a person would. */
  async clickText(text: string, withinSelector?: string) {
    const point = await this.locateText(text, withinSelector);
    await this.page.mouse.click(point.x, point.y);
  }

  /**
   * Clicks an ID (inside `withinSelector`, if given) and returns the card that opens for it.
   * The card lives in a closed shadow root, so it is found as a new frame whose URL is the
   * card page.
   */
  /**
   * Clicks an ID and returns its card's frame: the frame that comes to hold a grant (a
   * token in its address), whether made for this click or waiting hidden ahead of need.
   */
  async openCard(idText: string, withinSelector?: string): Promise<Frame> {
    const before = new Map(this.page.frames().map((f) => [f, f.url()]));
    const isNewCard = (f: Frame) => holdsCardGrant(f) && before.get(f) !== f.url();
    const opened = this.page.waitForEvent('framenavigated', {
      predicate: isNewCard,
      timeout: 5000,
    });
    await this.clickText(idText, withinSelector);
    const frame = await opened;
    await frame.waitForLoadState('domcontentloaded');
    return frame;
  }

  /** Where the shown card's frame is on the page, in whole pixels. */
  cardPlace() {
    return this.page.evaluate(() => {
      const host = [...document.querySelectorAll('stripe-helpdesk-card')].find(
        (h) => getComputedStyle(h).visibility === 'visible',
      );
      if (!host) throw new Error('No card is shown.');
      const rect = host.getBoundingClientRect();
      return { top: Math.round(rect.top), left: Math.round(rect.left) };
    });
  }

  cardIsOpen() {
    return this.page.evaluate(SHOWN_CARDS).then((shown) => shown > 0);
  }
}
