import { describe, expect, it } from 'vitest';
import type { Fault } from '../emulator/stripe-emulator';
import { SEED_IDS } from '../emulator/seed-data';
import { testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(4);

const REFUND_DRAFT = {
  currency: 'usd',
  whole: false,
  amount: '4.20',
  reason: 'duplicate',
  note: 'matrix',
} as const;

const ACTIONS = {
  expire: {
    objectId: SEED_IDS.openSession,
    request: { type: 'checkoutSession.expire' },
    effects: () =>
      harness.emulator.apiRequests().filter((r) => r.executed && r.path.endsWith('/expire')).length,
  },
  credit: {
    objectId: SEED_IDS.jenny,
    request: { type: 'customer.credit', amount: '4.20', currency: 'usd', note: 'matrix' },
    effects: () => harness.emulator.balanceTransactions().length,
  },
  portal: {
    objectId: SEED_IDS.jenny,
    request: { type: 'customer.portalLink', flow: 'none' },
    effects: () => harness.emulator.portalSessions().length,
  },
  refund: {
    objectId: SEED_IDS.jennyPartlyRefundedPayment,
    request: { type: 'payment.refund', draft: REFUND_DRAFT },
    // Reviewed first, as the card does: Confirm sends only what a review bound.
    review: { type: 'payment.reviewRefund', draft: REFUND_DRAFT },
    effects: () =>
      harness.emulator.refunds().filter((r) => r.metadata.source === 'stripe-helpdesk-actions')
        .length,
  },
} as const;

type Action = (typeof ACTIONS)[keyof typeof ACTIONS];
/** The review an action's Confirm needs, if any, for the same attempt. */
const reviewFor = (action: Action) => ('review' in action ? action.review : null);

/** Faults Stripe or the network may throw at one POST; each is survived by a retry. */
const SURVIVED: Array<[string, Fault]> = [
  ['429', { kind: 'status', status: 429 }],
  ['429 with Stripe-Should-Retry: true', { kind: 'status', status: 429, shouldRetry: 'true' }],
  ['409', { kind: 'status', status: 409 }],
  ['500', { kind: 'status', status: 500 }],
  ['503', { kind: 'status', status: 503 }],
  ['connection dropped before Stripe acted', { kind: 'drop-before' }],
  ['connection dropped after Stripe acted', { kind: 'drop-after' }],
  ['an answer slower than the client timeout', { kind: 'delay', ms: 600 }],
];

async function setUp() {
  const router = harness.router({ client: { timeoutMs: 300 }, senders });
  await router.saveTestKey();
  return router;
}

async function run(action: keyof typeof ACTIONS, fault: Fault) {
  const { journal, grantCard } = await setUp();
  const { objectId, request } = ACTIONS[action];
  const { ask } = await grantCard(objectId);
  const attemptId = crypto.randomUUID();
  const review = reviewFor(ACTIONS[action]);
  if (review) expect((await ask({ ...review, attemptId })).ok).toBe(true);
  harness.emulator.received.length = 0;
  harness.emulator.injectFault(fault, { method: 'POST' });
  const reply = await ask({ ...request, attemptId });
  const posts = harness.emulator.apiRequests().filter((r) => r.method === 'POST');
  return { reply, posts, record: await journal.get(attemptId) };
}

describe.each(Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>)('%s under faults', (action) => {
  it.each(SURVIVED)('survives %s: one effect, one key, journal succeeded', async (_name, fault) => {
    const { reply, posts, record } = await run(action, fault);
    expect(reply.ok).toBe(true);
    expect(ACTIONS[action].effects()).toBe(1);
    expect(posts.length).toBe(2);
    expect(new Set(posts.map((p) => p.headers['idempotency-key'])).size).toBe(1);
    expect(record).toMatchObject({
      outcome: 'succeeded',
      requestId: expect.stringMatching(/^req_/),
    });
  });

  it('records a 2xx answer of an unexpected shape as unverified, and never sends it again', async () => {
    const { journal, grantCard } = await setUp();
    const { objectId, request } = ACTIONS[action];
    const { ask } = await grantCard(objectId);
    const attemptId = crypto.randomUUID();
    const review = reviewFor(ACTIONS[action]);
    if (review) expect((await ask({ ...review, attemptId })).ok).toBe(true);
    harness.emulator.injectFault({ kind: 'garbled-success' }, { method: 'POST' });
    const send = () => ask({ ...request, attemptId });
    const reply = await send();
    expect(reply).toMatchObject({ ok: false, error: { unresolved: true } });
    expect(ACTIONS[action].effects()).toBe(1);
    expect(await journal.get(attemptId)).toMatchObject({
      outcome: 'unverified',
      requestId: expect.stringMatching(/^req_/),
    });
    // The card keeps the attempt; its retry reaches Stripe no more.
    const before = harness.emulator.apiRequests().filter((r) => r.method === 'POST').length;
    expect(await send()).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Check the Dashboard'), unresolved: true },
    });
    expect(harness.emulator.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(before);
    expect(ACTIONS[action].effects()).toBe(1);
  });

  it('stops at once on 429 with Stripe-Should-Retry: false, says so, and nothing happened', async () => {
    const { reply, posts, record } = await run(action, {
      kind: 'status',
      status: 429,
      shouldRetry: 'false',
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('limiting requests') },
    });
    expect(posts).toHaveLength(1);
    expect(ACTIONS[action].effects()).toBe(0);
    expect(record).toMatchObject({ outcome: 'failed' });
  });
});

describe('the emulator between tests', () => {
  it('drops a request a delay held across a reset, so one test never acts on the next', async () => {
    const { emulator, url } = harness;
    emulator.injectFault({ kind: 'delay', ms: 200 }, { method: 'POST' });
    const late = fetch(`${url}/v1/customers/${SEED_IDS.jenny}/balance_transactions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${emulator.keys.testSecret}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: 'amount=-420&currency=usd',
    }).then(
      () => 'answered',
      () => 'dropped',
    );
    await expect.poll(() => emulator.received.length).toBe(1);
    emulator.reset();
    const seeded = emulator.balanceTransactions().length;
    expect(await late).toBe('dropped');
    expect(emulator.balanceTransactions()).toHaveLength(seeded);
    expect(emulator.received).toHaveLength(0);
  });
});
