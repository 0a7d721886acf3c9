import { frameElementOf } from './frame-element';

/**
 * Where to draw the card for an ID inside a frame: in the topmost same-origin document, so a
 * small email iframe does not clip it, with the rectangle moved into that document's viewport.
 */
export function cardDocumentFor(doc: Document, rect: DOMRect): { doc: Document; rect: DOMRect } {
  let x = rect.left;
  let y = rect.top;
  let target = doc;
  for (let frame = frameElementOf(target); frame; frame = frameElementOf(target)) {
    const frameRect = frame.getBoundingClientRect();
    x += frameRect.left + frame.clientLeft;
    y += frameRect.top + frame.clientTop;
    target = frame.ownerDocument;
  }
  return { doc: target, rect: new DOMRect(x, y, rect.width, rect.height) };
}
