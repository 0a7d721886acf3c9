import { IdIndex, NO_MARKS, type IdMatch } from './id-index';
import { HIGHLIGHT_NAME } from './mark-styles';
import { ScanScheduler } from './scan-scheduler';

/**
 * The IDs in the same-origin frames below some trees (an email body, say), read afresh. Each
 * frame's own content script marks its IDs and answers clicks there, but the keyboard's
 * focus moves through the whole ticket, so the ticket's script reads the frames' IDs itself:
 * the frames' scripts are out of its reach (Firefox keeps each in a sandbox of its own), and
 * an email is small. Only frames the content script marks are read (so the keyboard goes
 * where the agent sees marks), frames in them too; frames of another origin cannot be.
 */
export function matchesInFrames(
  trees: Iterable<Document | ShadowRoot>,
  signal: AbortSignal,
): IdMatch[] {
  const matches: IdMatch[] = [];
  const pending = [...trees];
  for (let tree = pending.pop(); tree; tree = pending.pop()) {
    for (const frame of tree.querySelectorAll('iframe, frame')) {
      const frameDoc = contentDocumentOf(frame as HTMLIFrameElement);
      const root = frameDoc?.body ?? frameDoc?.documentElement;
      if (!frameDoc || !root || !frameDoc.defaultView?.CSS?.highlights?.has(HIGHLIGHT_NAME))
        continue;
      const index = new IdIndex(NO_MARKS);
      const scheduler = new ScanScheduler(index, () => {}, signal);
      scheduler.scanNow(root);
      matches.push(...index.inReadingOrder());
      pending.push(frameDoc, ...scheduler.shadowRoots);
    }
  }
  return matches;
}

function contentDocumentOf(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument; // null across origins.
  } catch {
    return null;
  }
}
