import { useRef } from 'preact/hooks';
import { askBackground } from '../../utils/messaging/ask-background';

/**
 * Drag the card aside by its header: the pointer's movement since it went down, in screen
 * pixels (the frame moves under the pointer, so its own coordinates would drift), goes to the
 * page's content script, at most one request at a time and only the latest. Each request
 * states the whole drag so far, not a step, so a pointer event or a message that goes missing
 * does not leave the card short of where the agent let go of it.
 */
export function useDragCard(token: string) {
  const drag = useRef<{ id: string; x: number; y: number } | null>(null);
  const latest = useRef<{ drag: string; dx: number; dy: number } | null>(null);
  const sending = useRef(false);

  async function flush() {
    if (sending.current) return;
    sending.current = true;
    try {
      while (latest.current) {
        const move = latest.current;
        latest.current = null;
        await askBackground({ type: 'card.move', token, ...move });
      }
    } finally {
      sending.current = false;
    }
  }

  return {
    onPointerDown(event: PointerEvent) {
      // Buttons in the header (Close) keep their clicks.
      if (event.button !== 0 || (event.target as Element).closest('button, a')) return;
      drag.current = { id: crypto.randomUUID(), x: event.screenX, y: event.screenY };
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
    },
    onPointerMove(event: PointerEvent) {
      if (!drag.current) return;
      const dx = Math.round(event.screenX - drag.current.x);
      const dy = Math.round(event.screenY - drag.current.y);
      latest.current = { drag: drag.current.id, dx, dy };
      void flush();
    },
    onPointerUp() {
      drag.current = null;
    },
  };
}
