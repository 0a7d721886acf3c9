import type { z } from 'zod';
import { overCreditLimit, type Guardrails } from '../guardrails/limits';
import { overDailyCreditLimit } from '../guardrails/daily-total';
import type { ActivityJournal, JournaledRequest, JournalRecord } from '../journal/activity-journal';
import {
  runJournaledRequest,
  type Admission,
  type JournaledOutcome,
} from '../journal/journaled-request';
import type { Reconciler } from '../journal/stale-attempts';
import { ticketNote } from '../journal/ticket-note';
import { failure, type Reply } from '../messaging/reply';
import type { JournalAction, MoneyAction } from '../objects/kind-facts';
import { journalActionNoun, movesMoney } from '../objects/kind-facts';
import type { UsableAccount } from '../storage/account-store';
import type { StripeClient, StripeResult } from '../stripe/client';
import { explainStripeFailure } from '../stripe/explain-failure';
import { StripeApiError } from '../stripe/stripe-error';
import { earlierAttemptInDoubt, settleByReading } from './lost-answers';
import type { Money } from './money';
import type { PreviewBook } from './preview-binding';

export type { Money };

/** What a read on a granted object starts from: the account its grant routes to. */
export interface AccountBase {
  stripe: StripeClient;
  journal: ActivityJournal;
  account: UsableAccount;
  /** The object the card was granted (or, for an action on one it listed, that one). */
  objectId: string;
  pageUrl: string;
  /** The limits in force on money actions, read once for this request. */
  guardrails: Guardrails;
  /** What this card's reviews showed, by attempt: Confirm sends only that. */
  previews: PreviewBook;
  /** Who is acting, as Options or the organisation's policy names the agent; null if unnamed. */
  agentName?: string | null;
}

/** What every action on a granted object starts from: one attempt of the agent's. */
export interface ActionBase extends AccountBase {
  attemptId: string;
}

/** Where every change the extension makes says it came from, in Stripe's metadata. */
export const ATTEMPT_SOURCE = 'stripe-helpdesk-actions';
/** Stripe's limit on a metadata value. */
const MAX_METADATA_VALUE = 500;

/**
 * The metadata every action that takes it carries: anyone reading it in the Dashboard can
 * trace it to the ticket, and a lost answer is found again by its attempt.
 */
export const attemptMetadata = (
  base: Pick<ActionBase, 'pageUrl' | 'attemptId'> & Partial<Pick<ActionBase, 'agentName'>>,
) => ({
  source: ATTEMPT_SOURCE,
  ticket_url: base.pageUrl.slice(0, MAX_METADATA_VALUE),
  attempt_id: base.attemptId,
  // A team sharing one key tells who acted by it.
  ...(base.agentName ? { agent: base.agentName.slice(0, MAX_METADATA_VALUE) } : {}),
});

/**
 * One action, as a kind describes it: what to send, how Stripe shows whether it happened,
 * and its words for the outcome. The attempt mechanism does the rest: journal first, send
 * once, the guardrails on money, and the same reply for every outcome of every action.
 */
export type AttemptSpec<A extends JournalAction, T, V> = {
  action: A;
  request: JournaledRequest;
  schema: z.ZodType<T>;
  reconcile: Reconciler;
  /** Stripe's answer, as the card shows it. */
  done: (result: StripeResult<T>) => Reply<V> | Promise<Reply<V>>;
  /** A confirmation carried out before: by default the agent is told, and nothing is sent. */
  alreadyDone?: (record: JournalRecord) => Reply<V> | Promise<Reply<V>>;
  /**
   * A plain sentence for a Stripe error of this action (from reading the object again, say),
   * or null for Stripe's own words.
   */
  explainError?: (error: unknown) => Promise<string | null>;
  /** Resend a confirmed attempt for its replayed answer (a portal link: see the journal). */
  resendWhenDone?: boolean;
} & (A extends MoneyAction
  ? { money: Money }
  : // An action that does not declare money in its kind's facts cannot carry an amount.
    { money?: never });

/** Runs one attempt of an action through the journal, and answers the card. */
export async function runAttempt<A extends JournalAction, T, V>(
  base: ActionBase,
  spec: AttemptSpec<A, T, V>,
): Promise<Reply<V>> {
  const money: Money | undefined = spec.money;
  // The types require it; this stops an action that slipped past them all the same.
  if (movesMoney(spec.action) && !money)
    throw new Error(`${spec.action} moves money, but its attempt names no amount.`);
  const outcome: JournaledOutcome<T> = await runJournaledRequest(
    base.stripe,
    base.journal,
    {
      id: base.attemptId,
      accountId: base.account.id,
      mode: base.account.mode,
      objectId: base.objectId,
      action: spec.action,
      ...(money ? { amount: money.minorUnits, currency: money.currency } : {}),
      request: spec.request,
      pageUrl: base.pageUrl,
      ...(base.agentName ? { agentName: base.agentName } : {}),
    },
    spec.schema,
    {
      reconcile: spec.reconcile,
      resendWhenDone: spec.resendWhenDone,
      admission: money ? moneyAdmission(base, money, spec.action, spec.reconcile) : undefined,
    },
  );
  /** Stripe's answer as the card shows it, with the ticket's note from what the journal kept. */
  const doneWithNote = async (result: StripeResult<T>, record: JournalRecord) =>
    withNote(await spec.done(result), record, result.requestId);
  switch (outcome.kind) {
    case 'done':
      return doneWithNote(outcome.result, outcome.record);
    case 'already-done': {
      // Known by reading Stripe after a lost answer: what it showed is the outcome to show.
      const found = outcome.found === undefined ? null : spec.schema.safeParse(outcome.found);
      if (found?.success)
        return doneWithNote(
          { data: found.data, requestId: undefined, replayed: false, attempts: 0 },
          outcome.record,
        );
      return spec.alreadyDone
        ? withNote(await spec.alreadyDone(outcome.record), outcome.record)
        : failure(alreadyDoneMessage(outcome.record));
    }
    case 'unresolved':
      return unresolvedReply(outcome.record);
    case 'refused':
      return failure(outcome.reason);
    case 'failed': {
      // No answer: Stripe may have acted. Reading it settles that at once where it can.
      if (outcome.record.outcome === 'pending') {
        const read = await settleByReading(
          outcome.record,
          base.stripe,
          base.journal,
          spec.reconcile,
        );
        if (read.settled === 'succeeded') {
          const found = spec.schema.safeParse(read.found);
          return found.success
            ? doneWithNote(
                { data: found.data, requestId: undefined, replayed: false, attempts: 0 },
                read.record,
              )
            : spec.alreadyDone
              ? withNote(await spec.alreadyDone(read.record), read.record)
              : failure(alreadyDoneMessage(read.record));
        }
        if (read.settled === null)
          return failure(IN_DOUBT, { requestId: outcome.record.requestId, unresolved: true });
      }
      const explained = explainStripeFailure(outcome.error);
      const sentence = await spec.explainError?.(outcome.error).catch(() => null);
      return {
        ok: false,
        error: {
          ...explained,
          ...(sentence ? { message: sentence } : {}),
          unresolved: isUnresolved(outcome.record),
        },
      };
    }
  }
}

/**
 * A done reply with the line for the ticket's note, built from the journal's record of the
 * attempt (the mechanism's, so no action writes its own). Stripe's request ID is the
 * answer's, else the one the journal kept.
 */
function withNote<V>(reply: Reply<V>, record: JournalRecord, requestId?: string): Reply<V> {
  if (!reply.ok) return reply;
  return {
    ...reply,
    note: ticketNote({ ...record, requestId: requestId ?? record.requestId }),
  };
}

/** What the agent reads when Stripe's answer did not arrive and Stripe shows nothing yet. */
const IN_DOUBT =
  "Stripe's answer did not arrive, so it may have acted, or may still. Do not redo it elsewhere: Retry here sends the same request, and Stripe acts at most once.";

/**
 * The guardrails on a new money attempt, checked as it is journaled: no earlier attempt on
 * the object still in doubt, the per-action limit, then the rolling day's total, one attempt
 * at a time per account and currency.
 */
function moneyAdmission(
  base: ActionBase,
  money: Money,
  action: JournalAction,
  reconcile: Reconciler,
): Admission {
  return {
    key: `daily-credits:${base.account.id}:${money.currency}`,
    check: async () =>
      (await earlierAttemptInDoubt({
        journal: base.journal,
        stripe: base.stripe,
        accountId: base.account.id,
        objectId: base.objectId,
        attemptId: base.attemptId,
        reconcilerFor: (earlier) => (earlier === action ? reconcile : undefined),
      })) ??
      overCreditLimit(money.minorUnits, money.currency, base.guardrails, guardrailNoun(action)) ??
      overDailyCreditLimit({
        noun: guardrailNoun(action),
        journal: base.journal,
        accountId: base.account.id,
        currency: money.currency,
        minorUnits: money.minorUnits,
        guardrails: base.guardrails,
      }),
  };
}

/**
 * What the guardrails' refusals call an action: a credit note is weighed as the credit it
 * is; any other action (a refund) by its own name.
 */
const guardrailNoun = (action: string) => {
  const noun = journalActionNoun(action);
  return noun === 'credit note' ? 'credit' : noun;
};

/** Whether the card must keep this attempt (and its key) for a retry, never minting a new one. */
export const isUnresolved = (record: JournalRecord) =>
  record.outcome === 'pending' || record.outcome === 'unknown' || record.outcome === 'unverified';

/** What the agent reads for an attempt left unresolved; nothing was sent for it. */
const unresolvedMessage = (record: JournalRecord) =>
  record.outcome === 'unverified'
    ? `Stripe accepted this${record.requestId ? ` (request ${record.requestId})` : ''}, but its answer was not what the extension expected. Check the Dashboard before doing it again; nothing was sent again.`
    : `Stripe's answer to this was lost and its key has expired there, so it was not sent again. ${record.errorMessage ?? ''} Check the Dashboard before doing it again.`.trim();

/** The card's answer for an attempt sent nothing for: it keeps the attempt while unresolved. */
const unresolvedReply = (record: JournalRecord): Reply<never> =>
  failure(unresolvedMessage(record), {
    requestId: record.requestId,
    unresolved: isUnresolved(record),
  });

export const alreadyDoneMessage = (record: JournalRecord) =>
  `This was already done${record.requestId ? ` (Stripe request ${record.requestId})` : ''}; nothing was sent again.`;

/**
 * For `explainError`: a Stripe refusal (400) of an action whose object may simply have moved
 * on (expired, void already), said from what a fresh read of it shows.
 */
export const onStripeRefusal =
  (explain: () => Promise<string | null>) =>
  async (error: unknown): Promise<string | null> =>
    error instanceof StripeApiError && error.status === 400 ? explain() : null;
