import { elementAbove } from './element-above';

/**
 * Puts in the highlight only the marks near the viewport. Chromium rebuilds the painting data
 * of every range in every highlight each time the page's DOM changes, anywhere: on a
 * 10,000-node ticket with 5,000 IDs, each small change by the page cost about 60 ms more per
 * frame with all 5,000 shown (`npm run bench`, "each later page change"), 6–8 ms this way. Kept to the screen and a screen's height either side, that
 * cost follows what the agent can see, not the size of the ticket.
 *
 * Each mark is shown while an element around its text is near the viewport, as an
 * IntersectionObserver tells: no geometry is read by the script, so no layout is forced.
 */
const NEAR_VIEWPORT = '100% 0px';

export class VisibleMarks {
  private readonly rangesOf = new Map<Element, Set<StaticRange>>();
  private readonly boxOf = new Map<StaticRange, Element>();
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly highlight: Highlight,
    view: Window & typeof globalThis,
  ) {
    this.observer = new view.IntersectionObserver(
      (entries) => {
        for (const entry of entries) this.setNear(entry.target, isNear(entry));
      },
      // scrollMargin widens the clip of scrolling panes too, where most helpdesks show tickets.
      { rootMargin: NEAR_VIEWPORT, scrollMargin: NEAR_VIEWPORT } as IntersectionObserverInit,
    );
  }

  add(range: StaticRange): void {
    const box = boxFor(range.startContainer);
    if (!box) return;
    this.boxOf.set(range, box);
    let ranges = this.rangesOf.get(box);
    if (!ranges) {
      ranges = new Set();
      this.rangesOf.set(box, ranges);
      this.observer.observe(box);
    }
    ranges.add(range);
    if (this.near.has(box)) this.highlight.add(range);
  }

  delete(range: StaticRange): void {
    const box = this.boxOf.get(range);
    if (!box) return;
    this.boxOf.delete(range);
    this.highlight.delete(range);
    const ranges = this.rangesOf.get(box)!;
    ranges.delete(range);
    if (ranges.size) return;
    this.rangesOf.delete(box);
    this.near.delete(box);
    this.observer.unobserve(box);
  }

  disconnect(): void {
    this.observer.disconnect();
  }

  private setNear(box: Element, near: boolean) {
    const ranges = this.rangesOf.get(box);
    if (!ranges || near === this.near.has(box)) return;
    if (near) {
      this.near.add(box);
      for (const range of ranges) this.highlight.add(range);
    } else {
      this.near.delete(box);
      for (const range of ranges) this.highlight.delete(range);
    }
  }
}

/**
 * An element with no box of its own (`display: contents`) never intersects anything, and a
 * hidden one has nothing to paint: both are shown rather than risk an unmarked ID.
 */
function isNear(entry: IntersectionObserverEntry): boolean {
  const { width, height } = entry.boundingClientRect;
  return entry.isIntersecting || (width === 0 && height === 0);
}

/**
 * The element observed for a mark: the grandparent of its text (a message body, say, rather
 * than each paragraph or span in it), so a ticket full of IDs needs a few hundred targets,
 * not thousands. Each target costs the browser some work on every frame the page changes,
 * and its first report a little script. Never the body or the root: those hold everything.
 */
function boxFor(node: Node): Element | null {
  const parent = elementAbove(node);
  if (!parent) return null;
  const grandparent = elementAbove(parent);
  const doc = node.ownerDocument!;
  return grandparent && grandparent !== doc.body && grandparent !== doc.documentElement
    ? grandparent
    : parent;
}
