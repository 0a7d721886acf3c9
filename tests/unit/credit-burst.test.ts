import { describe, expect, it } from 'vitest';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import { expectOk, testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(3);
const { options } = senders;

describe('a burst of 50 credits across customers, with Stripe throttling and failing', () => {
  it('posts each exactly once, one key per attempt, every record settled, backoff respected', async () => {
    const delays = harness.delays;
    delays.length = 0;
    const journal = openActivityJournal(`burst-${crypto.randomUUID()}`);
    const { ask, grantCard, saveTestKey } = harness.router({
      journal,
      // Enough retries that no credit runs out, whichever faults it meets: the point here is
      // that none is lost or doubled (the bound itself is tested in stripe-client).
      client: { maxRetries: 30 },
      senders,
    });
    await saveTestKey();

    // $1,275 in all on one account: over the default daily limit, under one of $5,000.
    const settings = await ask({ type: 'settings.get' }, options);
    expect(settings.ok).toBe(true);
    await ask(
      {
        type: 'settings.save',
        settings: { ...expectOk(settings).settings, creditLimits: { usd: 1000 } },
      },
      options,
    );

    const customers = Array.from({ length: 5 }, (_, i) => `cus_BurstOf50n${i}`);
    for (const id of customers)
      harness.emulator.customers().set(id, {
        id,
        livemode: false,
        name: id,
        email: null,
        balance: 0,
        currency: 'usd',
        created: 1_700_000_000,
      });
    harness.emulator.injectFault({ kind: 'status', status: 429 }, { method: 'POST', times: 12 });
    harness.emulator.injectFault({ kind: 'status', status: 503 }, { method: 'POST', times: 6 });
    harness.emulator.injectFault({ kind: 'drop-after' }, { method: 'POST', times: 6 });
    harness.emulator.received.length = 0;

    const attempts = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const objectId = customers[i % customers.length]!;
        const customer = await grantCard(objectId);
        const attemptId = crypto.randomUUID();
        const credit = () =>
          customer.ask({
            type: 'customer.credit',
            attemptId,
            amount: `${i + 1}`,
            currency: 'usd',
            note: `burst ${i}`,
          });
        // Every credit is double-clicked.
        const [first, second] = await Promise.all([credit(), credit()]);
        return { attemptId, objectId, amount: (i + 1) * 100, first, second };
      }),
    );

    for (const a of attempts) {
      expect(a.first).toMatchObject({ ok: true });
      expect(a.second).toEqual(a.first);
    }
    const transactions = harness.emulator.balanceTransactions();
    expect(transactions).toHaveLength(50);
    for (const id of customers) {
      const expected = attempts
        .filter((a) => a.objectId === id)
        .reduce((sum, a) => sum - a.amount, 0);
      expect(harness.emulator.customers().get(id)!.balance).toBe(expected);
    }
    const posts = harness.emulator.apiRequests().filter((r) => r.method === 'POST');
    const keysByAttempt = new Map<string, Set<string>>();
    for (const post of posts) {
      const attempt = (post.form.metadata as Record<string, string>).attempt_id!;
      keysByAttempt.set(
        attempt,
        (keysByAttempt.get(attempt) ?? new Set()).add(post.headers['idempotency-key']!),
      );
    }
    expect(keysByAttempt.size).toBe(50);
    for (const keys of keysByAttempt.values()) expect(keys.size).toBe(1);
    // 24 faults, each answered by one retry after a backoff of at least 0.5 s.
    expect(posts).toHaveLength(50 + 24);
    expect(delays).toHaveLength(24);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(500);
    const records = await journal.listRecent(100);
    expect(records.filter((r) => r.outcome === 'succeeded')).toHaveLength(50);
    expect(await journal.listUnsettled()).toEqual([]);
  });
});
