/**
 * Runs in the page (any driver's `evaluate`): where the first occurrence of `wanted` is on
 * screen, looking through open shadow roots and same-origin frames the way a person's eyes
 * would. No named functions inside: tsx (used by `npm run demo`) would wrap them in a helper
 * the page does not have.
 */
export const locateTextOnScreen = ([wanted, within]: readonly [string, string | undefined]): {
  x: number;
  y: number;
} => {
  const start = (within && document.querySelector(within)) || document;
  const stack: Array<{ root: Node; dx: number; dy: number }> = [{ root: start, dx: 0, dy: 0 }];
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
};
