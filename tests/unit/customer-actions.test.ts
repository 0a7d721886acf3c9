import { describe, expect, it, vi } from 'vitest';
import { saveAccount, type UsableAccount } from '../../utils/storage/account-store';
import { createPortalLinkAction } from '../../utils/objects/customer/portal-link';
import { creditCustomerBalanceAction } from '../../utils/objects/customer/credit-balance';
import { lookUpCustomer } from '../../utils/objects/customer/look-up';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import { checkCreditRequest } from '../../utils/objects/customer/credit-request';
import { DEFAULT_GUARDRAILS } from '../../utils/guardrails/limits';
import { describeBalance } from '../../utils/objects/customer/view';
import { SEED_IDS } from '../emulator/seed-data';
import { NO_PREVIEWS, useEmulator } from './emulator-harness';

const harness = useEmulator();
const testAccount = (): UsableAccount => ({
  id: 'acct-test',
  label: 'Test',
  mode: 'test',
  apiKey: harness.emulator.keys.testSecret,
});

function credit(overrides: Partial<Parameters<typeof creditCustomerBalanceAction>[0]> = {}) {
  return creditCustomerBalanceAction({
    stripe: harness.client(),
    journal: openActivityJournal(`j-${crypto.randomUUID()}`),
    account: testAccount(),
    objectId: SEED_IDS.jenny,
    attemptId: crypto.randomUUID(),
    pageUrl: 'https://acme.zendesk.com/agent/tickets/4821',
    amount: '10.50',
    currency: 'usd',
    note: 'Goodwill',
    guardrails: DEFAULT_GUARDRAILS,
    previews: NO_PREVIEWS,
    ...overrides,
  });
}
const creditPosts = () =>
  harness.emulator
    .apiRequests()
    .filter((r) => r.method === 'POST' && r.path.endsWith('/balance_transactions'));

describe('balance credits against the emulator', () => {
  it('posts a negative amount in minor units with where it came from', async () => {
    const attemptId = crypto.randomUUID();
    const reply = await credit({ attemptId });
    expect(reply).toMatchObject({
      ok: true,
      value: { amount: -1050, currency: 'usd', endingBalance: -1050 },
    });
    expect(creditPosts()[0]!.form).toEqual({
      amount: '-1050',
      currency: 'usd',
      description: 'Goodwill',
      metadata: {
        source: 'stripe-helpdesk-actions',
        ticket_url: 'https://acme.zendesk.com/agent/tickets/4821',
        attempt_id: attemptId,
      },
    });
  });

  it('names the agent in the metadata and the journal, and answers with the note for the ticket', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const attemptId = crypto.randomUUID();
    const reply = await credit({ attemptId, journal, agentName: 'Dana (Tier 2)' });
    expect(creditPosts()[0]!.form.metadata).toEqual({
      source: 'stripe-helpdesk-actions',
      ticket_url: 'https://acme.zendesk.com/agent/tickets/4821',
      attempt_id: attemptId,
      agent: 'Dana (Tier 2)',
    });
    expect((await journal.get(attemptId))?.agentName).toBe('Dana (Tier 2)');
    const requestId = (await journal.get(attemptId))!.requestId!;
    expect(requestId).toMatch(/^req_/);
    // Made by the attempt mechanism from what it journaled: no action writes its own.
    expect(reply.ok && reply.note).toMatch(
      new RegExp(
        `^Credited \\$10\\.50 \\(${SEED_IDS.jenny}\\), note: "Goodwill" by Dana \\(Tier 2\\) — Stripe request ${requestId}, \\d\\d:\\d\\d UTC$`,
      ),
    );
  });

  it.each([
    ['429 then success', { kind: 'status', status: 429 } as const],
    ['503 then success', { kind: 'status', status: 503 } as const],
    ['connection dropped after Stripe committed', { kind: 'drop-after' } as const],
    ['connection dropped before Stripe saw it', { kind: 'drop-before' } as const],
  ])('credits exactly once through %s', async (_name, fault) => {
    harness.emulator.injectFault(fault, { method: 'POST' });
    const reply = await credit();
    expect(reply.ok).toBe(true);
    expect(harness.emulator.balanceTransactions()).toHaveLength(1);
    expect(harness.emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(-1050);
    expect(new Set(creditPosts().map((p) => p.headers['idempotency-key'])).size).toBe(1);
    expect(creditPosts()).toHaveLength(2);
  });

  it('returns the same transaction when the same attempt is resent after no answer', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const attemptId = crypto.randomUUID();
    harness.emulator.injectFault({ kind: 'drop-after' }, { method: 'POST', times: 3 });
    // …and Stripe cannot be read just then to settle it: the attempt stays in doubt.
    harness.emulator.injectFault({ kind: 'status', status: 500 }, { method: 'GET', times: 3 });
    const first = await credit({ journal, attemptId });
    expect(first).toMatchObject({ ok: false, error: { unresolved: true } });
    expect(harness.emulator.balanceTransactions()).toHaveLength(1); // Stripe did act.
    const again = await credit({ journal, attemptId });
    expect(again).toMatchObject({
      ok: true,
      value: { transactionId: harness.emulator.balanceTransactions()[0]!.id },
    });
    expect(harness.emulator.balanceTransactions()).toHaveLength(1);
    expect((await journal.get(attemptId))!.outcome).toBe('succeeded');
  });

  it('never resends a confirmed credit, even once Stripe would have forgotten the key', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const attemptId = crypto.randomUUID();
    await credit({ journal, attemptId });
    const again = await credit({ journal, attemptId });
    expect(again).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('already done') },
    });
    expect(creditPosts()).toHaveLength(1);
  });

  it('refuses before sending when the guardrail is exceeded', async () => {
    const reply = await credit({ amount: '100.01' });
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('over the limit of $100.00 per credit') },
    });
    expect(harness.emulator.apiRequests()).toHaveLength(0);
  });
});

describe('per-currency limits', () => {
  it.each([
    ['a limit the agent set', { usd: 250 }, '250.00', 'usd', null],
    ['over a limit the agent set', { usd: 250 }, '250.01', 'usd', 'over the limit of $250.00'],
    ['the default, named in its currency', {}, '25000', 'jpy', 'over the limit of ¥20,000'],
    ['a currency with no default', {}, '1', 'cup', 'No per-credit limit is set for CUP'],
    ['a limit set for a currency with no default', { cup: 10 }, '1', 'cup', null],
  ])('%s', (_name, creditLimits, amount, currency, reason) => {
    const checked = checkCreditRequest({
      amount,
      currency,
      note: '',
      guardrails: { ...DEFAULT_GUARDRAILS, creditLimits },
    });
    if (reason === null) expect(checked.ok).toBe(true);
    else expect(!checked.ok && checked.reason).toContain(reason);
  });
});

describe('checkCreditRequest', () => {
  it.each([
    [{ amount: '100', currency: 'usd', note: '' }, true],
    [{ amount: '100.01', currency: 'usd', note: '' }, false],
    // Each currency's default is of the same order of value: about US$100.
    [{ amount: '500', currency: 'jpy', note: '' }, true],
    [{ amount: '20000', currency: 'jpy', note: '' }, true],
    [{ amount: '20001', currency: 'jpy', note: '' }, false],
    [{ amount: '20', currency: 'kwd', note: '' }, true],
    [{ amount: '100', currency: 'kwd', note: '' }, false],
    [{ amount: '10000', currency: 'isk', note: '' }, true],
    [{ amount: '10001', currency: 'isk', note: '' }, false],
    // Stripe's eight digits come first in IDR: 999,999.99 at the most.
    [{ amount: '900000', currency: 'idr', note: '' }, true],
    [{ amount: '1', currency: 'usd', note: 'x'.repeat(350) }, true],
    [{ amount: '1', currency: 'usd', note: 'x'.repeat(351) }, false],
    [{ amount: '1', currency: 'usd', note: 'bell\u0007' }, false],
    [{ amount: '1', currency: 'usd', note: 'line\nbreak' }, true],
    [{ amount: '1', currency: ' USD ', note: '' }, true],
  ])('%j → %s', (input, ok) => {
    expect(checkCreditRequest({ ...input, guardrails: DEFAULT_GUARDRAILS }).ok).toBe(ok);
  });
});

describe('portal links against the emulator', () => {
  const portal = (overrides: Partial<Parameters<typeof createPortalLinkAction>[0]> = {}) =>
    createPortalLinkAction({
      stripe: harness.client(),
      journal: openActivityJournal(`j-${crypto.randomUUID()}`),
      account: testAccount(),
      objectId: SEED_IDS.jenny,
      attemptId: crypto.randomUUID(),
      pageUrl: 'https://acme.zendesk.com/t/1',
      guardrails: DEFAULT_GUARDRAILS,
      previews: NO_PREVIEWS,
      flow: 'none',
      returnUrl: null,
      configurationId: null,
      ...overrides,
    });

  it('creates one portal session through a dropped answer and keeps the URL out of the journal', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const attemptId = crypto.randomUUID();
    harness.emulator.injectFault({ kind: 'drop-after' }, { method: 'POST' });
    const reply = await portal({
      journal,
      attemptId,
      flow: 'payment_method_update',
      returnUrl: 'https://acme.example/a',
    });
    expect(reply).toMatchObject({
      ok: true,
      value: { url: expect.stringMatching(/^https:\/\/billing\.stripe\.com\//) },
    });
    expect(harness.emulator.portalSessions()).toHaveLength(1);
    expect(JSON.stringify(await journal.get(attemptId))).not.toContain('billing.stripe.com');
    const [first] = harness.emulator.apiRequests();
    expect(first!.form).toEqual({
      customer: SEED_IDS.jenny,
      return_url: 'https://acme.example/a',
      flow_data: { type: 'payment_method_update' },
    });
  });

  it('sends the portal configuration the organisation or agent chose', async () => {
    const reply = await portal({ configurationId: 'bpc_1TeamPortal' });
    expect(reply.ok).toBe(true);
    expect(harness.emulator.apiRequests()[0]!.form).toEqual({
      customer: SEED_IDS.jenny,
      configuration: 'bpc_1TeamPortal',
    });
  });

  it('needs a subscription for the cancel deep link, and sends it nested', async () => {
    expect(await portal({ flow: 'subscription_cancel' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Choose which subscription') },
    });
    expect(harness.emulator.apiRequests()).toHaveLength(0);
    const reply = await portal({
      flow: 'subscription_cancel',
      subscriptionId: SEED_IDS.jennySubscription,
    });
    expect(reply.ok).toBe(true);
    expect(harness.emulator.apiRequests()[0]!.rawBody).toBe(
      `customer=${SEED_IDS.jenny}&flow_data%5Btype%5D=subscription_cancel&flow_data%5Bsubscription_cancel%5D%5Bsubscription%5D=${SEED_IDS.jennySubscription}`,
    );
  });

  it('says where to save portal settings when Stripe has none', async () => {
    harness.emulator.setPortalConfigured('test', false);
    const reply = await portal();
    expect(reply).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining(
          'https://dashboard.stripe.com/test/settings/billing/portal',
        ),
      },
    });
  });
});

describe('customer look-up', () => {
  it('reads balance and recent transactions with the sign made plain', async () => {
    await credit();
    const found = await lookUpCustomer({
      account: testAccount(),
      clientFor: () => harness.client(),
      objectId: SEED_IDS.jenny,
    });
    expect(found).toMatchObject({
      ok: true,
      value: { view: { name: 'Jenny Rosen', balance: -1050, currency: 'usd' } },
    });
    expect(found.ok && found.value.view.recentTransactions).toHaveLength(1);
    // Running ones only (the portal cancels those), by their price's name.
    expect(found.ok && found.value.view.activeSubscriptions).toEqual([
      { id: SEED_IDS.jennyTrialSubscription, label: 'Team monthly' },
      { id: SEED_IDS.jennySubscription, label: 'Pro monthly' },
    ]);
    expect(describeBalance(-1050, 'usd')).toBe('Credit $10.50');
    expect(describeBalance(400, 'usd')).toBe('Owes $4.00');
    expect(describeBalance(0, 'usd')).toBe('No balance');
  });

  it('asks for the customer and both lists at once, not one after the other', async () => {
    // The first read to arrive is held for a while; the others must not wait for its answer.
    harness.emulator.injectFault({ kind: 'delay', ms: 1_500 }, { method: 'GET', times: 1 });
    let settled = false;
    const lookup = lookUpCustomer({
      account: testAccount(),
      clientFor: () => harness.client(),
      objectId: SEED_IDS.jenny,
    }).finally(() => (settled = true));
    await vi.waitFor(
      () => {
        const paths = harness.emulator.apiRequests().map((r) => `${r.method} ${r.path}`);
        expect(paths).toEqual(
          expect.arrayContaining([
            `GET /v1/customers/${SEED_IDS.jenny}`,
            `GET /v1/customers/${SEED_IDS.jenny}/balance_transactions`,
            'GET /v1/subscriptions',
          ]),
        );
      },
      { timeout: 1_000 },
    );
    expect(settled).toBe(false);
    expect(await lookup).toMatchObject({ ok: true, value: { view: { name: 'Jenny Rosen' } } });
  });

  it('finds a customer in the other mode when a key for it is saved', async () => {
    const live = await saveAccount({
      apiKey: harness.emulator.keys.liveSecret,
      keyKind: 'secret',
      mode: 'live',
    });
    const found = await lookUpCustomer({
      account: testAccount(),
      clientFor: (account) => harness.client({ apiKey: account.apiKey }),
      objectId: SEED_IDS.liveOnlyCustomer,
    });
    expect(found).toMatchObject({
      ok: true,
      value: { view: { mode: 'live', foundInOtherMode: true }, account: { id: live.id } },
    });
  });

  it('says a deleted customer is deleted', async () => {
    const found = await lookUpCustomer({
      account: testAccount(),
      clientFor: () => harness.client(),
      objectId: SEED_IDS.deletedCustomer,
    });
    expect(found).toMatchObject({ ok: true, value: { view: { deleted: true } } });
  });
});
