/**
 * Stripe's clock, as its answers' `Date` headers tell it: how far the browser's clock is
 * from it. The agent's computer may be set back (or forward); Stripe's cannot, and it is by
 * Stripe's clock that it forgets an idempotency key after 24 hours.
 */
let offsetMs: number | null = null;

/** Takes Stripe's time from an answer's `Date` header (a second's precision is plenty). */
export function observeStripeDate(header: string | null | undefined, localNow = Date.now()) {
  const stripeTime = header ? Date.parse(header) : Number.NaN;
  if (!Number.isNaN(stripeTime)) offsetMs = stripeTime - localNow;
}

/** What Stripe's clock reads now, or null before any answer from Stripe. */
export const stripeNow = (localNow = Date.now()): number | null =>
  offsetMs === null ? null : localNow + offsetMs;
