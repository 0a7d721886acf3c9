import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_GUARDRAILS } from '../../utils/guardrails/limits';
import { dailyCreditUse } from '../../utils/guardrails/daily-total';
import {
  openActivityJournal,
  type ActivityJournal,
  type JournalRecord,
} from '../../utils/journal/activity-journal';
import { runJournaledRequest } from '../../utils/journal/journaled-request';
import { resumePendingActions } from '../../utils/journal/resume-pending';
import type { Reconciler } from '../../utils/journal/stale-attempts';
import { runAttempt, type ActionBase } from '../../utils/kit/attempt';
import { JOURNAL_ACTIONS, movesMoney } from '../../utils/objects/kind-facts';
import type { UsableAccount } from '../../utils/storage/account-store';
import { createStripeClient } from '../../utils/stripe/client';
import { NO_PREVIEWS } from './emulator-harness';

const account: UsableAccount = { id: 'acct-1', label: 'Test', mode: 'test', apiKey: 'sk_test_x' };

interface Sent {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A Stripe that answers from a script, one entry per request; 'drop' loses the answer. */
function scriptedStripe(script: Array<{ status: number; body: unknown } | 'drop'>) {
  const sent: Sent[] = [];
  const stripe = createStripeClient({
    apiKey: account.apiKey,
    sleep: async () => {},
    random: () => 0.5,
    fetch: async (input, init) => {
      sent.push({
        method: init!.method!,
        url: new URL(String(input)),
        headers: init!.headers as Record<string, string>,
        body: init!.body as string | undefined,
      });
      const next = script.shift() ?? 'drop';
      if (next === 'drop') throw new TypeError('network');
      return new Response(JSON.stringify(next.body), {
        status: next.status,
        headers: { 'request-id': `req_${sent.length}` },
      });
    },
  });
  return { stripe, sent };
}

const SUBSCRIPTION = { id: 'sub_1234567890', object: 'subscription', status: 'canceled' };
const ALREADY_CANCELED = {
  error: { type: 'invalid_request_error', message: 'This subscription has already been canceled.' },
};
const deleteIntent = (id = crypto.randomUUID()) => ({
  id,
  accountId: account.id,
  mode: 'test' as const,
  objectId: 'sub_1234567890',
  action: 'cancel_subscription',
  request: {
    method: 'DELETE' as const,
    path: '/v1/subscriptions/sub_1234567890',
    params: { prorate: true, invoice_now: false },
  },
  pageUrl: 'https://acme.zendesk.com/agent/tickets/1',
});
/** A reconciler that reads the subscription as Stripe now has it. */
const readsCanceled =
  (canceled: boolean): Reconciler =>
  async () =>
    canceled ? { outcome: 'succeeded' } : { outcome: 'failed', errorMessage: 'Still active.' };
const newJournal = () => openActivityJournal(`attempts-${crypto.randomUUID()}`);

describe('a journaled DELETE', () => {
  it('goes out with its parameters in the query, no body and no idempotency key', async () => {
    const { stripe, sent } = scriptedStripe([{ status: 200, body: SUBSCRIPTION }]);
    const outcome = await runJournaledRequest(stripe, newJournal(), deleteIntent(), z.unknown(), {
      reconcile: readsCanceled(false),
    });
    expect(outcome.kind).toBe('done');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('DELETE');
    expect(sent[0]!.url.pathname).toBe('/v1/subscriptions/sub_1234567890');
    expect(sent[0]!.url.search).toBe('?prorate=true&invoice_now=false');
    expect(sent[0]!.body).toBeUndefined();
    expect(sent[0]!.headers).not.toHaveProperty('Idempotency-Key');
  });

  it('whose answer was lost is settled as done by reading the object', async () => {
    const journal = newJournal();
    const { stripe } = scriptedStripe(['drop', 'drop', 'drop']);
    const intent = deleteIntent();
    const outcome = await runJournaledRequest(stripe, journal, intent, z.unknown(), {
      reconcile: readsCanceled(true),
    });
    expect(outcome.kind).toBe('already-done');
    expect(await journal.get(intent.id)).toMatchObject({ outcome: 'succeeded' });
  });

  it('answered "already canceled" on a retry settles as done after reading, not as a failure', async () => {
    const journal = newJournal();
    const { stripe } = scriptedStripe([{ status: 400, body: ALREADY_CANCELED }]);
    const intent = deleteIntent();
    const outcome = await runJournaledRequest(stripe, journal, intent, z.unknown(), {
      reconcile: readsCanceled(true),
    });
    expect(outcome.kind).toBe('already-done');
    expect(await journal.get(intent.id)).toMatchObject({ outcome: 'succeeded' });
  });

  it('refused while the object shows it did not happen fails with Stripe’s words', async () => {
    const journal = newJournal();
    const { stripe } = scriptedStripe([{ status: 400, body: ALREADY_CANCELED }]);
    const intent = deleteIntent();
    const outcome = await runJournaledRequest(stripe, journal, intent, z.unknown(), {
      reconcile: readsCanceled(false),
    });
    expect(outcome.kind).toBe('failed');
    expect(await journal.get(intent.id)).toMatchObject({ outcome: 'failed' });
  });

  it('left pending is read before it is sent again, and not sent when it had acted', async () => {
    const journal = newJournal();
    const intent = deleteIntent();
    // No answer, and Stripe could not be read either: it stays pending.
    const lost = scriptedStripe(['drop', 'drop', 'drop']);
    const unreadable: Reconciler = async () => {
      throw new Error('unreachable');
    };
    const first = await runJournaledRequest(lost.stripe, journal, intent, z.unknown(), {
      reconcile: unreadable,
    });
    expect(first.kind).toBe('failed');
    expect(await journal.get(intent.id)).toMatchObject({ outcome: 'pending' });
    // The agent's retry: Stripe now shows the subscription canceled.
    const retry = scriptedStripe([]);
    const second = await runJournaledRequest(retry.stripe, journal, intent, z.unknown(), {
      reconcile: readsCanceled(true),
    });
    expect(second.kind).toBe('already-done');
    expect(retry.sent).toHaveLength(0);
  });

  it('left pending by a stopped worker is read at start-up, then settled without a send', async () => {
    const journal = newJournal();
    const intent = deleteIntent();
    await journal.begin(intent, Date.now() - 30 * 60 * 60 * 1000);
    const { stripe, sent } = scriptedStripe([]);
    const result = await resumePendingActions(
      journal,
      async () => account,
      () => stripe,
      () => readsCanceled(true),
    );
    expect(result).toEqual({ resolved: 1, stillPending: 0 });
    expect(sent).toHaveLength(0);
    expect(await journal.get(intent.id)).toMatchObject({ outcome: 'succeeded' });
  });
});

describe('an attempt of a money action', () => {
  const base = (journal: ActivityJournal, stripe = scriptedStripe([]).stripe): ActionBase => ({
    stripe,
    journal,
    account,
    objectId: 'cus_12345678901234',
    attemptId: crypto.randomUUID(),
    pageUrl: 'https://acme.zendesk.com/agent/tickets/1',
    guardrails: { creditLimits: { usd: 50 }, dailyCreditLimits: { usd: 60 } },
    previews: NO_PREVIEWS,
  });
  const creditSpec = (minorUnits: number) => ({
    action: 'credit_customer_balance' as const,
    request: {
      method: 'POST' as const,
      path: '/v1/customers/cus_1/balance_transactions',
      params: {},
    },
    money: { minorUnits, currency: 'usd' },
    schema: z.unknown(),
    reconcile: readsCanceled(false),
    done: () => ({ ok: true as const, value: null }),
  });

  it('is refused over the per-action limit by the mechanism itself, with nothing journaled or sent', async () => {
    const journal = newJournal();
    const { stripe, sent } = scriptedStripe([]);
    const reply = await runAttempt(base(journal, stripe), creditSpec(5001));
    expect(reply).toEqual({
      ok: false,
      error: { message: 'That is over the limit of $50.00 per credit (Options → Guardrails).' },
    });
    expect(sent).toHaveLength(0);
    expect(await journal.listRecent(10)).toEqual([]);
  });

  it('is refused past the rolling day’s total, counted from the journal', async () => {
    const journal = newJournal();
    const first = scriptedStripe([{ status: 200, body: {} }]);
    expect((await runAttempt(base(journal, first.stripe), creditSpec(5000))).ok).toBe(true);
    const second = scriptedStripe([]);
    const reply = await runAttempt(base(journal, second.stripe), creditSpec(1001));
    expect(reply.ok).toBe(false);
    expect(second.sent).toHaveLength(0);
  });

  it('that names no amount never reaches Stripe', async () => {
    const { stripe, sent } = scriptedStripe([]);
    const { money: _money, ...withoutMoney } = creditSpec(100);
    await expect(
      // @ts-expect-error A money action's attempt must name its amount: this does not compile.
      runAttempt(base(newJournal(), stripe), withoutMoney),
    ).rejects.toThrow(/moves money/);
    expect(sent).toHaveLength(0);
  });

  it('cannot be given an amount when its facts say it moves none', () => {
    const spec = {
      action: 'expire_checkout_session' as const,
      request: {
        method: 'POST' as const,
        path: '/v1/checkout/sessions/cs_test_1/expire',
        params: {},
      },
      money: { minorUnits: 1, currency: 'usd' },
      schema: z.unknown(),
      reconcile: readsCanceled(false),
      done: () => ({ ok: true as const, value: null }),
    };
    // @ts-expect-error An action that moves no money carries no amount.
    const attempt = () => runAttempt(base(newJournal()), spec);
    expect(typeof attempt).toBe('function');
  });
});

describe('what counts toward the daily total', () => {
  it('is every action whose facts say it moves money, and any action this version does not know', async () => {
    for (const [action, facts] of Object.entries(JOURNAL_ACTIONS))
      expect(movesMoney(action)).toBe(facts.movesMoney);
    expect(movesMoney('refund_from_a_newer_version')).toBe(true);

    const journal = newJournal();
    const requestFor = (action: string, amount: number): JournalRecord['request'] => ({
      method: 'POST',
      path: `/v1/${action}`,
      params: { amount },
    });
    for (const [action, amount] of [
      ['credit_customer_balance', 100],
      ['issue_credit_note', 200],
      ['expire_checkout_session', 400],
      ['refund_from_a_newer_version', 800],
    ] as const)
      await journal.begin({
        id: crypto.randomUUID(),
        accountId: account.id,
        mode: 'test',
        objectId: 'x',
        action,
        amount,
        currency: 'usd',
        request: requestFor(action, amount),
      });
    const use = await dailyCreditUse({
      journal,
      accountId: account.id,
      currency: 'usd',
      guardrails: DEFAULT_GUARDRAILS,
    });
    expect(use?.usedMinor).toBe(100 + 200 + 800);
  });
});
