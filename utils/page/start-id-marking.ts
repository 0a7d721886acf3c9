import { browser } from 'wxt/browser';
import type { BackgroundToContentMessage, ContentScriptRequest } from '../messaging/protocol';
import type { Reply } from '../messaging/reply';
import { createCardHost } from './card-host';
import { idAtPoint } from './hit-test';
import { HIGHLIGHT_NAME, IdIndex } from './id-index';
import { createMutationQueue } from './mutation-queue';
import { createPointerCursor } from './pointer-cursor';

/**
 * Marks Stripe IDs on the page and opens a card when one is clicked. Reads the page, never
 * writes to it: the only node added is the card host, and only while a card is open.
 */
export function startIdMarking(doc: Document, signal: AbortSignal): void {
  if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return; // Needs the Highlight API.
  const highlight = new Highlight();
  CSS.highlights.set(HIGHLIGHT_NAME, highlight);
  signal.addEventListener('abort', () => CSS.highlights.delete(HIGHLIGHT_NAME));

  const index = new IdIndex(highlight);
  if (doc.body) index.scanSubtree(doc.body);
  createMutationQueue(doc, index, signal);

  const cardHost = createCardHost(doc);
  const cursor = createPointerCursor(doc);
  signal.addEventListener('abort', () => cardHost.close());

  const listen = { capture: true, signal } as const;
  let pointerFrame = 0;
  doc.addEventListener(
    'pointermove',
    (event) => {
      if (pointerFrame) return;
      pointerFrame = requestAnimationFrame(() => {
        pointerFrame = 0;
        cursor.set(idAtPoint(index, doc, event.clientX, event.clientY) !== null);
      });
    },
    { ...listen, passive: true },
  );

  doc.addEventListener(
    'click',
    (event) => {
      // Only a real click by the agent opens a card; pages can dispatch synthetic ones.
      if (!event.isTrusted || event.button !== 0) return;
      if (!doc.getSelection()?.isCollapsed) return; // The agent is selecting text.
      const match = idAtPoint(index, doc, event.clientX, event.clientY);
      if (!match || (match.node.parentElement?.isContentEditable ?? false)) return;
      event.preventDefault();
      void openCardFor(match.id, match.range.getBoundingClientRect());
    },
    listen,
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && cardHost.isOpen()) cardHost.close();
    },
    listen,
  );

  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const typed = message as BackgroundToContentMessage | null;
    if (typed?.type === 'content.closeCard') cardHost.close();
    if (typed?.type === 'content.resizeCard' && Number.isFinite(typed.height))
      cardHost.resize(typed.height);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  async function openCardFor(objectId: string, anchor: DOMRect) {
    const request: ContentScriptRequest = { type: 'page.openCard', objectId };
    const reply = (await browser.runtime.sendMessage(request)) as Reply<{ token: string }>;
    if (!reply?.ok || signal.aborted) return;
    cardHost.open(`${browser.runtime.getURL('/card.html')}#${reply.value.token}`, anchor);
  }
}
