import type { IdIndex, IdMatch } from './id-index';

interface CaretPosition {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): CaretPosition | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // Chromium before 128 and Safari have only the older, non-standard call.
  const legacy = (
    doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/**
 * The ID under the pointer. The caret lookup finds the nearest text even when the pointer is
 * beside it, so the match's own boxes confirm the point is really on the ID.
 */
export function idAtPoint(index: IdIndex, doc: Document, x: number, y: number): IdMatch | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  const match = index.matchAt(caret.node, caret.offset);
  if (!match) return null;
  for (const rect of match.range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return match;
  }
  return null;
}
