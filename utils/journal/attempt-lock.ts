/**
 * One run at a time per attempt, whichever path sends it: the card's confirmation, its retry,
 * the start-up replay, the replay after unlock. Two at once would send one key twice in
 * parallel, and Stripe answers the second with 409 (key in use).
 */
const running = new Map<string, Promise<unknown>>();

export function withAttemptLock<T>(attemptId: string, run: () => Promise<T>): Promise<T> {
  const before = running.get(attemptId) ?? Promise.resolve();
  const next = before.then(run, run);
  const settled = next.catch(() => undefined);
  running.set(attemptId, settled);
  void settled.then(() => {
    if (running.get(attemptId) === settled) running.delete(attemptId);
  });
  return next;
}

/** Whether an attempt is being sent right now: in flight, not lost. */
export const isAttemptRunning = (attemptId: string): boolean => running.has(attemptId);
