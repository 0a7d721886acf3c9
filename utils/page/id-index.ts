import { createStripeIdMatcher } from '../stripe-id-grammar';

/**
 * Where the Stripe IDs on a page are, kept as live Ranges keyed by their text node, so a
 * pointer event is answered by one map lookup whatever the number of IDs. The page's DOM is
 * only read: marking is done by a CSS Custom Highlight that holds the same Ranges.
 */
export interface IdMatch {
  node: Text;
  start: number;
  end: number;
  id: string;
  range: Range;
}

/** Unique to this extension, so no page or other extension styles our marks. */
export const HIGHLIGHT_NAME = 'stripe-helpdesk-actions-id';

const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE']);

export class IdIndex {
  readonly byNode = new Map<Text, IdMatch[]>();
  private readonly matcher = createStripeIdMatcher();

  constructor(private readonly highlight: Highlight) {}

  /** Indexes every text node under `root` (the root itself may be a text node). */
  scanSubtree(root: Node): void {
    if (root.nodeType === Node.TEXT_NODE) {
      this.scanText(root as Text);
      return;
    }
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) this.scanText(node as Text);
  }

  /** Re-reads one text node: drops its old matches and finds the current ones. */
  scanText(node: Text): void {
    this.forget(node);
    const data = node.data;
    if (data.length < 5 || !data.includes('_')) return;
    const parent = node.parentElement;
    if (parent && SKIPPED_PARENTS.has(parent.tagName)) return;
    const matcher = this.matcher;
    matcher.lastIndex = 0;
    let found: IdMatch[] | undefined;
    for (let m = matcher.exec(data); m; m = matcher.exec(data)) {
      const range = new Range();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      this.highlight.add(range);
      (found ??= []).push({ node, start: m.index, end: m.index + m[0].length, id: m[0], range });
    }
    if (found) this.byNode.set(node, found);
  }

  forget(node: Text): void {
    const matches = this.byNode.get(node);
    if (!matches) return;
    for (const match of matches) this.highlight.delete(match.range);
    this.byNode.delete(node);
  }

  /** Drops matches whose text node has left the document. */
  forgetDisconnected(): void {
    for (const node of this.byNode.keys()) if (!node.isConnected) this.forget(node);
  }

  /** The match under a caret position, if any. */
  matchAt(node: Node, offset: number): IdMatch | null {
    const matches = this.byNode.get(node as Text);
    if (!matches) return null;
    return matches.find((m) => offset >= m.start && offset <= m.end) ?? null;
  }

  /** All matches in document order; used by keyboard navigation. */
  all(): IdMatch[] {
    return [...this.byNode.values()].flat();
  }
}
