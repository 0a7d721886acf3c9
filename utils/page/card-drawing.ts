import type { CardDrawing, PageEffect } from '../messaging/content-messages';

/**
 * Whether the page can disguise the card around Confirm. A page restyles what is around the
 * card by stylesheet rules too, which change no attribute (so the card does not close), and
 * Chromium's visibility check does not count masks; Firefox has no such check at all. So,
 * as the agent presses Confirm and again before it acts, the content script reads what the
 * card is drawn through: what the browser really draws, not what the page says.
 *
 * The card is in the top layer, which the root's effects do not reach in Chromium, and
 * reach in Firefox only by `filter`. Any of them is still refused on the root and on every
 * element around the card: a page that masks, filters or moves itself while a payments card
 * is open is not one to confirm on, and the top layer is the browser's promise, not ours.
 * `<body>` is not read: the card's host hangs from the root, so nothing on the body is
 * around it, and a page that moves the host into the body makes the body one of its
 * ancestors, which are read.
 */

/** Each effect, and whether a computed style has it. Unknown properties read as ''. */
const EFFECTS: ReadonlyArray<[PageEffect, (style: CSSStyleDeclaration) => boolean]> = [
  [
    'mask',
    (style) =>
      ['mask-image', '-webkit-mask-image', 'mask-border-source', '-webkit-mask-box-image-source']
        .map((property) => style.getPropertyValue(property))
        .some((value) => value !== '' && value !== 'none'),
  ],
  ['clip-path', (style) => isSet(style.getPropertyValue('clip-path'), 'none')],
  ['filter', (style) => isSet(style.getPropertyValue('filter'), 'none')],
  ['opacity', (style) => Number(style.getPropertyValue('opacity') || '1') < 1],
  [
    'transform',
    (style) =>
      ['transform', 'translate', 'rotate', 'scale'].some((property) =>
        isSet(style.getPropertyValue(property), 'none'),
      ),
  ],
  ['blend-mode', (style) => isSet(style.getPropertyValue('mix-blend-mode'), 'normal')],
];

const isSet = (value: string, initial: string) => value !== '' && value !== initial;

/** The first effect the style has, in the order above. */
function effectIn(style: CSSStyleDeclaration): PageEffect | null {
  return EFFECTS.find(([, has]) => has(style))?.[0] ?? null;
}

/** The element `element` is drawn inside: its parent, or a shadow root's host. */
function drawnInside(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Whether this browser has the top layer for popovers (Chrome 114, Firefox 125). */
export const hasTopLayer = (element: HTMLElement) => typeof element.showPopover === 'function';

/**
 * How the page draws the card whose host is `host`. The host's own styles are ours (inline
 * and `!important`), but it is read like the rest: the browser's word is what counts.
 */
export function howCardIsDrawn(host: HTMLElement): CardDrawing {
  const view = host.ownerDocument.defaultView;
  if (!view || !host.isConnected) return { drawn: 'not-here' };
  // The card is drawn in the topmost document of its origin (see cardDocumentFor): below
  // the top, the page around that document is another origin's, and styles the frame where
  // nothing here can read them.
  if (view !== view.top) return { drawn: 'in-foreign-frame' };
  if (hasTopLayer(host) && !host.matches(':popover-open')) return { drawn: 'out-of-top-layer' };
  const root = host.ownerDocument.documentElement;
  for (let element: Element | null = host; element; element = drawnInside(element)) {
    const effect = effectIn(view.getComputedStyle(element));
    if (effect)
      return {
        drawn: 'through',
        effect,
        on: element === host ? 'card' : element === root ? 'root' : 'ancestor',
      };
  }
  return { drawn: 'plainly' };
}
