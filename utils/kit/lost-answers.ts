import { formatMinorUnits } from '../currency-units';
import type { ActivityJournal, JournalRecord } from '../journal/activity-journal';
import { isAttemptRunning } from '../journal/attempt-lock';
import type { Reconciler } from '../journal/stale-attempts';
import { journalActionNoun, movesMoney } from '../objects/kind-facts';
import type { StripeClient } from '../stripe/client';

/**
 * How long after its last send an attempt Stripe shows no trace of is taken as never having
 * happened. A request still on its way reaches Stripe within the client's timeout (20 s);
 * reading Stripe sooner than this could miss one that is about to land.
 */
export const QUIET_AFTER_MS = 60_000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What reading Stripe made of an attempt whose answer was lost. */
export type ReadOutcome =
  | { settled: 'succeeded'; record: JournalRecord; found: unknown }
  | { settled: 'failed'; record: JournalRecord }
  /** Stripe shows nothing yet, or could not be read: it may still act. */
  | { settled: null };

/**
 * Reads Stripe for an attempt whose answer was lost, and settles its record from what Stripe
 * shows: done when found; never happened when not found and nothing can still be on its way
 * (or `finalIfAbsent` says so); else left as it is, in doubt. Nothing is sent.
 */
export async function settleByReading(
  record: JournalRecord,
  stripe: StripeClient,
  journal: ActivityJournal,
  reconcile: Reconciler,
  now = Date.now(),
): Promise<ReadOutcome> {
  let read;
  try {
    read = await reconcile(record, stripe);
  } catch {
    return { settled: null };
  }
  if (read.outcome === 'succeeded')
    return {
      settled: 'succeeded',
      record: await journal.settle(record.id, { outcome: 'succeeded', errorMessage: undefined }),
      found: read.found,
    };
  if (read.outcome === 'failed' && now - record.updatedAt >= QUIET_AFTER_MS)
    return {
      settled: 'failed',
      record: await journal.settle(record.id, {
        outcome: 'failed',
        errorMessage: read.errorMessage,
      }),
    };
  return { settled: null };
}

/**
 * Why a new money attempt on an object must wait for an earlier one whose answer was lost,
 * or null when none is in doubt. Each such attempt is read from Stripe first: one that never
 * happened no longer stands in the way; one that did is said, so the agent sees it before
 * anything more is sent, and the next attempt goes ahead.
 */
export async function earlierAttemptInDoubt(input: {
  journal: ActivityJournal;
  stripe: StripeClient;
  accountId: string;
  objectId: string;
  attemptId: string;
  /** How Stripe shows an attempt of each action on this object, where the kind knows. */
  reconcilerFor: (action: string) => Reconciler | undefined;
}): Promise<string | null> {
  const inDoubt = (await input.journal.listSince(Date.now() - DAY_MS)).filter(
    (record) =>
      record.id !== input.attemptId &&
      record.objectId === input.objectId &&
      record.accountId === input.accountId &&
      movesMoney(record.action) &&
      (record.outcome === 'pending' ||
        record.outcome === 'unknown' ||
        record.outcome === 'unverified') &&
      // Being sent right now: in flight, not lost.
      !isAttemptRunning(record.id),
  );
  for (const record of inDoubt) {
    const reconcile = input.reconcilerFor(record.action);
    const read = reconcile
      ? await settleByReading(record, input.stripe, input.journal, reconcile)
      : { settled: null };
    if (read.settled === 'failed') continue;
    const what = `An earlier ${journalActionNoun(record.action)}${
      record.amount !== undefined && record.currency
        ? ` of ${formatMinorUnits(record.amount, record.currency)}`
        : ''
    } here`;
    return read.settled === 'succeeded'
      ? `${what} did go through: its answer was lost, and Stripe shows it now. This one was not sent, so nothing is doubled. If you meant both, confirm this one again.`
      : `${what} got no answer, and Stripe may still act on it. Nothing was sent. Retry that one rather than start another, or wait a minute and try again; do not redo it elsewhere.`;
  }
  return null;
}
