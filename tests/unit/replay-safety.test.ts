import { describe, expect, it } from 'vitest';
import { openActivityJournal, type ActivityJournal } from '../../utils/journal/activity-journal';
import { resumePendingActions } from '../../utils/journal/resume-pending';
import { STALE_AFTER_MS } from '../../utils/journal/stale-attempts';
import { ATTEMPT_SOURCE } from '../../utils/kit/attempt';
import { reconcilerFor } from '../../utils/objects/registry';
import { accountById, saveAccount } from '../../utils/storage/account-store';
import { SEED_IDS } from '../emulator/seed-data';
import { expectOk, testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(5);
const { page, options } = senders;
const HOUR = 60 * 60 * 1000;

const posts = () => harness.emulator.apiRequests().filter((r) => r.method === 'POST');
const creditsFor = (attemptId: string) =>
  harness.emulator
    .balanceTransactions()
    .filter((t) => (t.metadata as Record<string, string>).attempt_id === attemptId);

async function withKey() {
  const account = await saveAccount({
    apiKey: harness.emulator.keys.testSecret,
    keyKind: 'secret',
    mode: 'test',
  });
  return account;
}

/** A journaled credit whose request never got an answer, begun `ageMs` ago. */
async function pendingCredit(journal: ActivityJournal, accountId: string, ageMs: number) {
  const attemptId = crypto.randomUUID();
  return journal.begin(
    {
      id: attemptId,
      accountId,
      mode: 'test',
      objectId: SEED_IDS.jenny,
      action: 'credit_customer_balance',
      amount: 500,
      currency: 'usd',
      request: {
        method: 'POST',
        path: `/v1/customers/${SEED_IDS.jenny}/balance_transactions`,
        // As the card's credit of 5.00 USD from the ticket sends it.
        params: {
          amount: -500,
          currency: 'usd',
          metadata: { source: ATTEMPT_SOURCE, ticket_url: page.url!, attempt_id: attemptId },
        },
      },
    },
    Date.now() - ageMs,
  );
}

const resume = (journal: ActivityJournal) =>
  resumePendingActions(
    journal,
    accountById,
    ({ apiKey }) => harness.client({ apiKey }),
    reconcilerFor,
  );

describe('a settled attempt', () => {
  it('stays succeeded whatever a late replay answers', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const record = await pendingCredit(journal, 'acct', 0);
    await journal.settle(record.id, { outcome: 'succeeded', requestId: 'req_1' });
    await journal.settle(record.id, { outcome: 'failed', errorMessage: 'key in use' });
    await journal.settle(record.id, { outcome: 'pending' });
    expect(await journal.get(record.id)).toMatchObject({
      outcome: 'succeeded',
      requestId: 'req_1',
    });
  });
});

describe('an attempt whose answer was lost', () => {
  it('is resent with its key while Stripe still keeps it', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const account = await withKey();
    const record = await pendingCredit(journal, account.id, 22 * HOUR);
    expect(await resume(journal)).toEqual({ resolved: 1, stillPending: 0 });
    expect(posts()).toHaveLength(1);
    expect(creditsFor(record.id)).toHaveLength(1);
    expect(await journal.get(record.id)).toMatchObject({ outcome: 'succeeded' });
  });

  it('is never resent after 23 hours: Stripe had acted, and its transactions say so', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const account = await withKey();
    const record = await pendingCredit(journal, account.id, STALE_AFTER_MS + HOUR);
    // Stripe acted on Friday; the answer was lost; its key is forgotten by Monday.
    await harness.client()({
      ...record.request,
      idempotencyKey: 'another-key-as-if-forgotten',
      schema: (await import('zod')).z.unknown(),
    });
    harness.emulator.received.length = 0;
    expect(await resume(journal)).toEqual({ resolved: 1, stillPending: 0 });
    expect(posts()).toHaveLength(0);
    expect(creditsFor(record.id)).toHaveLength(1);
    expect(await journal.get(record.id)).toMatchObject({ outcome: 'succeeded' });
  });

  it('is never resent after 23 hours: Stripe had not acted, and it is settled as failed', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const account = await withKey();
    const record = await pendingCredit(journal, account.id, STALE_AFTER_MS + HOUR);
    expect(await resume(journal)).toEqual({ resolved: 1, stillPending: 0 });
    expect(posts()).toHaveLength(0);
    expect(creditsFor(record.id)).toHaveLength(0);
    expect(await journal.get(record.id)).toMatchObject({
      outcome: 'failed',
      errorMessage: expect.stringContaining('nothing was credited'),
    });
  });

  it('stays unknown, unsent, while Stripe cannot be read, and settles on a later pass', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const account = await withKey();
    const record = await pendingCredit(journal, account.id, STALE_AFTER_MS + HOUR);
    // Every read of this pass fails: the first look, and the settling read after it.
    harness.emulator.injectFault({ kind: 'status', status: 500 }, { times: 6 });
    expect(await resume(journal)).toEqual({ resolved: 0, stillPending: 1 });
    expect(await journal.get(record.id)).toMatchObject({ outcome: 'unknown' });
    expect(await resume(journal)).toEqual({ resolved: 1, stillPending: 0 });
    expect(await journal.get(record.id)).toMatchObject({ outcome: 'failed' });
    expect(posts()).toHaveLength(0);
  });

  it('is not resent from the card either: the retry reads Stripe and says so', async () => {
    const { ask, journal, grantCard, saveTestKey } = harness.router({ senders });
    await saveTestKey();
    const session = await grantCard(SEED_IDS.openSession);
    const accounts = await ask({ type: 'accounts.list' }, options);
    const accountId = expectOk(accounts)[0]!.id;
    const attemptId = crypto.randomUUID();
    await journal.begin(
      {
        id: attemptId,
        accountId,
        mode: 'test',
        objectId: SEED_IDS.openSession,
        action: 'expire_checkout_session',
        request: {
          method: 'POST',
          path: `/v1/checkout/sessions/${SEED_IDS.openSession}/expire`,
          params: {},
        },
      },
      Date.now() - STALE_AFTER_MS - HOUR,
    );
    harness.emulator.received.length = 0;
    const reply = await session.ask({ type: 'checkoutSession.expire', attemptId });
    // Settled: Stripe did not act, so the card's next try is a new attempt with a new key.
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('still open'), unresolved: false },
    });
    expect(posts()).toHaveLength(0);
    expect(harness.emulator.sessions().get(SEED_IDS.openSession)!.status).toBe('open');
    expect(await journal.get(attemptId)).toMatchObject({ outcome: 'failed' });
    // The old attempt itself, presented again (a stale card, a replayed message), sends nothing.
    await session.ask({ type: 'checkoutSession.expire', attemptId });
    expect(posts()).toHaveLength(0);
  });

  it('is marked unknown, not failed, when its account is removed', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const record = await pendingCredit(journal, 'acct-removed', 0);
    expect(await resume(journal)).toEqual({ resolved: 1, stillPending: 0 });
    expect(await journal.get(record.id)).toMatchObject({ outcome: 'unknown' });
    expect(posts()).toHaveLength(0);
  });
});

describe('replays of one attempt at once', () => {
  it('send its key once: the start-up replay and the card retry take turns', async () => {
    const { ask, journal, grantCard, saveTestKey } = harness.router({ senders });
    await saveTestKey();
    const accounts = await ask({ type: 'accounts.list' }, options);
    const accountId = expectOk(accounts)[0]!.id;
    const jenny = await grantCard(SEED_IDS.jenny);
    const record = await pendingCredit(journal, accountId, 0);
    harness.emulator.received.length = 0;
    // The first to reach Stripe is slow to answer; the other would meet "key in use" (409).
    harness.emulator.injectFault({ kind: 'delay', ms: 300 }, { method: 'POST', times: 1 });
    const [resumed, retried] = await Promise.all([
      resume(journal),
      jenny.ask({
        type: 'customer.credit',
        attemptId: record.id,
        amount: '5.00',
        currency: 'usd',
        note: '',
      }),
    ]);
    expect(resumed).toEqual({ resolved: 1, stillPending: 0 });
    // Whichever took the lock first sent the key; the other found the attempt done.
    expect(retried.ok || /already done/.test(retried.error.message)).toBe(true);
    expect(posts()).toHaveLength(1);
    expect(creditsFor(record.id)).toHaveLength(1);
    expect(await journal.get(record.id)).toMatchObject({ outcome: 'succeeded' });
  });

  it('keeps the attempt pending when Stripe answers 409 to the end', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const account = await withKey();
    const record = await pendingCredit(journal, account.id, 0);
    harness.emulator.injectFault({ kind: 'status', status: 409 }, { method: 'POST', times: 3 });
    expect(await resume(journal)).toEqual({ resolved: 0, stillPending: 1 });
    expect(await journal.get(record.id)).toMatchObject({ outcome: 'pending' });
  });
});
