import { describe, expect, it } from 'vitest';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import { SEED_IDS } from '../emulator/seed-data';
import { testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(6);

async function setUp() {
  const journal = openActivityJournal(`daily-${crypto.randomUUID()}`);
  const { handle, saveTestKey, openCard } = harness.router({ journal, senders });
  await saveTestKey();
  const { ask } = await openCard(SEED_IDS.jenny);
  const credit = (amount: string, currency = 'usd', attemptId = crypto.randomUUID()) =>
    ask({ type: 'customer.credit', attemptId, amount, currency, note: '' });
  const today = (currency = 'usd') => ask({ type: 'customer.dailyCredits', currency });
  return { handle, journal, credit, today };
}
const credits = () => harness.emulator.balanceTransactions().length;

describe('the rolling daily limit on credits', () => {
  it('stops the credit that would pass five times the per-credit limit, and says what is left', async () => {
    const { credit } = await setUp();
    for (const amount of ['99', '99', '99', '99', '99'])
      expect((await credit(amount)).ok).toBe(true);
    expect(await credit('6')).toEqual({
      ok: false,
      error: {
        message:
          "That would take this account's credits in the last 24 hours to $501.00, over the daily limit of $500.00: $495.00 used, $5.00 left.",
      },
    });
    expect(credits()).toBe(5);
    expect((await credit('5')).ok).toBe(true);
  });

  it('counts each currency on its own, and not what Stripe refused', async () => {
    const { credit } = await setUp();
    expect((await credit('100')).ok).toBe(true);
    harness.emulator.injectFault({ kind: 'status', status: 400 }, { method: 'POST' });
    expect((await credit('100')).ok).toBe(false); // Refused by Stripe: not counted.
    for (const _ of [1, 2, 3]) expect((await credit('100')).ok).toBe(true);
    expect((await credit('100')).ok).toBe(true); // $500 in all.
    expect((await credit('1')).ok).toBe(false);
    expect((await credit('100', 'eur')).ok).toBe(true);
  });

  it('tells the card what was credited today and the limit, per currency', async () => {
    const { credit, today } = await setUp();
    expect(await today()).toEqual({ ok: true, value: { usedMinor: 0, limitMinor: 50_000 } });
    await credit('70');
    await credit('30.50');
    expect(await today()).toEqual({ ok: true, value: { usedMinor: 10_050, limitMinor: 50_000 } });
    expect(await today('jpy')).toEqual({ ok: true, value: { usedMinor: 0, limitMinor: 100_000 } });
    expect(await today('cup')).toEqual({ ok: true, value: null });
  });

  it('lets two credits at once take the last room only once', async () => {
    const { credit } = await setUp();
    for (const _ of [1, 2, 3, 4]) expect((await credit('100')).ok).toBe(true);
    const both = await Promise.all([credit('60'), credit('60')]);
    expect(both.filter((reply) => reply.ok)).toHaveLength(1);
    expect(credits()).toBe(5);
  });

  it('does not count a retry of an admitted attempt against itself', async () => {
    const { credit } = await setUp();
    for (const _ of [1, 2, 3, 4]) expect((await credit('100')).ok).toBe(true);
    const attemptId = crypto.randomUUID();
    harness.emulator.injectFault({ kind: 'drop-before' }, { method: 'POST', times: 3 });
    expect(await credit('100', 'usd', attemptId)).toMatchObject({ error: { unresolved: true } });
    expect((await credit('100', 'usd', attemptId)).ok).toBe(true);
    expect(credits()).toBe(5);
  });
});
