import { liveRangeFor, type IdIndex, type IdMatch } from './id-index';

interface CaretPosition {
  node: Node;
  offset: number;
}

type CaretOptions = { shadowRoots?: ShadowRoot[] };

function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): CaretPosition | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    // Chromium 128+ reaches into the open shadow roots it is given.
    const position = (
      doc.caretPositionFromPoint as (
        x: number,
        y: number,
        options?: CaretOptions,
      ) => CaretPosition | null
    ).call(doc, x, y, { shadowRoots }) as { offsetNode: Node; offset: number } | null;
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // Older Chromium and Safari have only the non-standard call.
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
export function idAtPoint(
  index: IdIndex,
  doc: Document,
  x: number,
  y: number,
  shadowRoots: Iterable<ShadowRoot> = [],
): IdMatch | null {
  const caret = caretAt(doc, x, y, [...shadowRoots]);
  if (!caret) return null;
  const match = index.matchAt(caret.node, caret.offset);
  if (!match) return null;
  for (const rect of liveRangeFor(match).getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return match;
  }
  return null;
}
