import { afterEach, describe, expect, it, vi } from 'vitest';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import { SEED_IDS } from '../emulator/seed-data';
import { testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(21);
const LOST = { kind: 'drop-after' } as const;
const NEVER_ARRIVED = { kind: 'drop-before' } as const;

async function customerCard() {
  const journal = openActivityJournal(`lost-${crypto.randomUUID()}`);
  const router = harness.router({ journal, senders });
  await router.saveTestKey();
  const card = await router.openCard(SEED_IDS.jenny);
  const credit = (amount: string, attemptId = crypto.randomUUID()) =>
    card.ask({ type: 'customer.credit', attemptId, amount, currency: 'usd', note: '' });
  return { journal, card, credit };
}
const credits = () => harness.emulator.balanceTransactions();
const lose = (fault: typeof LOST | typeof NEVER_ARRIVED) =>
  harness.emulator.injectFault(fault, { method: 'POST', times: 3 });

afterEach(() => vi.useRealTimers());

describe('an answer lost on the way back', () => {
  it('is settled at once by reading Stripe: the card shows the credit, the journal says succeeded', async () => {
    const { journal, credit } = await customerCard();
    const attemptId = crypto.randomUUID();
    lose(LOST);
    const reply = await credit('10.50', attemptId);
    expect(reply).toMatchObject({ ok: true, value: { amount: -1050, endingBalance: -1050 } });
    expect(credits()).toHaveLength(1);
    expect(await journal.get(attemptId)).toMatchObject({ outcome: 'succeeded' });
  });

  it('that Stripe shows nothing for says it may still act, and never to redo it elsewhere', async () => {
    const { journal, credit } = await customerCard();
    const attemptId = crypto.randomUUID();
    lose(NEVER_ARRIVED);
    const reply = await credit('10.50', attemptId);
    expect(reply).toMatchObject({
      ok: false,
      error: {
        unresolved: true,
        message: expect.stringMatching(/may .*act.*do not (redo|do) it elsewhere/i),
      },
    });
    expect(await journal.get(attemptId)).toMatchObject({ outcome: 'pending' });
  });
});

describe('a new money attempt on an object whose earlier one is in doubt', () => {
  it('is refused while Stripe may still act on the earlier one, with nothing sent', async () => {
    const { credit } = await customerCard();
    lose(NEVER_ARRIVED);
    expect((await credit('20')).ok).toBe(false);
    harness.emulator.received.length = 0;
    const second = await credit('25');
    expect(second).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('An earlier credit of $20.00') },
    });
    expect(harness.emulator.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(credits()).toHaveLength(0);
  });

  it('goes ahead once Stripe shows the earlier one never happened', async () => {
    const { journal, credit } = await customerCard();
    const first = crypto.randomUUID();
    lose(NEVER_ARRIVED);
    expect((await credit('20', first)).ok).toBe(false);
    // A minute later nothing can still be on its way: Stripe's reading is final.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 60 * 1000 });
    const second = await credit('25');
    expect(second).toMatchObject({ ok: true, value: { amount: -2500 } });
    expect(await journal.get(first)).toMatchObject({ outcome: 'failed' });
    expect(credits()).toHaveLength(1);
  });

  it('is not sent when reading shows the earlier one went through: the agent sees it first', async () => {
    const { journal, credit } = await customerCard();
    const first = crypto.randomUUID();
    lose(NEVER_ARRIVED);
    expect((await credit('20', first)).ok).toBe(false);
    // The earlier request reached Stripe after all (its answer alone was lost).
    const record = (await journal.get(first))!;
    await harness.client()({
      method: 'POST',
      path: record.request.path,
      params: record.request.params,
      idempotencyKey: record.idempotencyKey,
      schema: (await import('zod')).z.unknown(),
    });
    harness.emulator.received.length = 0;
    const second = await credit('20');
    expect(second).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('did go through') },
    });
    expect(await journal.get(first)).toMatchObject({ outcome: 'succeeded' });
    expect(credits()).toHaveLength(1);
    // Seen settled, the agent may still mean a second credit: it goes ahead now.
    expect((await credit('20')).ok).toBe(true);
    expect(credits()).toHaveLength(2);
  });
});
