import { afterEach, describe, expect, it, vi } from 'vitest';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import { resumePendingActions } from '../../utils/journal/resume-pending';
import { reconcilerFor } from '../../utils/objects/registry';
import type { UsableAccount } from '../../utils/storage/account-store';
import { createStripeClient } from '../../utils/stripe/client';

const HOUR = 60 * 60 * 1000;
const account: UsableAccount = { id: 'acct-1', label: 'Test', mode: 'test', apiKey: 'sk_test_x' };

/** Stripe, whose clock reads `stripeTime()`: no credit listed, and every POST counted. */
function stripeAt(stripeTime: () => number) {
  const posts: string[] = [];
  const client = createStripeClient({
    apiKey: account.apiKey,
    sleep: async () => {},
    fetch: async (input, init) => {
      if (init?.method === 'POST') posts.push(String(input));
      return new Response(JSON.stringify({ object: 'list', data: [], has_more: false }), {
        status: 200,
        headers: { date: new Date(stripeTime()).toUTCString(), 'request-id': 'req_1' },
      });
    },
  });
  return { client, posts };
}

afterEach(() => vi.useRealTimers());

describe("an attempt's age", () => {
  it('is measured by Stripe’s clock too: a computer set back never resends a key Stripe forgot', async () => {
    const began = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: began });
    let stripeTime = began;
    const stripe = stripeAt(() => stripeTime);
    // A card's look-up came first, as it always does: Stripe's clock agrees with ours.
    await stripe.client({
      method: 'GET',
      path: '/v1/customers/cus_1/balance_transactions',
      schema: (await import('zod')).z.unknown(),
    });
    const journal = openActivityJournal(`clock-${crypto.randomUUID()}`);
    const record = await journal.begin({
      id: crypto.randomUUID(),
      accountId: account.id,
      mode: 'test',
      objectId: 'cus_1',
      action: 'credit_customer_balance',
      amount: 1050,
      currency: 'usd',
      request: {
        method: 'POST',
        path: '/v1/customers/cus_1/balance_transactions',
        params: { amount: -1050, currency: 'usd' },
      },
    });
    // Thirty hours later by Stripe's clock, only twenty by a computer set back ten hours:
    // Stripe has forgotten the key, and a resend would credit a second time.
    stripeTime = began + 30 * HOUR;
    vi.setSystemTime(began + 20 * HOUR);
    const result = await resumePendingActions(
      journal,
      async () => account,
      () => stripe.client,
      reconcilerFor,
    );
    expect(stripe.posts).toEqual([]);
    expect(result).toEqual({ resolved: 1, stillPending: 0 });
    expect(await journal.get(record.id)).toMatchObject({ outcome: 'failed' });
  });
});
