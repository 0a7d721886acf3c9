/** Unique to this extension, so no page or other extension styles our marks. */
export const HIGHLIGHT_NAME = 'stripe-helpdesk-actions-id';
export const FOCUS_HIGHLIGHT_NAME = 'stripe-helpdesk-actions-focus';

/**
 * The marks' look: a tint only. Anything that draws outside the text's box (an underline,
 * a shadow) makes Chromium recompute overflow for every marked node each time the page's
 * DOM changes: on a 10,000-node ticket with 5,000 IDs, each small change by the page cost
 * about 30 ms more per frame with an underline than without.
 */
export const MARKS_CSS = `
::highlight(${HIGHLIGHT_NAME}) {
  background-color: rgba(99, 91, 255, 0.22);
}
::highlight(${FOCUS_HIGHLIGHT_NAME}) {
  background-color: rgba(99, 91, 255, 0.45);
  color: #fff;
}`;

/**
 * The marks' stylesheet as the browser injects it with the content script, before the page
 * is first styled. A stylesheet added to a document later (even one that matches nothing)
 * makes the browser restyle every element: 50–100 ms on a 10,000-node ticket, more than
 * the whole scan. Open shadow roots, which document styles do not reach, adopt MARKS_CSS.
 */
export const MARKS_CSS_FILE = 'content-scripts/marks.css';
