/**
 * The scanner on a bare page, for `scanner.e2e.ts`: bundled with esbuild and added to the
 * page, it scans the document with a given limit on elements per pass and lists what it found.
 */
import { IdIndex } from '../../../utils/page/id-index';
import { ScanScheduler } from '../../../utils/page/scan-scheduler';

interface ScanOptions {
  maxElementsPerPass?: number;
  /** Once runs of children are queued, the page adds a message at the top of `main`. */
  prependMidScan?: boolean;
}

Object.assign(window, {
  async scanIds({ maxElementsPerPass, prependMidScan }: ScanOptions = {}) {
    const index = new IdIndex(new Highlight());
    const scheduler = new ScanScheduler(
      index,
      () => {},
      new AbortController().signal,
      maxElementsPerPass,
    );
    scheduler.enqueueSubtree(document.body);
    // The queue is private; the test reads it only to act at the right moment.
    const queue = (scheduler as unknown as { queue: object[] }).queue;
    const runsQueued = () => queue.some((work) => 'parent' in work);
    let prependedMidScan = false;
    if (prependMidScan) {
      while (!runsQueued() && scheduler.runSlice(0));
      prependedMidScan = runsQueued();
      const message = document.createElement('article');
      message.innerHTML = '<p>New message about cus_Prepended</p>';
      document.querySelector('main')!.prepend(message);
    }
    await scheduler.whenIdle();
    return {
      ids: index
        .inDocumentOrder()
        .map((m) => `${m.id}${m.fromHref ? ' (href)' : ''}`)
        .sort(),
      shadowRoots: scheduler.shadowRoots.size,
      ...(prependMidScan ? { prependedMidScan } : {}),
    };
  },
});
