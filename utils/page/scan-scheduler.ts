import type { IdIndex } from './id-index';

/** Long enough to get work done in few slices, far under the 50 ms that makes a long task. */
const SLICE_MS = 12;

type Work = { walker: TreeWalker } | { text: Text };

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

/**
 * Runs scanning in short slices: the first slice at once, the rest on later tasks, so a huge
 * ticket never blocks the page. Walks text and elements together, to find open shadow roots
 * and links on the way.
 */
export class ScanScheduler {
  private readonly queue: Work[] = [];
  private scheduled = false;
  private idleWaiters: Array<() => void> = [];
  readonly shadowRoots = new Set<ShadowRoot>();
  /** Time spent scanning so far, across all slices (for the benchmark). */
  busyMs = 0;

  constructor(
    private readonly index: IdIndex,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
    private readonly signal: AbortSignal,
  ) {}

  enqueueSubtree(root: Node): void {
    if (root.nodeType === Node.TEXT_NODE) this.queue.push({ text: root as Text });
    else if (root.nodeType === Node.ELEMENT_NODE || root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      if (root.nodeType === Node.ELEMENT_NODE) this.visitElement(root as Element);
      const doc = root.ownerDocument!;
      this.queue.push({
        walker: doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT),
      });
    }
    this.schedule();
  }

  enqueueText(node: Text): void {
    this.queue.push({ text: node });
    this.schedule();
  }

  /** Resolves once everything queued so far is scanned. */
  whenIdle(): Promise<void> {
    if (!this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Scans until the slice's time is up; returns whether work is left. */
  runSlice(budgetMs = SLICE_MS): boolean {
    const started = performance.now();
    const deadline = started + budgetMs;
    let steps = 0;
    while (this.queue.length) {
      const work = this.queue[0]!;
      if ('text' in work) {
        this.queue.shift();
        if (work.text.isConnected) this.index.scanText(work.text);
      } else {
        const node = work.walker.nextNode();
        if (!node) {
          this.queue.shift();
          continue;
        }
        if (node.nodeType === Node.TEXT_NODE) this.index.scanText(node as Text);
        else this.visitElement(node as Element);
      }
      // Reading the clock costs too; check it every few dozen nodes.
      if (++steps % 64 === 0 && performance.now() > deadline) break;
    }
    this.busyMs += performance.now() - started;
    if (!this.queue.length) {
      this.flushLinks();
      this.index.showMarks();
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
    return this.queue.length > 0;
  }

  private visitElement(element: Element) {
    const shadow = element.shadowRoot;
    if (shadow && !this.shadowRoots.has(shadow)) {
      this.shadowRoots.add(shadow);
      this.onShadowRoot(shadow);
      this.queue.push({
        walker: element.ownerDocument.createTreeWalker(
          shadow,
          NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
        ),
      });
    }
    if (element.tagName === 'A') this.pendingLinks.push(element as HTMLAnchorElement);
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
