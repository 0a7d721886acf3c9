/**
 * Where to draw the card for an ID inside a frame: in the topmost same-origin document, so a
 * small email iframe does not clip it, with the rectangle moved into that document's viewport.
 */
export function cardDocumentFor(doc: Document, rect: DOMRect): { doc: Document; rect: DOMRect } {
  let view = doc.defaultView;
  let x = rect.left;
  let y = rect.top;
  let target = doc;
  while (view && view !== view.top) {
    let frameElement: Element | null = null;
    try {
      frameElement = view.frameElement; // null, or throws, across origins.
    } catch {
      frameElement = null;
    }
    if (!frameElement) break;
    const frameRect = frameElement.getBoundingClientRect();
    x += frameRect.left + frameElement.clientLeft;
    y += frameRect.top + frameElement.clientTop;
    target = frameElement.ownerDocument;
    view = target.defaultView;
  }
  return { doc: target, rect: new DOMRect(x, y, rect.width, rect.height) };
}
