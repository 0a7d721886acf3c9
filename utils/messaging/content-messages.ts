/** Sent by the background to a content script. */
export type BackgroundToContentMessage =
  | { type: 'content.closeCard' }
  /** The agent drags the card of `token` by (dx, dy) pixels. */
  | { type: 'content.moveCard'; token: string; drag: string; dx: number; dy: number }
  /**
   * Asked as the agent presses Confirm and again before it acts: how the page draws the card
   * of `token`. The answer is a `CardDrawing`, sent back on the same message, which only the
   * extension's own scripts can answer.
   */
  | { type: 'content.howIsCardDrawn'; token: string }
  | { type: 'content.navigate'; direction: 1 | -1 }
  | { type: 'content.openSelected' }
  /** The agent disabled the site: the content script stops in open tabs, marks and all. */
  | { type: 'content.stop' }
  /** What is marked changed (email addresses on or off): marking starts again with it. */
  | { type: 'content.marking'; emails: boolean }
  /**
   * The organisation's policy changed: the content script asks again whether it may run on
   * its site, and what to mark. Its tab's address is its own to know; the background may not
   * see the built-in helpdesks' addresses.
   */
  | { type: 'content.policyChanged' };

/** A visual effect the page's styles can lay on the card, or on an element around it. */
export type PageEffect = 'mask' | 'clip-path' | 'filter' | 'opacity' | 'transform' | 'blend-mode';

/** How the page draws a card, as its content script reads it. */
export type CardDrawing =
  /** In the top layer, with nothing around it that could hide part of it. */
  | { drawn: 'plainly' }
  /** Through an effect on the page's root element, on an element around the card, or on it. */
  | { drawn: 'through'; effect: PageEffect; on: 'root' | 'ancestor' | 'card' }
  /** Out of the top layer (the page hid it there): the page's styles around it reach it. */
  | { drawn: 'out-of-top-layer' }
  /** In a frame of another origin's page, which can restyle the frame where we cannot read. */
  | { drawn: 'in-foreign-frame' }
  /** No card of that token is open from this frame. */
  | { drawn: 'not-here' };
