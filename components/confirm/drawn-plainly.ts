import { createContext } from 'preact';

/**
 * Asks whether the page draws the card plainly, as the agent presses Confirm and again
 * before it acts: null when it does, else the sentence saying why Confirm refuses. The
 * card provides it (see ActionCard); without one, Confirm cannot tell, and refuses.
 */
export type DrawnPlainlyCheck = () => Promise<string | null>;

export const DrawnPlainlyContext = createContext<DrawnPlainlyCheck>(
  async () => 'This card cannot tell how the page shows it, so nothing was sent.',
);
