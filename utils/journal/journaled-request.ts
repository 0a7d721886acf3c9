import type { z } from 'zod';
import type { StripeClient, StripeResult } from '../stripe/client';
import { explainStripeFailure } from '../stripe/explain-failure';
import {
  StripeApiError,
  StripeConnectionError,
  StripeResponseShapeError,
} from '../stripe/stripe-error';
import type { ActivityJournal, JournalRecord, NewJournalRecord } from './activity-journal';
import { withAttemptLock } from './attempt-lock';
import { isStale, settleFromStripe, type Reconciler } from './stale-attempts';

export type JournaledOutcome<T> =
  | { kind: 'done'; result: StripeResult<T>; record: JournalRecord }
  /**
   * Stripe had already acted on this attempt: nothing was sent now. `found` is what reading
   * Stripe showed of it, when that is how it was known.
   */
  | { kind: 'already-done'; record: JournalRecord; found?: unknown }
  /** Whether Stripe acted is not known, and sending again could act twice: nothing was sent. */
  | { kind: 'unresolved'; record: JournalRecord }
  /** A new attempt its admission check refused: nothing was journaled or sent. */
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; error: unknown; record: JournalRecord };

/**
 * A check a new attempt must pass before it is journaled (the guardrails on money). Checks of
 * one key run one at a time, each seeing the attempts admitted before it, so two attempts at
 * once cannot both pass on the same room.
 */
export interface Admission {
  key: string;
  check: () => Promise<string | null>;
}

export interface JournaledRequestOptions {
  /** How Stripe shows whether this action happened, when its answer is in doubt. */
  reconcile: Reconciler;
  /**
   * Resend a confirmed attempt to get Stripe's replayed answer. Only for actions whose
   * repeat is harmless (a portal link), whose answer the journal must not keep.
   */
  resendWhenDone?: boolean;
  admission?: Admission;
}

/**
 * The one way a change reaches Stripe: the journal record (and its idempotency key) is
 * written first, then the request goes out. A POST carries the attempt's key, so a retry, a
 * second click or a restart resends it and Stripe replays rather than acting twice. A DELETE
 * carries none (Stripe ignores keys on it): whenever its answer is in doubt, the object is
 * read to say whether it happened, and it is sent again only if it did not.
 */
export function runJournaledRequest<T>(
  stripe: StripeClient,
  journal: ActivityJournal,
  intent: NewJournalRecord,
  schema: z.ZodType<T>,
  options: JournaledRequestOptions,
): Promise<JournaledOutcome<T>> {
  return withAttemptLock(intent.id, () => sendOnce(stripe, journal, intent, schema, options));
}

async function sendOnce<T>(
  stripe: StripeClient,
  journal: ActivityJournal,
  intent: NewJournalRecord,
  schema: z.ZodType<T>,
  { reconcile, resendWhenDone = false, admission }: JournaledRequestOptions,
): Promise<JournaledOutcome<T>> {
  const begun = await beginAttempt(journal, intent, admission);
  if ('refused' in begun) return { kind: 'refused', reason: begun.refused };
  let { record } = begun;
  const isDelete = record.request.method === 'DELETE';
  // Sent before, its answer never came: Stripe is read first (which also sets its clock for
  // the check below), and nothing is sent again if it shows the attempt happened.
  if (!begun.isNew && record.outcome === 'pending') {
    const read = await readWhetherDone(record, stripe, journal, reconcile);
    if (read) return { kind: 'already-done', ...read };
  }
  // Past the time Stripe keeps its key, a POST is never sent again, whatever its state: a
  // pending one is settled by reading Stripe. A DELETE has no key to forget.
  if (isStale(record) && !isDelete) {
    if (record.outcome === 'pending')
      record = await settleFromStripe(record, stripe, journal, reconcile);
    return record.outcome === 'succeeded'
      ? { kind: 'already-done', record }
      : { kind: 'unresolved', record };
  }
  // Never resend a confirmed change: Stripe forgets idempotency keys after 24 hours.
  if (record.outcome === 'succeeded' && !resendWhenDone) return { kind: 'already-done', record };
  if (record.outcome === 'unknown' || record.outcome === 'unverified')
    return { kind: 'unresolved', record };
  try {
    const result = await sendJournaled(stripe, record, schema);
    const settled = await journal.settle(record.id, {
      outcome: 'succeeded',
      requestId: result.requestId,
    });
    return { kind: 'done', result, record: settled };
  } catch (error) {
    // A DELETE refused or unanswered may have acted before (a retry finds the subscription
    // canceled): what Stripe shows now settles it.
    if (isDelete) {
      const read = await readWhetherDone(record, stripe, journal, reconcile);
      if (read) return { kind: 'already-done', ...read };
    }
    const explained = explainStripeFailure(error);
    const settled = await journal.settle(record.id, {
      outcome: outcomeOfError(error),
      requestId: explained.requestId,
      errorMessage: explained.message,
    });
    return { kind: 'failed', error, record: settled };
  }
}

/** Journals a new attempt once its admission passes; a known attempt was admitted before. */
async function beginAttempt(
  journal: ActivityJournal,
  intent: NewJournalRecord,
  admission: Admission | undefined,
): Promise<{ record: JournalRecord; isNew: boolean } | { refused: string }> {
  const begin = async () => {
    const isNew = !(await journal.get(intent.id));
    if (isNew && admission) {
      const refusal = await admission.check();
      if (refusal) return { refused: refusal };
    }
    return { record: await journal.begin(intent), isNew };
  };
  return admission ? withAttemptLock(`admission:${admission.key}`, begin) : begin();
}

/**
 * Reads Stripe for an attempt in doubt: the record settled as succeeded, with what Stripe
 * showed of it, when Stripe shows it happened; else null (not done, or Stripe could not be
 * read: the caller goes on as before).
 */
export async function readWhetherDone(
  record: JournalRecord,
  stripe: StripeClient,
  journal: ActivityJournal,
  reconcile: Reconciler,
): Promise<{ record: JournalRecord; found: unknown } | null> {
  try {
    const read = await reconcile(record, stripe);
    if (read.outcome !== 'succeeded') return null;
    const settled = await journal.settle(record.id, {
      outcome: 'succeeded',
      errorMessage: undefined,
    });
    return { record: settled, found: read.found };
  } catch {
    return null;
  }
}

/** The journaled request as it goes out: a POST with the attempt's key, a DELETE without. */
export const sendJournaled = <T>(
  stripe: StripeClient,
  record: JournalRecord,
  schema: z.ZodType<T>,
) =>
  stripe({
    method: record.request.method,
    path: record.request.path,
    params: record.request.params,
    ...(record.request.method === 'POST' ? { idempotencyKey: record.idempotencyKey } : {}),
    schema,
  });

/**
 * Resends a pending attempt found after a restart or an unlock (the caller has read Stripe
 * first, as the card's own retry does). Settles the record when the answer is definite;
 * leaves it pending when there is still no answer.
 */
export async function resendPending(
  stripe: StripeClient,
  journal: ActivityJournal,
  record: JournalRecord,
  schema: z.ZodType<unknown>,
): Promise<JournalRecord> {
  try {
    const result = await sendJournaled(stripe, record, schema);
    return journal.settle(record.id, { outcome: 'succeeded', requestId: result.requestId });
  } catch (error) {
    const outcome = outcomeOfError(error);
    if (outcome === 'pending') return record;
    const explained = explainStripeFailure(error);
    return journal.settle(record.id, {
      outcome,
      requestId: explained.requestId,
      errorMessage: explained.message,
    });
  }
}

/**
 * Without an answer, or with a 409 (the key in use by a concurrent replay, or a conflict
 * Stripe asks us to retry), we cannot know whether Stripe acted: keep it pending for a replay
 * with the same key. A 2xx we could not read most likely acted: never resend it.
 */
export function outcomeOfError(error: unknown): JournalRecord['outcome'] {
  if (error instanceof StripeConnectionError) return 'pending';
  if (error instanceof StripeApiError && error.status === 409) return 'pending';
  if (error instanceof StripeResponseShapeError) return 'unverified';
  return 'failed';
}
