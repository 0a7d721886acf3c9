import { createEmailMatcher, EMAIL_MARKER, emailOfMailto } from '../email-grammar';
import { createStripeIdMatcher, ID_SEPARATOR } from '../stripe-id-grammar';
import { sortInReadingOrder } from './composed-order';

/** Where found marks go to be shown (VisibleMarks), or nowhere when only reading IDs. */
export interface MarkSink {
  add(range: StaticRange): void;
  delete(range: StaticRange): void;
}

export const NO_MARKS: MarkSink = { add() {}, delete() {} };

/** What is looked for besides Stripe IDs; the agent can turn email addresses off. */
export interface MarkingOptions {
  emails: boolean;
  /** The agent's own addresses, lower case: never marked. */
  skip?: readonly string[];
}

export const DEFAULT_MARKING: MarkingOptions = { emails: true };

/**
 * Where the Stripe IDs (and email addresses) on a page are, keyed by their text node, so a
 * pointer event is answered by one map lookup whatever their number. The page's DOM is only
 * read: the marks are a CSS Custom Highlight holding StaticRanges, which (unlike live Ranges)
 * cost the page nothing when it mutates; a text node that changes is simply read again.
 */
export interface IdMatch {
  node: Text;
  start: number;
  end: number;
  /** The Stripe ID or email address, as the page shows it. */
  id: string;
  range: StaticRange;
  /** Found in a link's href (e.g. a Dashboard URL) rather than in the text itself. */
  fromHref: boolean;
}

const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE']);

export class IdIndex {
  readonly byNode = new Map<Text, IdMatch[]>();
  private readonly matcher = createStripeIdMatcher();
  private readonly emailMatcher: RegExp | null;
  /**
   * Marks found but not yet shown. Adding to a Highlight makes the page repaint, so a scan
   * that runs over several slices shows its marks once, at the end, not once per slice.
   */
  private unshown: StaticRange[] = [];
  private matchCount = 0;

  constructor(
    private readonly marks: MarkSink,
    options: MarkingOptions = DEFAULT_MARKING,
  ) {
    this.emailMatcher = options.emails ? createEmailMatcher() : null;
    this.ownEmails = new Set(options.skip ?? []);
  }
  private readonly ownEmails: ReadonlySet<string>;

  /** Whether email addresses are looked for too: the scanner's filters must let them by. */
  get findsEmails(): boolean {
    return this.emailMatcher !== null;
  }

  /** How many IDs are on the page, shown or not. */
  get size(): number {
    return this.matchCount;
  }

  /** Re-reads one text node: drops its old matches and finds the current ones. */
  scanText(node: Text): void {
    if (this.byNode.has(node)) this.forget(node);
    // `length` is read without copying the text out of the DOM; most nodes stop here.
    if (node.length < 5) return;
    const data = node.data;
    const mayHoldId = data.includes(ID_SEPARATOR);
    const emails = this.emailMatcher && data.includes(EMAIL_MARKER) ? this.emailMatcher : null;
    if (!mayHoldId && !emails) return;
    const ids = mayHoldId ? matchesOf(this.matcher, data) : [];
    const addresses = emails
      ? matchesOf(emails, data).filter((a) => !this.ownEmails.has(a[0].toLowerCase()))
      : [];
    // Only now: most texts read hold neither, and asking for the parent costs as much.
    if (
      (!ids.length && !addresses.length) ||
      SKIPPED_PARENTS.has(node.parentElement?.tagName ?? '')
    )
      return;
    // An ID inside an address (cus_…@example.com) is part of the address.
    const all = addresses.length
      ? [...addresses, ...ids.filter((id) => !addresses.some((a) => overlap(a, id)))].sort(
          (a, b) => a.index - b.index,
        )
      : ids;
    const found: IdMatch[] = [];
    for (const m of all) {
      const end = m.index + m[0].length;
      const range = new StaticRange({
        startContainer: node,
        startOffset: m.index,
        endContainer: node,
        endOffset: end,
      });
      this.unshown.push(range);
      found.push({ node, start: m.index, end, id: m[0], range, fromHref: false });
    }
    this.byNode.set(node, found);
    this.matchCount += found.length;
  }

  /**
   * A link whose href names an ID its text does not show ("View in Stripe"): its first text
   * node stands for the ID, so the keyboard and the popup can reach it.
   */
  scanLink(anchor: HTMLAnchorElement): void {
    const href = anchor.getAttribute('href');
    if (!href) return;
    const id = this.emailMatcher
      ? (emailOfMailto(href) ?? idIn(this.matcher, href))
      : idIn(this.matcher, href);
    if (!id) return;
    const walker = anchor.ownerDocument.createTreeWalker(anchor, NodeFilter.SHOW_TEXT);
    for (
      let node = walker.nextNode() as Text | null;
      node;
      node = walker.nextNode() as Text | null
    ) {
      if (this.byNode.has(node)) return; // The text shows an ID already.
      if (!node.data.trim()) continue;
      const range = new StaticRange({
        startContainer: node,
        startOffset: 0,
        endContainer: node,
        endOffset: node.data.length,
      });
      this.unshown.push(range);
      this.byNode.set(node, [{ node, start: 0, end: node.data.length, id, range, fromHref: true }]);
      this.matchCount++;
      return;
    }
  }

  forget(node: Text): void {
    const matches = this.byNode.get(node);
    if (!matches) return;
    for (const match of matches) this.marks.delete(match.range);
    if (this.unshown.length) this.unshown = this.unshown.filter((r) => r.startContainer !== node);
    this.byNode.delete(node);
    this.matchCount -= matches.length;
  }

  get hasUnshownMarks(): boolean {
    return this.unshown.length > 0;
  }

  /** Shows up to `count` of the marks found and not yet shown; returns whether any are left. */
  showMarks(count: number): boolean {
    for (const range of this.unshown.splice(0, count)) this.marks.add(range);
    return this.unshown.length > 0;
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

  /**
   * All matches in reading order, shadow roots in place. Built on demand, for keyboard
   * navigation and the popup.
   */
  inReadingOrder(): IdMatch[] {
    const matches: IdMatch[] = [];
    for (const [node, ofNode] of this.byNode) if (node.isConnected) matches.push(...ofNode);
    return sortInReadingOrder(matches, (m) => m.node);
  }
}

/** A live Range for a match, made only when geometry is needed (a click, a scroll). */
export function liveRangeFor(match: IdMatch): Range {
  const range = match.node.ownerDocument.createRange();
  range.setStart(match.node, match.start);
  range.setEnd(match.node, Math.min(match.end, match.node.data.length));
  return range;
}

/** Every match of a global matcher in `data`, from the start. */
function matchesOf(matcher: RegExp, data: string): RegExpExecArray[] {
  matcher.lastIndex = 0;
  const found: RegExpExecArray[] = [];
  for (let m = matcher.exec(data); m; m = matcher.exec(data)) found.push(m);
  return found;
}

const overlap = (a: RegExpExecArray, b: RegExpExecArray) =>
  a.index < b.index + b[0].length && b.index < a.index + a[0].length;

/** The first Stripe ID in a link's address (a Dashboard URL), if it can hold one. */
function idIn(matcher: RegExp, href: string): string | null {
  if (!href.includes(ID_SEPARATOR)) return null;
  matcher.lastIndex = 0;
  return matcher.exec(href)?.[0] ?? null;
}
