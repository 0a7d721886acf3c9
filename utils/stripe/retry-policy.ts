/**
 * When to retry a Stripe request, following stripe-node's RequestSender: connection errors,
 * `Stripe-Should-Retry: true`, 409, 429 and 5xx; never when Stripe says `false`. The same
 * idempotency key goes with every attempt, so a retry can never act twice.
 */
export const DEFAULT_MAX_RETRIES = 2;
const INITIAL_DELAY_S = 0.5;
const MAX_DELAY_S = 5;

export interface AttemptOutcome {
  /** HTTP status, or null when no response arrived (connection dropped, timed out). */
  status: number | null;
  shouldRetryHeader: string | null;
}

export function shouldRetry(outcome: AttemptOutcome, retriesSoFar: number, maxRetries: number) {
  if (retriesSoFar >= maxRetries) return false;
  if (outcome.status === null) return true;
  if (outcome.shouldRetryHeader === 'false') return false;
  if (outcome.shouldRetryHeader === 'true') return true;
  return outcome.status === 409 || outcome.status === 429 || outcome.status >= 500;
}

/**
 * Delay before retry number `retryNumber` (1-based): min(0.5·2^(n−1), 5) s, scaled by a
 * jitter in [0.5, 1) and never under 0.5 s. A `Retry-After` from Stripe wins when it is longer
 * but still bounded.
 */
export function retryDelayMs(
  retryNumber: number,
  random: () => number,
  retryAfterHeader?: string | null,
) {
  const base = Math.min(INITIAL_DELAY_S * 2 ** (retryNumber - 1), MAX_DELAY_S);
  let seconds = Math.max(INITIAL_DELAY_S, base * (0.5 + random() / 2));
  const retryAfter = Number(retryAfterHeader);
  if (Number.isFinite(retryAfter) && retryAfter > seconds)
    seconds = Math.min(retryAfter, MAX_DELAY_S);
  return Math.round(seconds * 1000);
}
