import { useContext, useRef, useState } from 'preact/hooks';
import { TicketNoteContext } from './ticket-note-context';
import type { Reply } from '../../utils/messaging/reply';
import type { AgentFacingError } from '../../utils/stripe/explain-failure';

/** An attempt sent whose answer never came: Stripe may have acted on it. */
export interface KeptAttempt<P> {
  attemptId: string;
  params: P;
}

/**
 * Every action a card offers goes through these steps: the agent starts it (the question is
 * asked with its attempt), confirms (it is sent), and it ends done, failed, or in doubt. In
 * doubt, the attempt (and with it the idempotency key) is kept: the same request again
 * reuses it, so Stripe acts at most once; another request is a new attempt, and it is told
 * of the earlier one.
 */
export type AttemptStep<P, V> =
  | { name: 'idle' }
  | { name: 'confirming'; attemptId: string; params: P; earlier: KeptAttempt<P> | null }
  | { name: 'working'; attemptId: string; params: P }
  | { name: 'done'; params: P; value: V }
  | { name: 'failed'; params: P; error: AgentFacingError }
  /** No answer: Stripe may have acted. A retry of the same request reuses the attempt. */
  | { name: 'may-have-happened'; attemptId: string; params: P; error: AgentFacingError };

/** Two requests are the same when their parameters are (as parsed values, never as typed). */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useAttempt<P, V>(options: {
  send: (attemptId: string, params: P) => Promise<Reply<V>>;
  /** Whether two requests are one and the same; by default their parameters as JSON. */
  same?: (a: P, b: P) => boolean;
  onDone?: (value: V, params: P) => void;
}) {
  const same = options.same ?? sameJson;
  const showNote = useContext(TicketNoteContext);
  const [step, setStepState] = useState<AttemptStep<P, V>>({ name: 'idle' });
  const [kept, setKeptState] = useState<KeptAttempt<P> | null>(null);
  // What the handlers read: a click in the same frame as the change must see it.
  const current = useRef(step);
  const keptNow = useRef(kept);
  const setStep = (next: AttemptStep<P, V>) => {
    current.current = next;
    setStepState(next);
  };
  const setKept = (next: KeptAttempt<P> | null) => {
    keptNow.current = next;
    setKeptState(next);
  };

  /** The attempt for a request: the kept one when it is the same request, else a new one. */
  const attemptIdFor = (params: P): string =>
    keptNow.current && same(keptNow.current.params, params)
      ? keptNow.current.attemptId
      : crypto.randomUUID();

  function start(params: P, attemptId = attemptIdFor(params)): void {
    if (current.current.name === 'working') return;
    const earlier = keptNow.current?.attemptId === attemptId ? null : keptNow.current;
    setStep({ name: 'confirming', attemptId, params, earlier });
  }

  async function confirm(): Promise<void> {
    const asked = current.current;
    if (asked.name !== 'confirming') return;
    const { attemptId, params } = asked;
    setStep({ name: 'working', attemptId, params });
    const reply = await options.send(attemptId, params);
    if (reply.ok) {
      if (keptNow.current?.attemptId === attemptId) setKept(null);
      setStep({ name: 'done', params, value: reply.value });
      if (reply.note) showNote(reply.note);
      options.onDone?.(reply.value, params);
    } else if (reply.error.unresolved) {
      setKept({ attemptId, params });
      setStep({ name: 'may-have-happened', attemptId, params, error: reply.error });
    } else {
      // A definite answer settles the attempt: the next request is a new one.
      if (keptNow.current?.attemptId === attemptId) setKept(null);
      setStep({ name: 'failed', params, error: reply.error });
    }
  }

  return {
    step,
    /** The attempt in doubt, if any: kept until it is settled or retried. */
    kept,
    busy: step.name === 'working',
    /** The request the current step is about; null before any. */
    params: step.name === 'idle' ? null : step.params,
    /** Whether the question is out (or being answered) for this request. */
    asking: step.name === 'confirming' || step.name === 'working',
    attemptIdFor,
    start,
    confirm,
    /** For an action with no question of its own (a portal link): start and send at once. */
    run(params: P): Promise<void> {
      start(params);
      return confirm();
    },
    /** Back from the question, or from an outcome, to the start; a kept attempt stays. */
    reset(): void {
      if (current.current.name !== 'working') setStep({ name: 'idle' });
    },
  };
}

export type Attempt<P, V> = ReturnType<typeof useAttempt<P, V>>;

/** The error the step ended with, if any: failed, or in doubt. */
export const errorOf = <P, V>(step: AttemptStep<P, V>): AgentFacingError | null =>
  step.name === 'failed' || step.name === 'may-have-happened' ? step.error : null;
