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
import { StripeConnectionError } from '../stripe/stripe-error';

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
  | { kind: 'failed'; error: unknown; record: JournalRecord };

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
  /**
   * Resend a confirmed attempt to get Stripe's replayed answer. Only for actions whose repeat
   * is harmless (a portal link), whose answer the journal must not keep.
   */
  { resendWhenDone = false } = {},
): Promise<JournaledOutcome<T>> {
  const record = await journal.begin(intent);
  // Never resend a confirmed change: Stripe forgets idempotency keys after 24 hours.
  if (record.outcome === 'succeeded' && !resendWhenDone) return { kind: 'already-done', record };
  try {
    const result = await stripe({
      method: 'POST',
      path: record.request.path,
      params: record.request.params,
      idempotencyKey: record.idempotencyKey,
      schema,
    });
    const settled = await journal.settle(record.id, {
      outcome: 'succeeded',
      requestId: result.requestId,
    });
    return { kind: 'done', result, record: settled };
  } catch (error) {
    const explained = explainStripeFailure(error);
    // Without an answer we cannot know whether Stripe acted: keep it pending for a replay.
    const outcome = error instanceof StripeConnectionError ? 'pending' : 'failed';
    const settled = await journal.settle(record.id, {
      outcome,
      requestId: explained.requestId,
      errorMessage: explained.message,
    });
    return { kind: 'failed', error, record: settled };
  }
}
