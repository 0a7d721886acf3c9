import type { AgentFacingError } from '../stripe/explain-failure';

/** Every answer from the background: a value, or a sentence for the agent. */
export type Reply<T> =
  | {
      ok: true;
      value: T;
      /**
       * After an action: the line for the ticket's internal note (see ticket-note.ts), added
       * by the attempt mechanism, so every action has one.
       */
      note?: string;
    }
  | { ok: false; error: AgentFacingError };

export const success = <T>(value: T): Reply<T> => ({ ok: true, value });
export const failure = (
  message: string,
  extra: Omit<AgentFacingError, 'message'> = {},
): Reply<never> => ({
  ok: false,
  error: { message, ...extra },
});

/** The one answer to a request that is not allowed: it says nothing of why. */
export const REFUSED = 'This request is not allowed from here.';
