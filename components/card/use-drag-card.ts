import { useRef } from 'preact/hooks';
import { askBackground } from '../../utils/messaging/ask-background';

/**
 * Drag the card aside by its header: the pointer's moves, in screen pixels (the frame moves
 * under the pointer, so its own coordinates would drift), go to the page's content script,
 * at most one request at a time. The card covers no more of the ticket than the agent wants.
 */
export function useDragCard(token: string) {
  const from = useRef<{ x: number; y: number } | null>(null);
  const owed = useRef({ dx: 0, dy: 0 });
  const sending = useRef(false);

  async function flush() {
    if (sending.current) return;
    sending.current = true;
    while (owed.current.dx || owed.current.dy) {
      const { dx, dy } = owed.current;
      owed.current = { dx: 0, dy: 0 };
      await askBackground({ type: 'card.move', token, dx, dy });
    }
    sending.current = false;
  }

  return {
    onPointerDown(event: PointerEvent) {
      // Buttons in the header (Close) keep their clicks.
      if (event.button !== 0 || (event.target as Element).closest('button, a')) return;
      from.current = { x: event.screenX, y: event.screenY };
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
    },
    onPointerMove(event: PointerEvent) {
      if (!from.current) return;
      const dx = Math.round(event.screenX - from.current.x);
      const dy = Math.round(event.screenY - from.current.y);
      if (!dx && !dy) return;
      from.current = { x: from.current.x + dx, y: from.current.y + dy };
      owed.current = { dx: owed.current.dx + dx, dy: owed.current.dy + dy };
      void flush();
    },
    onPointerUp() {
      from.current = null;
    },
  };
}
