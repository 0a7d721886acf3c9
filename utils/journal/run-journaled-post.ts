import type { z } from 'zod';
import type { UsableAccount } from '../storage/account-store';
import type {
  ActivityJournal,
  JournalAction,
  JournalRecord,
  NewJournalRecord,
} from './activity-journal';
import type { StripeClient, StripeResult } from '../stripe/client';
import { explainStripeFailure } from '../stripe/explain-failure';
import {
  StripeApiError,
  StripeConnectionError,
  StripeResponseShapeError,
} from '../stripe/stripe-error';
import { failure, type Reply } from '../messaging/reply';
import { withAttemptLock } from './attempt-lock';
import { isStale, settleFromStripe, type Reconciler } from './stale-attempts';

/** What every action on a granted object starts from. */
export interface ActionBase {
  stripe: StripeClient;
  journal: ActivityJournal;
  account: UsableAccount;
  /** The object the card was granted: a session or a customer. */
  objectId: string;
  attemptId: string;
  pageUrl: string;
}

/** The journal record for an action, before anything is sent. */
export const journalIntent = (
  base: ActionBase,
  action: JournalAction,
  request: JournalRecord['request'],
  money: Pick<NewJournalRecord, 'amount' | 'currency'> = {},
): NewJournalRecord => ({
  id: base.attemptId,
  accountId: base.account.id,
  mode: base.account.mode,
  objectId: base.objectId,
  action,
  ...money,
  request,
  pageUrl: base.pageUrl,
});

export type JournaledOutcome<T> =
  | { kind: 'done'; result: StripeResult<T>; record: JournalRecord }
  | { kind: 'already-done'; record: JournalRecord }
  /** Whether Stripe acted is not known, and sending again could act twice: nothing was sent. */
  | { kind: 'unresolved'; record: JournalRecord }
  /** A new attempt its admission check refused: nothing was journaled or sent. */
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; error: unknown; record: JournalRecord };

/** Whether the card must keep this attempt (and its key) for a retry, never minting a new one. */
export const isUnresolved = (record: JournalRecord) =>
  record.outcome === 'pending' || record.outcome === 'unknown' || record.outcome === 'unverified';

/** What the agent reads for an attempt left unresolved; nothing was sent for it. */
export const unresolvedMessage = (record: JournalRecord) =>
  record.outcome === 'unverified'
    ? `Stripe accepted this${record.requestId ? ` (request ${record.requestId})` : ''}, but its answer was not what the extension expected. Check the Dashboard before doing it again; nothing was sent again.`
    : `Stripe's answer to this was lost and its key has expired there, so it was not sent again. ${record.errorMessage ?? ''} Check the Dashboard before doing it again.`.trim();

/**
 * The one way a change reaches Stripe: the journal record (and its idempotency key) is
 * written first, then the POST goes out with that key. If no answer ever arrives the record
 * stays pending, so a retry or a restart resends with the same key and Stripe replays rather
 * than acting twice.
 */
export const alreadyDoneMessage = (record: JournalRecord) =>
  `This was already done${record.requestId ? ` (Stripe request ${record.requestId})` : ''}; nothing was sent again.`;

export async function runJournaledPost<T>(
  stripe: StripeClient,
  journal: ActivityJournal,
  intent: NewJournalRecord,
  schema: z.ZodType<T>,
  options: {
    /**
     * Resend a confirmed attempt to get Stripe's replayed answer. Only for actions whose
     * repeat is harmless (a portal link), whose answer the journal must not keep.
     */
    resendWhenDone?: boolean;
    /** How Stripe shows whether this action happened, for an attempt too old to resend. */
    reconcile?: Reconciler;
    /**
     * A check a new attempt must pass before it is journaled (a daily total). Checks of one
     * key run one at a time, each with the attempts admitted before it journaled, so two
     * attempts at once cannot both pass on the same room.
     */
    admission?: { key: string; check: () => Promise<string | null> };
  } = {},
): Promise<JournaledOutcome<T>> {
  return withAttemptLock(intent.id, () => sendOnce(stripe, journal, intent, schema, options));
}

async function sendOnce<T>(
  stripe: StripeClient,
  journal: ActivityJournal,
  intent: NewJournalRecord,
  schema: z.ZodType<T>,
  {
    resendWhenDone = false,
    reconcile,
    admission,
  }: {
    resendWhenDone?: boolean;
    reconcile?: Reconciler;
    admission?: { key: string; check: () => Promise<string | null> };
  },
): Promise<JournaledOutcome<T>> {
  const admitted = admission
    ? await withAttemptLock(`admission:${admission.key}`, async () => {
        // A retry of an attempt already journaled was admitted when it began.
        if (!(await journal.get(intent.id))) {
          const refusal = await admission.check();
          if (refusal) return refusal;
        }
        return journal.begin(intent);
      })
    : await journal.begin(intent);
  if (typeof admitted === 'string') return { kind: 'refused', reason: admitted };
  let record = admitted;
  // Past the time Stripe keeps its key, an attempt is never sent again, whatever its state:
  // a pending one is settled by reading Stripe.
  if (isStale(record)) {
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
    const result = await postJournaled(stripe, record, schema);
    const settled = await journal.settle(record.id, {
      outcome: 'succeeded',
      requestId: result.requestId,
    });
    return { kind: 'done', result, record: settled };
  } catch (error) {
    const explained = explainStripeFailure(error);
    const outcome = outcomeOfError(error);
    const settled = await journal.settle(record.id, {
      outcome,
      requestId: explained.requestId,
      errorMessage: explained.message,
    });
    return { kind: 'failed', error, record: settled };
  }
}

/** The journaled request, sent with the attempt's idempotency key. */
export const postJournaled = <T>(
  stripe: StripeClient,
  record: JournalRecord,
  schema: z.ZodType<T>,
) =>
  stripe({
    method: 'POST',
    path: record.request.path,
    params: record.request.params,
    idempotencyKey: record.idempotencyKey,
    schema,
  });

/** The card's answer for an attempt sent nothing for: it keeps the attempt while unresolved. */
export const unresolvedReply = (record: JournalRecord): Reply<never> =>
  failure(unresolvedMessage(record), {
    requestId: record.requestId,
    unresolved: isUnresolved(record),
  });

/** The card's answer for a failed send, in Stripe's words; kept for a retry while unresolved. */
export const failedReply = (outcome: { error: unknown; record: JournalRecord }): Reply<never> => ({
  ok: false,
  error: { ...explainStripeFailure(outcome.error), unresolved: isUnresolved(outcome.record) },
});

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
