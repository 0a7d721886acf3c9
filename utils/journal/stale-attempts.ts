import type { StripeClient } from '../stripe/client';
import { explainStripeFailure } from '../stripe/explain-failure';
import { stripeNow } from '../stripe/stripe-clock';
import type { ActivityJournal, JournalRecord, JournalSettlement } from './activity-journal';

/**
 * Stripe keeps an idempotency key for about 24 hours (API notes), after which the same key
 * acts again. A pending attempt older than this is never resent: Stripe is read instead.
 */
export const STALE_AFTER_MS = 23 * 60 * 60 * 1000;

/**
 * Whether Stripe may have forgotten the attempt's key. Measured by the longer of the
 * computer's clock and Stripe's: a clock set back must never make an old attempt look fresh
 * (its key resent after Stripe forgot it would act a second time). A clock that ran
 * backwards past the attempt's start cannot be trusted at all.
 */
export function isStale(record: JournalRecord, now = Date.now()): boolean {
  const byComputer = now - record.createdAt;
  const stripeTime = stripeNow(now);
  const byStripe =
    record.stripeCreatedAt !== undefined && stripeTime !== null
      ? stripeTime - record.stripeCreatedAt
      : byComputer;
  return byComputer < 0 || Math.max(byComputer, byStripe) >= STALE_AFTER_MS;
}

/**
 * Reads Stripe to say what became of an attempt whose answer was lost, sending nothing; with
 * what it found of it (the credit, the session as it is now), when it found it.
 */
export type Reconciler = (
  record: JournalRecord,
  stripe: StripeClient,
) => Promise<Pick<JournalSettlement, 'outcome' | 'errorMessage'> & { found?: unknown }>;

/**
 * Marks a stale attempt `unknown` (so that no path resends it), then settles it from what
 * Stripe shows. If Stripe cannot be read now, it stays `unknown` for the next pass.
 */
export async function settleFromStripe(
  record: JournalRecord,
  stripe: StripeClient,
  journal: ActivityJournal,
  reconcile: Reconciler | undefined,
): Promise<JournalRecord> {
  const marked =
    record.outcome === 'unknown'
      ? record
      : await journal.settle(record.id, {
          outcome: 'unknown',
          errorMessage: 'No answer came from Stripe, and its key has expired there: checking.',
        });
  if (!reconcile) return marked;
  try {
    const { outcome, errorMessage } = await reconcile(record, stripe);
    return await journal.settle(record.id, { outcome, errorMessage });
  } catch (error) {
    return journal.settle(record.id, {
      outcome: 'unknown',
      errorMessage: `Could not check with Stripe yet: ${explainStripeFailure(error).message}`,
    });
  }
}
