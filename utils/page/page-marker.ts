import { adoptMarksSheet } from './adopt-marks-sheet';
import { DEFAULT_MARKING, IdIndex, type MarkingOptions } from './id-index';
import { FOCUS_HIGHLIGHT_NAME, HIGHLIGHT_NAME, MARKS_CSS } from './mark-styles';
import { ScanScheduler } from './scan-scheduler';
import { VisibleMarks } from './visible-marks';

export interface PageMarker {
  index: IdIndex;
  scheduler: ScanScheduler;
  focusHighlight: Highlight;
  /** Open shadow roots found so far, for hit-testing inside them. */
  shadowRoots: ReadonlySet<ShadowRoot>;
  /** Processes every change seen so far, now. For measuring; the page never needs it. */
  flush(): void;
}

/**
 * The keyboard-focus highlight a document's own marker registered (every frame the content
 * script runs in has one), or null where the content script does not run.
 */
export function focusHighlightOf(doc: Document): Highlight | null {
  return doc.defaultView?.CSS?.highlights?.get(FOCUS_HIGHLIGHT_NAME) ?? null;
}

/**
 * Finds and marks Stripe IDs (and email addresses) in a document, now and as it changes,
 * without writing to it.
 * Knows nothing of the extension APIs, so the benchmark can run it on a bare page. The
 * document must carry MARKS_CSS from its start (see MARKS_CSS_FILE).
 */
export function startPageMarker(
  doc: Document,
  signal: AbortSignal,
  /** Called after each batch of the page's DOM changes has been read. */
  afterChanges?: () => void,
  options: MarkingOptions = DEFAULT_MARKING,
): PageMarker | null {
  const view = doc.defaultView;
  if (!view || typeof view.Highlight === 'undefined' || !view.CSS?.highlights) return null;
  const highlight = new view.Highlight();
  const focusHighlight = new view.Highlight();
  focusHighlight.priority = 1;
  view.CSS.highlights.set(HIGHLIGHT_NAME, highlight);
  view.CSS.highlights.set(FOCUS_HIGHLIGHT_NAME, focusHighlight);
  signal.addEventListener('abort', () => {
    // The registry is the document's, shared by every copy of the content script: after an
    // update the new copy may have registered its own highlights under these names already.
    for (const [name, own] of [
      [HIGHLIGHT_NAME, highlight],
      [FOCUS_HIGHLIGHT_NAME, focusHighlight],
    ] as const)
      if (view.CSS.highlights.get(name) === own) view.CSS.highlights.delete(name);
  });

  const marksSheet = new view.CSSStyleSheet();
  marksSheet.replaceSync(MARKS_CSS);
  const visibleMarks = new VisibleMarks(highlight, view as Window & typeof globalThis);
  signal.addEventListener('abort', () => visibleMarks.disconnect());
  const index = new IdIndex(visibleMarks, options);
  const pending: MutationRecord[] = [];
  let drainScheduled = false;

  // The callback only stashes records; reading them waits for a later task.
  const observer = new view.MutationObserver((records) => {
    for (const record of records) pending.push(record);
    if (drainScheduled) return;
    drainScheduled = true;
    setTimeout(drain, 0);
  });
  const observe = (target: Node) =>
    observer.observe(target, { childList: true, characterData: true, subtree: true });

  const scheduler = new ScanScheduler(
    index,
    (root) => {
      observe(root);
      adoptMarksSheet(root, marksSheet);
    },
    signal,
  );

  function drain() {
    drainScheduled = false;
    let removed = false;
    for (const record of pending.splice(0)) {
      if (record.type === 'characterData') {
        scheduler.enqueueText(record.target as Text);
        continue;
      }
      if (record.removedNodes.length) removed = true;
      for (const node of record.addedNodes) if (node.isConnected) scheduler.enqueueSubtree(node);
    }
    if (removed) index.forgetDisconnected();
    afterChanges?.();
  }

  // The document itself is styled by MARKS_CSS_FILE, injected with the content script.
  observe(doc.documentElement);
  signal.addEventListener('abort', () => observer.disconnect());
  scheduler.enqueueSubtree(doc.body ?? doc.documentElement);
  scheduler.runSlice(); // Small pages are marked at once; large ones continue in slices.
  return {
    index,
    scheduler,
    focusHighlight,
    shadowRoots: scheduler.shadowRoots,
    flush() {
      pending.push(...observer.takeRecords());
      drain();
      while (scheduler.runSlice(Infinity));
    },
  };
}
