/**
 * Runs in the page (any driver's `evaluate`): where the first occurrence of `wanted` is on
 * screen, looking through open shadow roots and same-origin frames the way a person's eyes
 * would. With `within`, only inside the first element that selector finds, itself looked for
 * through shadow roots and frames too: most fixtures show an ID in the light DOM before the
 * same ID in a shadow root or a frame. No named functions inside: tsx (used by
 * `npm run demo`) would wrap them in a helper the page does not have.
 */
export const locateTextOnScreen = ([wanted, within]: readonly [string, string | undefined]): {
  x: number;
  y: number;
} => {
  // Breadth first: a document, then the shadow roots and frames found in it, and so on.
  let queue: Array<{ root: Node; dx: number; dy: number }> = [{ root: document, dx: 0, dy: 0 }];
  let searching = !within;
  while (queue.length) {
    const { root, dx, dy } = queue.shift()!;
    // Frames have their own Document class, so ask the node what it is.
    const doc = root.ownerDocument ?? (root as Document);
    if (!searching) {
      const element = (root as ParentNode).querySelector?.(within!);
      if (element) {
        queue = [{ root: element, dx, dy }];
        searching = true;
        continue;
      }
    } else {
      const texts = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (
        let node = texts.nextNode() as Text | null;
        node;
        node = texts.nextNode() as Text | null
      ) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = doc.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rect = range.getClientRects()[0]!;
        return {
          x: dx + rect.left + Math.min(rect.width / 2, 40),
          y: dy + rect.top + rect.height / 2,
        };
      }
    }
    // What lies further in: shadow roots and frames, the root's own included.
    const elements = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node: Node | null = root; node; node = elements.nextNode()) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const element = node as Element;
      if (element.shadowRoot) queue.push({ root: element.shadowRoot, dx, dy });
      const frame = element.tagName === 'IFRAME' ? (element as HTMLIFrameElement) : null;
      if (frame?.contentDocument) {
        const box = frame.getBoundingClientRect();
        queue.push({
          root: frame.contentDocument,
          dx: dx + box.left + frame.clientLeft,
          dy: dy + box.top + frame.clientTop,
        });
      }
    }
  }
  throw new Error(
    within ? `No text ${wanted} in ${within} on the page` : `No text ${wanted} on the page`,
  );
};
