/**
 * The scanner on a bare page, for `scanner.e2e.ts`: bundled with esbuild and added to the
 * page, it scans the document with a given limit on elements per pass and lists what it found.
 */
import { IdIndex, NO_MARKS } from '../../../utils/page/id-index';
import { ScanScheduler } from '../../../utils/page/scan-scheduler';
import { VisibleMarks } from '../../../utils/page/visible-marks';

interface ScanOptions {
  maxElementsPerPass?: number;
  /** Subtrees over this many elements are read by walking their nodes. */
  walkTextAbove?: number;
  /** Subtrees of at most this many elements are read by walking their nodes. */
  walkTextUpTo?: number;
  /**
   * Once runs of children are queued, the page adds a message at the top of `main`, or
   * removes its first message. `remove-walked`: the page removes the first message while the
   * walk for shadow roots stands inside it, one element per slice.
   */
  midScan?: 'prepend' | 'remove-first' | 'remove-walked';
}

Object.assign(window, {
  /** The IDs in the order the keyboard moves through them. */
  readingOrder() {
    const index = new IdIndex(NO_MARKS);
    new ScanScheduler(index, () => {}, new AbortController().signal).scanNow(document.body);
    return index.inReadingOrder().map((m) => m.id);
  },
  async scanIds({ maxElementsPerPass, walkTextAbove, walkTextUpTo, midScan }: ScanOptions = {}) {
    const index = new IdIndex(new VisibleMarks(new Highlight(), window));
    const scheduler = new ScanScheduler(
      index,
      () => {},
      new AbortController().signal,
      maxElementsPerPass,
      midScan === 'remove-walked' ? 1 : undefined,
      walkTextAbove,
      walkTextUpTo,
    );
    // Counts the native searches, to tell which way the text was read.
    let searches = 0;
    const evaluate = Document.prototype.evaluate;
    Document.prototype.evaluate = function (this: Document, ...args) {
      searches++;
      return evaluate.apply(this, args);
    };
    scheduler.enqueueSubtree(document.body);
    // The queue is private; the test reads it only to act at the right moment.
    const queue = (scheduler as unknown as { queue: object[] }).queue;
    const runsQueued = () => queue.some((work) => 'parent' in work);
    let changedMidScan = false;
    if (midScan === 'remove-walked') {
      const first = document.querySelector('main')!.firstElementChild!;
      const walkerIn = (element: Element) =>
        queue.some(
          (work) =>
            'walker' in work &&
            element.contains((work as { walker: TreeWalker }).walker.currentNode),
        );
      while (!walkerIn(first) && scheduler.runSlice(-1));
      changedMidScan = walkerIn(first);
      first.remove();
    } else if (midScan) {
      // A budget below zero ends each slice at its first look at the clock.
      while (!runsQueued() && scheduler.runSlice(-1));
      changedMidScan = runsQueued();
      const main = document.querySelector('main')!;
      if (midScan === 'remove-first') main.firstElementChild!.remove();
      else {
        const message = document.createElement('article');
        message.innerHTML = '<p>New message about cus_Prepended</p>';
        main.prepend(message);
        // As the page marker's MutationObserver does with added nodes.
        scheduler.enqueueSubtree(message);
      }
    }
    await scheduler.whenIdle();
    Document.prototype.evaluate = evaluate;
    return {
      searches,
      ids: index
        .inReadingOrder()
        .map((m) => `${m.id}${m.fromHref ? ' (href)' : ''}`)
        .sort(),
      shadowRoots: scheduler.shadowRoots.size,
      ...(midScan ? { changedMidScan } : {}),
    };
  },
});
