import type { IdIndex } from './id-index';

const SLICE_MS = 4;

/**
 * One observer for the whole document. Its callback only stashes records; the work runs
 * later in short slices so a burst of edits never blocks the page.
 */
export function createMutationQueue(doc: Document, index: IdIndex, signal: AbortSignal): void {
  const pending: MutationRecord[] = [];
  let scheduled = false;

  const drain = () => {
    scheduled = false;
    const deadline = performance.now() + SLICE_MS;
    let removedSomething = false;
    while (pending.length && performance.now() < deadline) {
      const record = pending.shift()!;
      if (record.type === 'characterData') {
        if (record.target.isConnected) index.scanText(record.target as Text);
        continue;
      }
      if (record.removedNodes.length) removedSomething = true;
      for (const node of record.addedNodes) if (node.isConnected) index.scanSubtree(node);
    }
    if (removedSomething) index.forgetDisconnected();
    if (pending.length) schedule();
  };
  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    setTimeout(drain, 0);
  };

  const observer = new MutationObserver((records) => {
    pending.push(...records);
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, characterData: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
}
