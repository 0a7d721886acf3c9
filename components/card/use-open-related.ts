import { useState } from 'preact/hooks';
import { askBackground } from '../../utils/messaging/ask-background';
import type { AgentFacingError } from '../../utils/stripe/explain-failure';

/**
 * Moves the card to another object it listed (a customer's invoice, an invoice's customer),
 * then lets the card read again; a refusal is kept to show.
 */
export function useOpenRelated(token: string, onOpened: () => void) {
  const [error, setError] = useState<AgentFacingError | null>(null);
  async function open(objectId: string) {
    setError(null);
    const reply = await askBackground({ type: 'card.openRelated', token, objectId });
    if (!reply.ok) return setError(reply.error);
    onOpened();
  }
  return { open, error };
}
