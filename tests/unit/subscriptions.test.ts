import { describe, expect, it } from 'vitest';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import {
  CANCELLATION_FEEDBACK,
  describeCancelNow,
  type CancelNowChoice,
} from '../../utils/objects/subscription/cancellation';
import { cancelNowRequest } from '../../utils/objects/subscription/cancel-now';
import { reconcileCancelNow } from '../../utils/objects/subscription/reconcile';
import { resumeDateProblem, wrongModeBecause } from '../../utils/objects/subscription/refusals';
import { encodeStripeForm } from '../../utils/stripe/form-encoding';
import { SEED_IDS } from '../emulator/seed-data';
import { expectOk, expectView, testSenders, useEmulator, type TestCard } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(21);
const DAY = 24 * 3600;

const choiceOf = (over: Partial<CancelNowChoice> = {}): CancelNowChoice => ({
  prorate: true,
  invoiceNow: true,
  feedback: null,
  comment: '',
  ...over,
});

async function setUp(journal = openActivityJournal(`sub-${crypto.randomUUID()}`)) {
  const router = harness.router({ journal, senders });
  await router.saveTestKey();
  const open = async (objectId: string) => {
    const opened = await router.openCard(objectId);
    harness.emulator.received.length = 0;
    return opened;
  };
  return { ...router, open, journal };
}

/** As the card does it: Review (Stripe's preview), then Confirm the same attempt. */
async function reviewAndCancel(card: TestCard, choice: CancelNowChoice) {
  const attemptId = crypto.randomUUID();
  const preview = expectOk(
    await card.ask({ type: 'subscription.previewCancelNow', attemptId, choice }),
  );
  return {
    preview,
    attemptId,
    reply: await card.ask({ type: 'subscription.cancelNow', attemptId, choice }),
  };
}

const requestsTo = (method: string, path: string) =>
  harness.emulator.apiRequests().filter((r) => r.method === method && r.path === path);
const changes = () =>
  harness.emulator
    .apiRequests()
    .filter(
      (r) =>
        r.method === 'DELETE' || (r.method === 'POST' && r.path.startsWith('/v1/subscriptions')),
    );
const subscription = (id: string) => harness.emulator.subscriptions().find((s) => s.id === id)!;

describe('the subscription card', () => {
  it('shows status, each item with its period end (read from the items), payment method, invoice and customer', async () => {
    const { open } = await setUp();
    const { contents } = await open(SEED_IDS.jennySubscription);
    const view = expectView(contents, 'subscription');
    const seeded = subscription(SEED_IDS.jennySubscription);
    expect(view).toMatchObject({
      status: 'active',
      customer: { id: SEED_IDS.jenny, name: 'Jenny Rosen' },
      items: [
        { name: 'Pro plan', unitAmount: 1500, currency: 'usd', interval: 'month', quantity: 3 },
      ],
      currentPeriodEnd: seeded.items[0]!.current_period_end,
      cancelAtPeriodEnd: false,
      pauseCollection: null,
      defaultPaymentMethod: 'Visa •••• 4242',
      latestInvoice: { id: SEED_IDS.jennyOpenInvoice, number: 'ACME-0042', total: 4900 },
      dashboardUrl: `https://dashboard.stripe.com/test/subscriptions/${SEED_IDS.jennySubscription}`,
    });
  });

  it('opens its customer and its latest invoice, and nothing else', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    expect(await card.ask({ type: 'card.openRelated', objectId: SEED_IDS.alexHome })).toMatchObject(
      {
        ok: false,
      },
    );
    expectOk(await card.ask({ type: 'card.openRelated', objectId: SEED_IDS.jennyOpenInvoice }));
    expect(expectView(await card.reopen(), 'invoice').id).toBe(SEED_IDS.jennyOpenInvoice);
  });

  it("lists on the customer's card every status, newest first, each opening its card", async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jenny);
    const view = expectView(card.contents, 'customer');
    expect(view.subscriptions?.map((s) => [s.id, s.status])).toEqual([
      [SEED_IDS.jennyTrialSubscription, 'trialing'],
      [SEED_IDS.jennyPastDueSubscription, 'past_due'],
      [SEED_IDS.jennySubscription, 'active'],
      [SEED_IDS.jennyCanceledSubscription, 'canceled'],
    ]);
    expectOk(
      await card.ask({ type: 'card.openRelated', objectId: SEED_IDS.jennyCanceledSubscription }),
    );
    expect(expectView(await card.reopen(), 'subscription').status).toBe('canceled');
  });
});

describe('cancelling at the end of the period', () => {
  it('schedules it and undoes it, each confirmed once and journaled, the card showing Stripe’s state', async () => {
    const { open, journal } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    const attemptId = crypto.randomUUID();
    const scheduled = expectOk(await card.ask({ type: 'subscription.scheduleCancel', attemptId }));
    const seeded = subscription(SEED_IDS.jennySubscription);
    expect(scheduled).toMatchObject({
      cancelAtPeriodEnd: true,
      cancelAt: seeded.items[0]!.current_period_end,
    });
    // The same attempt again: nothing more is sent.
    expectOk(await card.ask({ type: 'subscription.scheduleCancel', attemptId }));
    const [post, ...more] = requestsTo('POST', `/v1/subscriptions/${SEED_IDS.jennySubscription}`);
    expect(more).toHaveLength(0);
    expect(post!.headers['idempotency-key']).toBeTruthy();
    expect(decodeURIComponent(post!.rawBody)).toMatch(
      new RegExp(
        `^cancel_at_period_end=true&metadata\\[source\\]=stripe-helpdesk-actions&metadata\\[ticket_url\\]=.+&metadata\\[attempt_id\\]=${attemptId}$`,
      ),
    );
    expect(await journal.get(attemptId)).toMatchObject({
      action: 'schedule_subscription_cancel',
      outcome: 'succeeded',
    });
    const undone = expectOk(
      await card.ask({ type: 'subscription.undoCancel', attemptId: crypto.randomUUID() }),
    );
    expect(undone).toMatchObject({ cancelAtPeriodEnd: false, cancelAt: null });
    expect(
      requestsTo('POST', `/v1/subscriptions/${SEED_IDS.jennySubscription}`)[1]!.rawBody,
    ).toMatch(/^cancel_at_period_end=false&/);
  });
});

describe('pausing and resuming collection', () => {
  it('pauses with a behavior and a resume date, and resumes with pause_collection= (empty)', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    const resumesAt = Math.floor(Date.now() / 1000) + 60 * DAY;
    const paused = expectOk(
      await card.ask({
        type: 'subscription.pause',
        attemptId: crypto.randomUUID(),
        behavior: 'mark_uncollectible',
        resumesAt,
      }),
    );
    expect(paused.pauseCollection).toEqual({ behavior: 'mark_uncollectible', resumesAt });
    const resumed = expectOk(
      await card.ask({ type: 'subscription.resume', attemptId: crypto.randomUUID() }),
    );
    expect(resumed.pauseCollection).toBeNull();
    const [pause, resume] = requestsTo('POST', `/v1/subscriptions/${SEED_IDS.jennySubscription}`);
    expect(decodeURIComponent(pause!.rawBody)).toMatch(
      new RegExp(
        `^pause_collection\\[behavior\\]=mark_uncollectible&pause_collection\\[resumes_at\\]=${resumesAt}&metadata`,
      ),
    );
    expect(resume!.rawBody).toMatch(/^pause_collection=&metadata%5Bsource%5D=/);
  });

  it('encodes an unset field as the empty value Stripe reads as "clear it"', () => {
    expect(encodeStripeForm({ pause_collection: null })).toBe('pause_collection=');
  });
});

describe('cancelling now', () => {
  it('previews the proration, then sends exactly that as one DELETE; Jenny’s balance gets the credit once', async () => {
    const { open, journal } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    const choice = choiceOf({ feedback: 'too_expensive', comment: 'Moving to a cheaper plan' });
    const { preview, attemptId, reply } = await reviewAndCancel(card, choice);
    // 20 of 30 days unused, of 3 × $15.00.
    expect(preview).toMatchObject({ credit: 3000, currency: 'usd', charge: 0 });
    expect(preview.sentence).toBe(
      "Cancels now. $30.00 for unused time goes to Jenny Rosen's Stripe balance — it is not refunded to their card (refund their last payment for that).",
    );
    expect(expectOk(reply)).toMatchObject({ status: 'canceled' });
    const [previewed] = requestsTo('POST', '/v1/invoices/create_preview');
    const [deleted, ...more] = requestsTo(
      'DELETE',
      `/v1/subscriptions/${SEED_IDS.jennySubscription}`,
    );
    expect(more).toHaveLength(0);
    const prorationDate = (previewed!.form.subscription_details as Record<string, string>)
      .proration_date;
    expect(previewed!.form).toMatchObject({
      customer: SEED_IDS.jenny,
      subscription: SEED_IDS.jennySubscription,
      subscription_details: { cancel_now: 'true', proration_behavior: 'always_invoice' },
    });
    // The DELETE reuses the previewed moment, and carries no body and no idempotency key.
    expect(deleted!.query).toEqual({
      prorate: 'true',
      invoice_now: 'true',
      proration_date: prorationDate,
      cancellation_details: { feedback: 'too_expensive', comment: 'Moving to a cheaper plan' },
    });
    expect(deleted!.rawBody).toBe('');
    expect(deleted!.headers).not.toHaveProperty('idempotency-key');
    expect(harness.emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(-3000);
    expect(await journal.get(attemptId)).toMatchObject({
      action: 'cancel_subscription_prorated',
      amount: 3000,
      currency: 'usd',
      outcome: 'succeeded',
    });
    // The same confirmation again: nothing is sent, the card shows it canceled.
    expect(
      expectOk(await card.ask({ type: 'subscription.cancelNow', attemptId, choice })),
    ).toMatchObject({ status: 'canceled' });
    expect(requestsTo('DELETE', `/v1/subscriptions/${SEED_IDS.jennySubscription}`)).toHaveLength(1);
  });

  it('says the credit in yen, which has no minor unit', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.kenjiSubscription);
    const { preview } = await reviewAndCancel(card, choiceOf());
    expect(preview).toMatchObject({ credit: 1500, currency: 'jpy' });
    expect(preview.sentence).toContain('¥1,500 for unused time goes to Kenji Tanaka');
  });

  it('without proration, credits nothing, is no money action, and says so', async () => {
    const { open, journal } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    const { preview, attemptId, reply } = await reviewAndCancel(
      card,
      choiceOf({ prorate: false, invoiceNow: false }),
    );
    expect(preview.sentence).toBe(
      'Cancels now. No credit for unused time: nothing is credited or refunded.',
    );
    expectOk(reply);
    expect(
      requestsTo('DELETE', `/v1/subscriptions/${SEED_IDS.jennySubscription}`)[0]!.query,
    ).toMatchObject({
      prorate: 'false',
      invoice_now: 'false',
    });
    expect(await journal.get(attemptId)).toMatchObject({ action: 'cancel_subscription' });
    expect((await journal.get(attemptId))!.amount).toBeUndefined();
    expect(harness.emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(0);
  });

  it('sends nothing unless reviewed, and asks for a new review when the choice changed', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    const attemptId = crypto.randomUUID();
    expect(
      await card.ask({ type: 'subscription.cancelNow', attemptId, choice: choiceOf() }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Review this first/) } });
    expectOk(
      await card.ask({ type: 'subscription.previewCancelNow', attemptId, choice: choiceOf() }),
    );
    expect(
      await card.ask({
        type: 'subscription.cancelNow',
        attemptId,
        choice: choiceOf({ invoiceNow: false }),
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('review it again') } });
    expect(changes()).toHaveLength(0);
  });

  it('refuses when the subscription changed since the review, naming the new credit', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    const attemptId = crypto.randomUUID();
    expectOk(
      await card.ask({ type: 'subscription.previewCancelNow', attemptId, choice: choiceOf() }),
    );
    subscription(SEED_IDS.jennySubscription).items[0]!.quantity = 4;
    expect(
      await card.ask({ type: 'subscription.cancelNow', attemptId, choice: choiceOf() }),
    ).toMatchObject({
      ok: false,
      error: {
        message:
          'The subscription changed since your review: cancelling now would credit $40.00, not $30.00. Nothing was sent: review it again.',
      },
    });
    expect(changes()).toHaveLength(0);
  });

  it('counts its credit as money: over the per-action limit it is refused, at review and at Confirm', async () => {
    const { open, ask } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    const attemptId = crypto.randomUUID();
    expectOk(
      await card.ask({ type: 'subscription.previewCancelNow', attemptId, choice: choiceOf() }),
    );
    const settings = expectOk(await ask({ type: 'settings.get' }, senders.options));
    expectOk(
      await ask(
        { type: 'settings.save', settings: { ...settings.settings, creditLimits: { usd: 20 } } },
        senders.options,
      ),
    );
    const overLimit = {
      ok: false,
      error: {
        message: expect.stringMatching(
          /^Cancelling now credits \$30\.00 for unused time\. That is over the limit of \$20\.00 per credit/,
        ),
      },
    };
    expect(
      await card.ask({ type: 'subscription.cancelNow', attemptId, choice: choiceOf() }),
    ).toMatchObject(overLimit);
    expect(
      await card.ask({
        type: 'subscription.previewCancelNow',
        attemptId: crypto.randomUUID(),
        choice: choiceOf(),
      }),
    ).toMatchObject(overLimit);
    expect(changes()).toHaveLength(0);
    expect(subscription(SEED_IDS.jennySubscription).status).toBe('active');
  });

  it('acts once across a lost answer: the retry is answered “already canceled”, and a read settles it as done', async () => {
    const { open, journal } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    const attemptId = crypto.randomUUID();
    const choice = choiceOf();
    expectOk(await card.ask({ type: 'subscription.previewCancelNow', attemptId, choice }));
    // Stripe acts, and no answer arrives; the client's retries find it canceled already.
    harness.emulator.injectFault({ kind: 'drop-after' }, { method: 'DELETE', times: 1 });
    expect(
      expectOk(await card.ask({ type: 'subscription.cancelNow', attemptId, choice })),
    ).toMatchObject({ status: 'canceled' });
    // The agent's second click on the same confirmation: nothing more goes out.
    expectOk(await card.ask({ type: 'subscription.cancelNow', attemptId, choice }));
    const executed = requestsTo('DELETE', `/v1/subscriptions/${SEED_IDS.jennySubscription}`).filter(
      (r) => r.executed,
    );
    expect(executed).toHaveLength(1);
    // The first answer dropped, the client's retry answered 400 "already canceled".
    expect(
      requestsTo('DELETE', `/v1/subscriptions/${SEED_IDS.jennySubscription}`).map((r) => r.status),
    ).toEqual([null, 400]);
    expect(harness.emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(-3000);
    expect(await journal.get(attemptId)).toMatchObject({ outcome: 'succeeded' });
  });
});

describe('what it refuses, with no request sent', () => {
  it.each([
    [
      'cancelling at period end a canceled one',
      SEED_IDS.jennyCanceledSubscription,
      'subscription.scheduleCancel',
      'This subscription is already canceled: there is nothing to cancel.',
    ],
    [
      'undoing a cancellation never scheduled',
      SEED_IDS.jennySubscription,
      'subscription.undoCancel',
      'No cancellation is scheduled on this subscription: there is nothing to undo.',
    ],
    [
      'resuming collection that is not paused',
      SEED_IDS.jennySubscription,
      'subscription.resume',
      'Collection on this subscription is not paused: there is nothing to resume.',
    ],
  ] as const)('%s', async (_name, id, type, message) => {
    const { open } = await setUp();
    const card = await open(id);
    expect(await card.ask({ type, attemptId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { message },
    });
    expect(changes()).toHaveLength(0);
  });

  it('cancelling now a canceled one, at review and at Confirm', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennyCanceledSubscription);
    const attemptId = crypto.randomUUID();
    const refused = {
      ok: false,
      error: { message: 'This subscription is already canceled: there is nothing to cancel.' },
    };
    expect(
      await card.ask({ type: 'subscription.previewCancelNow', attemptId, choice: choiceOf() }),
    ).toMatchObject(refused);
    expect(
      await card.ask({ type: 'subscription.cancelNow', attemptId, choice: choiceOf() }),
    ).toMatchObject({ ok: false });
    expect(requestsTo('POST', '/v1/invoices/create_preview')).toHaveLength(0);
    expect(changes()).toHaveLength(0);
  });

  it('cancelling an incomplete, expired one', async () => {
    const { open } = await setUp();
    subscription(SEED_IDS.jennyPastDueSubscription).status = 'incomplete_expired';
    const card = await open(SEED_IDS.jennyPastDueSubscription);
    expect(
      await card.ask({ type: 'subscription.scheduleCancel', attemptId: crypto.randomUUID() }),
    ).toMatchObject({
      ok: false,
      error: {
        message:
          'This subscription expired before its first payment went through: there is nothing to cancel.',
      },
    });
    expect(changes()).toHaveLength(0);
  });

  it('pausing a canceled one', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennyCanceledSubscription);
    expect(
      await card.ask({
        type: 'subscription.pause',
        attemptId: crypto.randomUUID(),
        behavior: 'void',
        resumesAt: null,
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'This subscription is canceled: there is nothing to pause.' },
    });
    expect(changes()).toHaveLength(0);
  });

  it('a resume date in the past', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    expect(
      await card.ask({
        type: 'subscription.pause',
        attemptId: crypto.randomUUID(),
        behavior: 'keep_as_draft',
        resumesAt: Math.floor(Date.now() / 1000) - DAY,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        message:
          'The resume date is in the past: choose a later one, or leave it empty to resume by hand.',
      },
    });
    expect(harness.emulator.apiRequests()).toHaveLength(0);
    expect(resumeDateProblem(null, 1000)).toBeNull();
    expect(resumeDateProblem(1001, 1000)).toBeNull();
    expect(resumeDateProblem(1000, 1000)).toMatch(/in the past/);
  });

  it('a live subscription with a test key (and a test one with a live key)', () => {
    expect(wrongModeBecause({ livemode: true }, 'test')).toBe(
      'This is a live subscription and the key in use is a test key: nothing was sent. Use a live key to change it.',
    );
    expect(wrongModeBecause({ livemode: false }, 'live')).toMatch(/test subscription .* live key/);
    expect(wrongModeBecause({ livemode: false }, 'test')).toBeNull();
  });

  it('explains a Stripe error that still comes back, with its request ID', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    harness.emulator.injectFault(
      { kind: 'status', status: 402 },
      { method: 'POST', pathPrefix: '/v1/subscriptions/' },
    );
    const reply = await card.ask({
      type: 'subscription.scheduleCancel',
      attemptId: crypto.randomUUID(),
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { requestId: expect.stringMatching(/^req_/) },
    });
  });
});

describe('a cancellation as Stripe takes it', () => {
  const choice = choiceOf({ feedback: 'unused', comment: 'Not using it' });

  it.each(Object.keys(CANCELLATION_FEEDBACK))(
    'feedback %s is encoded as Stripe names it',
    (feedback) => {
      const request = cancelNowRequest(
        SEED_IDS.jennySubscription,
        { ...choice, feedback } as CancelNowChoice,
        1_800_000_000,
      );
      expect(decodeURIComponent(encodeStripeForm(request.params))).toBe(
        `prorate=true&invoice_now=true&proration_date=1800000000&cancellation_details[feedback]=${feedback}&cancellation_details[comment]=Not using it`,
      );
    },
  );

  it('lists exactly Stripe’s feedback values', () => {
    expect(Object.keys(CANCELLATION_FEEDBACK).sort()).toEqual([
      'customer_service',
      'low_quality',
      'missing_features',
      'other',
      'switched_service',
      'too_complex',
      'too_expensive',
      'unused',
    ]);
  });

  it('leaves out cancellation_details when nothing was given', () => {
    expect(
      encodeStripeForm(
        cancelNowRequest('sub_1Anything0000000', choiceOf({ prorate: false }), 5).params,
      ),
    ).toBe('prorate=false&invoice_now=true&proration_date=5');
  });

  it('refuses a feedback Stripe does not know, before anything is sent', async () => {
    const { open } = await setUp();
    const card = await open(SEED_IDS.jennySubscription);
    const reply = await card.ask({
      type: 'subscription.previewCancelNow',
      attemptId: crypto.randomUUID(),
      choice: { ...choiceOf(), feedback: 'bored' as never },
    });
    expect(reply.ok).toBe(false);
    expect(harness.emulator.apiRequests()).toHaveLength(0);
  });

  it('answers a second DELETE as Stripe does: already canceled', async () => {
    const stripe = harness.client();
    const path = `/v1/subscriptions/${SEED_IDS.jennySubscription}`;
    const schema = (await import('zod')).z.unknown();
    await stripe({ method: 'DELETE', path, schema });
    await expect(stripe({ method: 'DELETE', path, schema })).rejects.toMatchObject({
      status: 400,
      message: 'This subscription has already been canceled.',
    });
  });

  it('a lost cancellation is found by reading the subscription', async () => {
    const record = {
      objectId: SEED_IDS.jennySubscription,
      request: cancelNowRequest(SEED_IDS.jennySubscription, choice, 1),
    } as Parameters<typeof reconcileCancelNow>[0];
    expect(await reconcileCancelNow(record, harness.client())).toMatchObject({ outcome: 'failed' });
    subscription(SEED_IDS.jennySubscription).status = 'canceled';
    expect(await reconcileCancelNow(record, harness.client())).toMatchObject({
      outcome: 'succeeded',
      found: { id: SEED_IDS.jennySubscription, status: 'canceled' },
    });
  });
});

describe('the sentence about money', () => {
  const money = (credit: number, currency: string, charge = 0) => ({ credit, currency, charge });
  it.each([
    [
      money(2450, 'usd'),
      choiceOf(),
      'Jenny',
      "Cancels now. $24.50 for unused time goes to Jenny's Stripe balance — it is not refunded to their card (refund their last payment for that).",
    ],
    [
      money(1500, 'jpy'),
      choiceOf(),
      'Kenji',
      "Cancels now. ¥1,500 for unused time goes to Kenji's Stripe balance — it is not refunded to their card (refund their last payment for that).",
    ],
    [
      money(2450, 'usd'),
      choiceOf({ invoiceNow: false }),
      null,
      "Cancels now. $24.50 for unused time waits as a credit on the customer's next invoice, then their Stripe balance — it is not refunded to their card (refund their last payment for that).",
    ],
    [
      money(0, 'usd', 1200),
      choiceOf({ prorate: false }),
      'Jenny',
      'Cancels now. No credit for unused time: nothing is credited or refunded. A final invoice of $12.00 is made and charged now.',
    ],
    [
      money(0, 'jpy'),
      choiceOf(),
      'Kenji',
      'Cancels now. There is no unused time to credit: nothing is credited or refunded.',
    ],
  ])('%o', (m, choice, name, sentence) => {
    expect(describeCancelNow(m, choice, name)).toBe(sentence);
  });

  it('is said in the past once done', () => {
    expect(describeCancelNow(money(1500, 'jpy', 800), choiceOf(), 'Kenji', true)).toBe(
      "Canceled. ¥1,500 for unused time went to Kenji's Stripe balance — it is not refunded to their card (refund their last payment for that). A final invoice of ¥800 was made and charged.",
    );
  });
});
