import { frameElementOf } from './frame-element';

/**
 * Reading order across shadow roots and same-origin frames, as the agent sees the page.
 * `compareDocumentPosition` alone ranks nodes in different trees arbitrarily (it only keeps
 * them apart), which would send the keyboard from a shadow root or an email to the end of the
 * ticket and back.
 */

/** The node, preceded by the shadow host or frame element standing for each tree around it. */
function treePath(node: Node): Node[] {
  const path = [node];
  for (let current = node; ;) {
    const root = current.getRootNode();
    let standIn: Node | null = null;
    if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root)
      standIn = (root as ShadowRoot).host;
    else if (root.nodeType === Node.DOCUMENT_NODE) standIn = frameElementOf(root as Document);
    if (!standIn) return path;
    path.unshift(standIn);
    current = standIn;
  }
}

/**
 * Sorts `items` by where their nodes are in reading order, each node's trees worked out once.
 * Items of one node keep their order.
 */
export function sortInReadingOrder<T>(items: Iterable<T>, nodeOf: (item: T) => Node): T[] {
  const withPaths = [...items].map((item) => ({ item, path: treePath(nodeOf(item)) }));
  withPaths.sort((a, b) => comparePaths(a.path, b.path));
  return withPaths.map(({ item }) => item);
}

function comparePaths(pathA: Node[], pathB: Node[]): number {
  let depth = 0;
  while (depth < pathA.length - 1 && depth < pathB.length - 1 && pathA[depth] === pathB[depth])
    depth++;
  // Both are now in one tree: the same document or shadow root.
  const here = pathA[depth]!;
  const there = pathB[depth]!;
  if (here === there) return pathA.length - pathB.length; // A host before what it holds.
  return here.compareDocumentPosition(there) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
