import { elementAbove } from './element-above';
import type { IdMatch } from './id-index';

/** Names the animation for anyone reading `document.getAnimations()`. */
const POINTER_CURSOR_ANIMATION_ID = 'stripe-helpdesk-actions-pointer';

/**
 * Shows the pointer cursor over an ID. `::highlight()` cannot set a cursor and the page's
 * elements are not ours to write to, so the element holding the ID runs a Web Animation of
 * `cursor` while the pointer is over the ID: no DOM change, and only that element (and what
 * inherits from it) is restyled. Switching a stylesheet instead restyles the whole document
 * each time, 20–60 ms on a 10,000-node ticket.
 */
export function createPointerCursor() {
  let current: { element: Element; animation: Animation } | null = null;
  return {
    set(match: IdMatch | null) {
      // An ID placed directly in a shadow root has no parent element: its host takes the cursor.
      const element = match ? elementAbove(match.node) : null;
      if (element === (current?.element ?? null)) return;
      current?.animation.cancel();
      current = null;
      if (!element) return;
      const animation = element.animate([{ cursor: 'pointer' }, { cursor: 'pointer' }], {
        duration: Infinity,
        id: POINTER_CURSOR_ANIMATION_ID,
      });
      current = { element, animation };
    },
  };
}
