/**
 * A node's parent element, or, for a node placed directly in a shadow root, its host: the
 * element the node's text inherits its style from and is laid out in.
 */
export function elementAbove(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === Node.ELEMENT_NODE) return parent as Element;
  return (parent as ShadowRoot).host ?? null;
}
