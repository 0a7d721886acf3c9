import { EMAIL_MARKER } from '../email-grammar';
import { ID_SEPARATOR } from '../stripe-id-grammar';
import type { IdIndex } from './id-index';

/** Long enough to get work done in few slices, far under the 50 ms that makes a long task. */
const SLICE_MS = 12;

/**
 * At most this many elements go through one native search, so none makes a long task on a
 * huge page. Larger subtrees are searched in runs of their children. A search cannot stop
 * at the slice's end: with 10,000, one took 88 ms on a 50,000-node ticket when memory was
 * short (`npm run bench`, a load after a full GC), and slices ran 19–20 ms; with 4,000, the
 * worst of 20 such loads was 41 ms, slices 14–17 ms, and the total no higher.
 */
export const MAX_ELEMENTS_PER_PASS = 4_000;

/**
 * A subtree larger than this is read by walking its nodes in script instead. The searches'
 * test costs more per text node the larger the page (each test allocates in the DOM's own
 * heap, whose collections trace the whole DOM: our reading, not measured), while walking,
 * a wrapper and a string per text node, costs about the same per node at any size. In
 * `npm run bench`-like loads (script time, median of 7), searching against walking: 11 and
 * 23 ms at 11,000 elements, 32 and 37 ms at 22,000, 56 and 30 ms at 33,000, 83 and 37 ms at
 * 55,000. Taking turns with the searching scanner, the walking one came out even at 22,000
 * elements, and at 55,000 took 59 ms against 108 (median of 9).
 */
export const WALK_TEXT_ABOVE_ELEMENTS = 20_000;

/**
 * A subtree this small (a new message, a shadow root's few nodes) is walked too: a search's
 * fixed cost outweighs reading a few text nodes, and on a page whose first scan walked, the
 * first search also starts XPath up (0.3–0.8 ms in a probe). After a 50,000-node ticket was
 * walked, a batch of changes (a new message, 20 edited texts) took 1.40 ms with it searched
 * and 1.05 ms with it walked (medians of 9 and 15 loads; 0.92–1.04 ms where the scan searched).
 */
export const WALK_TEXT_UP_TO_ELEMENTS = 16;

/**
 * A subtree's text is read in native XPath searches over the nodes `roots` selects, for the
 * text nodes that can hold an ID (every prefix has an underscore) or an address (an `@`).
 * The page's other text nodes never reach the script: handing a node over (a wrapper, a
 * string for its text) is most of what walking a large page costs. `string()`, not `.`,
 * spares a node-set per node.
 */
const textSearch = (roots: string, emails: boolean) =>
  `${roots}/descendant-or-self::text()[contains(string(), "${ID_SEPARATOR}")${
    emails ? ` or contains(string(), "${EMAIL_MARKER}")` : ''
  }]`;

/**
 * Links whose address can hold an ID, or send mail. A selector, not an XPath search: on a
 * 50,000-node ticket with no such link the search took 8–11 ms, the selector 2.5–3 ms.
 */
const linkSelector = (emails: boolean) =>
  `a[href*="${ID_SEPARATOR}"]${emails ? ', a[href^="mailto:" i]' : ''}`;

type Work =
  | { text: Text }
  /**
   * `size`: its number of descendant elements, when already known. `linksCollected`: split
   * off a larger subtree whose links were collected whole. `whole`: queued for itself, not
   * split off a larger subtree, so its own walk looks for shadow roots.
   */
  | { subtree: Element | DocumentFragment; size?: number; linksCollected?: boolean; whole?: true }
  /** Element children `from`–`to` (1-based) of `parent`, `first` to `last` when split off. */
  | { parent: Element; first: Element; last: Element; from: number; to: number }
  | { search: Element; roots: string }
  | { found: XPathResult; next: number }
  /**
   * Every element of `root`, asked for an open shadow root (whose text the searches cannot
   * see), and every text node read too when the walker shows them. A TreeWalker, not an
   * XPath search: it stops and resumes between slices, and on a 50,000-node ticket it took
   * 15 ms where the searches took 36–42 ms.
   */
  | { walker: TreeWalker; root: Element };

/**
 * Runs `task` in a new task, after the page's own pending work. A message port, not
 * setTimeout(0), which browsers stretch to 4 ms once nested: that would pad every slice.
 */
const yieldChannel = new MessageChannel();
const yieldQueue: Array<() => void> = [];
yieldChannel.port1.addEventListener('message', () => yieldQueue.shift()?.());
yieldChannel.port1.start();
function yieldToPage(task: () => void) {
  yieldQueue.push(task);
  yieldChannel.port2.postMessage(null);
}

/** Items read between two looks at the clock. */
const BATCH = 64;
/** Elements asked for a shadow root between two looks at the clock: each is cheap. */
const WALK_BATCH = 512;

/**
 * Runs scanning in short slices: the first slice at once, the rest on later tasks, so a huge
 * ticket never blocks the page.
 */
export class ScanScheduler {
  private readonly queue: Work[] = [];
  private scheduled = false;
  private idleWaiters: Array<() => void> = [];
  readonly shadowRoots = new Set<ShadowRoot>();
  /** Time spent scanning so far, across all slices (for the benchmark). */
  busyMs = 0;
  private readonly linkSelector: string;

  constructor(
    private readonly index: IdIndex,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
    private readonly signal: AbortSignal,
    private readonly maxElementsPerPass = MAX_ELEMENTS_PER_PASS,
    private readonly walkBatch = WALK_BATCH,
    private readonly walkTextAbove = WALK_TEXT_ABOVE_ELEMENTS,
    private readonly walkTextUpTo = WALK_TEXT_UP_TO_ELEMENTS,
  ) {
    this.linkSelector = linkSelector(index.findsEmails);
  }

  enqueueSubtree(root: Node): void {
    this.queueNode(root);
    this.schedule();
  }

  private queueNode(node: Node) {
    if (node.nodeType === Node.TEXT_NODE) this.queue.push({ text: node as Text });
    else if (node.nodeType === Node.ELEMENT_NODE) {
      this.queue.push({ subtree: node as Element, whole: true });
    } else if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE)
      this.queue.push({ subtree: node as DocumentFragment });
  }

  private queueWalk(root: Element, readsText: boolean) {
    const show = readsText
      ? NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
      : NodeFilter.SHOW_ELEMENT;
    this.queue.push({ walker: root.ownerDocument.createTreeWalker(root, show), root });
  }

  /** Scans `root` to the end before returning: for a small document read on demand. */
  scanNow(root: Node): void {
    this.queueNode(root);
    while (this.runSlice(Infinity));
  }

  enqueueText(node: Text): void {
    this.queue.push({ text: node });
    this.schedule();
  }

  /** Resolves once everything queued so far is scanned and its marks shown. */
  whenIdle(): Promise<void> {
    if (!this.queue.length && !this.index.hasUnshownMarks) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Scans until the slice's time is up; returns whether work is left. */
  runSlice(budgetMs = SLICE_MS): boolean {
    const started = performance.now();
    const deadline = started + budgetMs;
    let steps = 0;
    while (this.queue.length) {
      const work = this.queue[0]!;
      if ('found' in work) {
        this.readFound(work);
        steps = BATCH;
      } else if ('walker' in work) {
        this.walkElements(work);
        steps = BATCH;
      } else {
        this.queue.shift();
        if ('text' in work) {
          if (work.text.isConnected) this.index.scanText(work.text);
          steps++;
        } else {
          if ('subtree' in work) this.expand(work);
          else if ('search' in work) this.search(work);
          else this.expandChildren(work);
          steps = BATCH;
        }
      }
      // Reading the clock costs too; look at it every few dozen items.
      if (steps >= BATCH) {
        steps = 0;
        if (performance.now() > deadline) break;
      }
    }
    let marksLeft = false;
    if (!this.queue.length) {
      this.flushLinks();
      // In batches too: each mark costs a little (an observed element), and 5,000 at once
      // made a task of 25–40 ms on a 50,000-node ticket, over 90 ms after a forced GC.
      do marksLeft = this.index.showMarks(BATCH);
      while (marksLeft && performance.now() <= deadline);
    }
    this.busyMs += performance.now() - started;
    const workLeft = this.queue.length > 0 || marksLeft;
    if (!workLeft) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
    return workLeft;
  }

  /**
   * Queues the searches over one subtree, or over runs of its children when it is large, or a
   * walk over its nodes when it is very large or very small.
   */
  private expand({ subtree: root, size: knownSize, linksCollected, whole }: SubtreeWork) {
    if (!root.isConnected) return;
    if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      // XPath takes no fragment (a shadow root) as its context: go through its children.
      this.enqueueEachChild(root);
      return;
    }
    const element = root as Element;
    if (!linksCollected) this.collectLinks(element);
    let size = knownSize;
    if (size === undefined) {
      // Counted natively, but no further than the limit: `item()`, not `[i]`, which counts
      // the whole collection first. On a 55,000-element page, in fresh loads: 1.7 ms for
      // `item(20_000)`, 7.2 ms for `[20_000]`, 7.7 ms for `[100]`. Past the item asked
      // for, the collection has counted already.
      const elements = element.getElementsByTagName('*');
      const overLimit = this.walkTextAbove < 0 || elements.item(this.walkTextAbove) !== null;
      size = overLimit ? Infinity : elements.length;
    }
    if (size > this.walkTextAbove || size <= this.walkTextUpTo) {
      this.queueWalk(element, true);
      return;
    }
    if (whole) this.queueWalk(element, false);
    if (size <= this.maxElementsPerPass) {
      this.queue.push({ search: element, roots: 'self::node()' });
      return;
    }
    // Split up from here on: its links are collected already, in one native query.
    this.queue.push({ search: element, roots: 'child::text()' });
    const children = element.children;
    const count = children.length;
    // An app's DOM nests wrappers one inside the other: an only child holds the rest of the
    // subtree, so it is not counted again, level after level.
    if (count === 1) {
      this.queue.push({ subtree: children[0]!, size: size - 1, linksCollected: true });
      return;
    }
    // Element children in runs of about `maxElementsPerPass` elements, assuming siblings of
    // like size (a list of messages); a run of one child is a subtree, split again if need be.
    const perRun = Math.max(1, Math.floor((count * this.maxElementsPerPass) / size));
    for (let from = 0; from < count; from += perRun) {
      const to = Math.min(count, from + perRun) - 1;
      if (from === to) this.queue.push({ subtree: children[from]!, linksCollected: true });
      else
        this.queue.push({
          parent: element,
          first: children[from]!,
          last: children[to]!,
          from: from + 1,
          to: to + 1,
        });
    }
  }

  /** Links whose address can hold an ID, in `root` and under it: read once all is searched. */
  private collectLinks(root: Element) {
    if (root.matches(this.linkSelector)) this.pendingLinks.push(root as HTMLAnchorElement);
    for (const link of root.querySelectorAll<HTMLAnchorElement>(this.linkSelector))
      this.pendingLinks.push(link);
  }

  /**
   * A run of element children, searched by position. If the page has moved its ends since
   * the run was split off, its children are taken one by one instead, from `first` to `last`;
   * if an end has left, all of the parent's children are, so none is missed.
   */
  private expandChildren({ parent, first, last, from, to }: Extract<Work, { parent: Element }>) {
    if (!parent.isConnected) return;
    const children = parent.children;
    if (children[from - 1] === first && children[to - 1] === last) {
      this.queue.push({
        search: parent,
        roots: `child::*[position() >= ${from} and position() <= ${to}]`,
      });
    } else if (first.parentNode === parent && last.parentNode === parent)
      for (const child of siblingsFromTo(first, last))
        this.queue.push({ subtree: child, linksCollected: true });
    else for (const child of children) this.queue.push({ subtree: child, linksCollected: true });
  }

  private search({ search: context, roots }: Extract<Work, { search: Element }>) {
    if (!context.isConnected) return;
    const found = context.ownerDocument.evaluate(
      textSearch(roots, this.index.findsEmails),
      context,
      null,
      XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE,
      null,
    );
    if (found.snapshotLength) this.queue.unshift({ found, next: 0 });
  }

  /** Reads the next batch of a search's results. */
  private readFound(work: Extract<Work, { found: XPathResult }>) {
    const { found } = work;
    const end = Math.min(found.snapshotLength, work.next + BATCH);
    for (; work.next < end; work.next++) {
      const node = found.snapshotItem(work.next) as Text;
      if (node.isConnected) this.index.scanText(node);
    }
    if (work.next >= found.snapshotLength) this.queue.shift();
  }

  /** Asks the next batch of elements for an open shadow root, and reads text if it is to. */
  private walkElements(work: Extract<Work, { walker: TreeWalker }>) {
    const { root } = work;
    if (!root.isConnected) {
      this.queue.shift();
      return;
    }
    // The page may have moved the walker's place out of the subtree between slices; walking
    // on from there would miss the rest: start again, showing the same kinds of node. Shadow
    // roots already found are not added twice.
    if (work.walker.currentNode !== root && !root.contains(work.walker.currentNode))
      work.walker = root.ownerDocument.createTreeWalker(root, work.walker.whatToShow);
    const { walker } = work;
    let node: Node | null = walker.currentNode;
    for (let n = 0; n < this.walkBatch && node; n++, node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) this.index.scanText(node as Text);
      else {
        const shadow = (node as Element).shadowRoot;
        if (shadow) this.addShadowRoot(shadow);
      }
    }
    // The walker now stands on the first node not yet read, if any.
    if (!node) this.queue.shift();
  }

  private enqueueEachChild(parent: Node) {
    for (let child = parent.firstChild; child; child = child.nextSibling) this.queueNode(child);
  }

  private addShadowRoot(shadow: ShadowRoot) {
    if (this.shadowRoots.has(shadow)) return;
    this.shadowRoots.add(shadow);
    this.onShadowRoot(shadow);
    this.queue.push({ subtree: shadow });
  }

  /** Links are read after their subtree, so an ID shown in the text wins over the href. */
  private pendingLinks: HTMLAnchorElement[] = [];

  private schedule() {
    if (this.scheduled || this.signal.aborted) return;
    this.scheduled = true;
    yieldToPage(() => {
      this.scheduled = false;
      if (this.runSlice()) this.schedule();
    });
  }

  private flushLinks(): void {
    const links = this.pendingLinks;
    this.pendingLinks = [];
    for (const link of links) if (link.isConnected) this.index.scanLink(link);
  }
}

type SubtreeWork = Extract<Work, { subtree: unknown }>;

/** `first`, its next element siblings, and `last`: a run of children, ends included. */
function* siblingsFromTo(first: Element, last: Element): Generator<Element> {
  for (let child: Element | null = first; child; child = child.nextElementSibling) {
    yield child;
    if (child === last) return;
  }
}
