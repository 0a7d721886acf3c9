import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POLICY_FIELDS, readManagedPolicy } from '../../utils/policy/managed-policy';
import { MANAGED_SCHEMA } from '../../utils/policy/managed-schema';
import { currentPolicy } from '../../utils/policy/policy-source';
import { siteAllowedByPolicy } from '../../utils/policy/site-policy';
import { isDeclaredSite } from '../../utils/helpdesk-sites';
import { enableSite } from '../../utils/site-access';
import { SEED_IDS } from '../emulator/seed-data';
import { expectOk, testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(7);
const { options } = senders;
const setPolicy = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);

describe('reading an organisation policy', () => {
  it('takes every valid field, lower-casing currency codes', () => {
    const read = readManagedPolicy(
      {
        creditLimits: { USD: 50, jpy: 5000 },
        dailyCreditLimits: { usd: 200 },
        liveKeysAllowed: false,
        passphraseLockRequired: true,
        autoLockMinutes: 15,
        activityLogRetentionDays: 30,
        portalReturnUrl: 'https://acme.example/account',
        portalConfigurationId: 'bpc_1Team',
        helpdeskSites: ['https://support.acme.com', 'https://*.acme.com'],
        replaceBuiltInHelpdesks: true,
      },
      {},
    );
    expect(read.warnings).toEqual([]);
    expect(read.policy).toMatchObject({
      creditLimits: { usd: 50, jpy: 5000 },
      dailyCreditLimits: { usd: 200 },
      liveKeysAllowed: false,
      autoLockMinutes: 15,
    });
  });

  it.each([
    ['zero', 0, 'at least 1'],
    ['negative', -5, 'at least 1'],
    ['non-integer', 12.5, 'whole number'],
    ['absurdly large', 1e12, 'at most 99,999,999'],
    ['text', '50', 'not a number'],
  ])('ignores a %s limit, says why, and keeps the last valid one', (_name, figure, why) => {
    const read = readManagedPolicy(
      { creditLimits: { usd: figure, eur: 80 } },
      {
        creditLimits: { usd: 40 },
      },
    );
    expect(read.policy.creditLimits).toEqual({ usd: 40, eur: 80 });
    expect(read.valid.creditLimits).toEqual({ usd: 40, eur: 80 });
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toContain('creditLimits.usd');
    expect(read.warnings[0]).toContain(why);
    expect(read.warnings[0]).toContain('previous limit (40) stays in force');
  });

  it('ignores an unknown currency code and names it', () => {
    const read = readManagedPolicy({ dailyCreditLimits: { xyz: 10 } }, {});
    expect(read.policy.dailyCreditLimits).toEqual({});
    expect(read.warnings[0]).toContain('"xyz" is not a currency code Stripe supports');
  });

  it.each([
    ['a string', 'strict'],
    ['an array', [1]],
    ['null', null],
  ])('ignores a policy that is %s and keeps what was in force', (_name, raw) => {
    const read = readManagedPolicy(raw, { creditLimits: { usd: 40 } });
    expect(read.policy).toEqual({ creditLimits: { usd: 40 } });
    expect(read.warnings[0]).toContain('not an object');
  });

  it('ignores fields of the wrong type, and unknown fields, with a warning each', () => {
    const read = readManagedPolicy(
      { autoLockMinutes: 0, liveKeysAllowed: 'no', portalReturnUrl: 'http://x.example', colour: 1 },
      { liveKeysAllowed: false },
    );
    expect(read.policy).toEqual({ liveKeysAllowed: false });
    expect(read.warnings).toHaveLength(4);
    expect(read.warnings.join(' ')).toContain('Policy colour is not a setting');
    expect(read.warnings.join(' ')).toContain('https://');
  });

  it('declares every setting it reads in the schema Chrome checks policies against, and no other', () => {
    // Chrome and administrators' tools go by the schema: a setting read here but not declared
    // there is one they can neither show nor check.
    expect(Object.keys(MANAGED_SCHEMA.properties).sort()).toEqual([...POLICY_FIELDS].sort());
  });

  it('remembers the last valid policy where content scripts cannot reach it', async () => {
    await setPolicy({ creditLimits: { usd: 40 } });
    expect((await currentPolicy()).policy.creditLimits).toEqual({ usd: 40 });
    await setPolicy({ creditLimits: { usd: -1 } });
    const later = await currentPolicy();
    expect(later.policy.creditLimits).toEqual({ usd: 40 });
    expect(later.warnings).toHaveLength(1);
    // Read again and again while the policy stays broken: the limit is never forgotten.
    expect((await currentPolicy()).policy.creditLimits).toEqual({ usd: 40 });
    expect((await currentPolicy()).policy.creditLimits).toEqual({ usd: 40 });
    await fakeBrowser.storage.managed.clear();
    expect((await currentPolicy()).policy).toEqual({});
  });
});

describe('sites by policy', () => {
  const allowed = (origin: string, policy: object) =>
    siteAllowedByPolicy(origin, policy, isDeclaredSite);
  it.each([
    ['https://acme.zendesk.com', {}, true],
    ['https://support.other.example', {}, true],
    ['https://support.acme.com', { helpdeskSites: ['https://support.acme.com'] }, true],
    ['https://acme.zendesk.com', { helpdeskSites: ['https://support.acme.com'] }, true],
    ['https://other.example', { helpdeskSites: ['https://support.acme.com'] }, false],
    [
      'https://acme.zendesk.com',
      { helpdeskSites: ['https://support.acme.com'], replaceBuiltInHelpdesks: true },
      false,
    ],
    ['https://eu.help.acme.com', { helpdeskSites: ['https://*.acme.com'] }, true],
    ['https://acme.com.evil.example', { helpdeskSites: ['https://*.acme.com'] }, false],
  ])('%s under %j: %s', (origin, policy, expected) => {
    expect(allowed(origin, policy)).toBe(expected);
  });

  it('refuses to enable a site the organisation does not list, before asking the browser', async () => {
    await setPolicy({ helpdeskSites: ['https://support.acme.com'] });
    expect(await enableSite('https://other.example')).toEqual({
      ok: false,
      reason: expect.stringContaining('Ask your administrator to add it'),
    });
  });
});

describe('the background enforces the policy', () => {
  async function withTestKey() {
    const router = harness.router({ senders });
    await router.saveTestKey();
    return router;
  }

  it('applies a managed limit to a credit, and shows it as set by the organisation', async () => {
    const { ask, grantCard } = await withTestKey();
    await setPolicy({ creditLimits: { usd: 20 } });
    const view = await ask({ type: 'settings.get' }, options);
    expect(view).toMatchObject({
      ok: true,
      value: {
        settings: { creditLimits: { usd: 20 } },
        organisation: { limitPolicy: { creditLimits: { usd: 20 } } },
      },
    });
    const jenny = await grantCard(SEED_IDS.jenny);
    harness.emulator.received.length = 0;
    const reply = await jenny.ask({
      type: 'customer.credit',
      attemptId: crypto.randomUUID(),
      amount: '25',
      currency: 'usd',
      note: '',
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('over the limit of $20.00 per credit') },
    });
    expect(harness.emulator.received.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('refuses a save that changes what the organisation set, and keeps the agent’s own value', async () => {
    const { ask } = harness.router({ senders });
    const agent = await ask({ type: 'settings.get' }, options);
    const { settings } = expectOk(agent);
    await ask({ type: 'settings.save', settings: { ...settings, retentionDays: 60 } }, options);
    await setPolicy({ activityLogRetentionDays: 30, creditLimits: { usd: 20 } });
    const forged = await ask(
      { type: 'settings.save', settings: { ...settings, retentionDays: 3650 } },
      options,
    );
    expect(forged).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('set by your organisation') },
    });
    const loosened = await ask(
      {
        type: 'settings.save',
        settings: { ...settings, retentionDays: 30, creditLimits: { usd: 5000 } },
      },
      options,
    );
    expect(loosened.ok).toBe(false);
    const fine = await ask(
      {
        type: 'settings.save',
        settings: { ...settings, retentionDays: 30, creditLimits: { usd: 20, eur: 70 } },
      },
      options,
    );
    expect(fine).toMatchObject({
      ok: true,
      value: { settings: { retentionDays: 30, creditLimits: { usd: 20, eur: 70 } } },
    });
    // Lifted, the agent's own choice is back.
    await fakeBrowser.storage.managed.clear();
    expect(await ask({ type: 'settings.get' }, options)).toMatchObject({
      value: { settings: { retentionDays: 60, creditLimits: { eur: 70 } } },
    });
  });

  it('refuses a live key when live keys are not allowed, with no request sent', async () => {
    const { ask } = harness.router({ senders });
    await setPolicy({ liveKeysAllowed: false });
    harness.emulator.received.length = 0;
    const reply = await ask(
      { type: 'accounts.save', apiKey: harness.emulator.keys.liveSecret },
      options,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('does not allow live-mode keys') },
    });
    expect(harness.emulator.received).toHaveLength(0);
    expect(await ask({ type: 'accounts.list' }, options)).toMatchObject({ value: [] });
  });

  it('stops using a live key saved before the policy came', async () => {
    const { ask, grantCard } = harness.router({ senders });
    await ask({ type: 'accounts.save', apiKey: harness.emulator.keys.liveSecret }, options);
    await setPolicy({ liveKeysAllowed: false });
    const jenny = await grantCard(SEED_IDS.jenny);
    harness.emulator.received.length = 0;
    const opened = await jenny.ask({ type: 'card.open' });
    expect(JSON.stringify(opened)).toContain('does not allow live-mode keys');
    expect(harness.emulator.received).toHaveLength(0);
  });

  it('requires the passphrase lock before a key is saved or used, and keeps it on', async () => {
    const { ask, grantCard } = await withTestKey();
    await setPolicy({ passphraseLockRequired: true });
    const jenny = await grantCard(SEED_IDS.jenny);
    harness.emulator.received.length = 0;
    expect(JSON.stringify(await jenny.ask({ type: 'card.open' }))).toContain(
      'requires the passphrase lock',
    );
    expect(harness.emulator.received).toHaveLength(0);
    const passphrase = 'correct horse battery';
    expect((await ask({ type: 'vault.enable', passphrase }, options)).ok).toBe(true);
    expect(await ask({ type: 'vault.disable', passphrase }, options)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('cannot be turned off here') },
    });
  });

  it('gives no card on a built-in helpdesk the organisation replaced', async () => {
    const { askForCard } = harness.router({ senders });
    await setPolicy({ helpdeskSites: ['https://support.acme.com'], replaceBuiltInHelpdesks: true });
    expect(await askForCard(SEED_IDS.jenny)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('does not allow this extension') },
    });
  });
});

describe('daily limits of their own', () => {
  it('takes a daily figure set for a currency over five times the per-credit limit', async () => {
    const { dailyCreditLimitFor, DEFAULT_GUARDRAILS } =
      await import('../../utils/guardrails/limits');
    expect(dailyCreditLimitFor('usd', DEFAULT_GUARDRAILS)).toBe(500);
    expect(
      dailyCreditLimitFor('USD', { ...DEFAULT_GUARDRAILS, dailyCreditLimits: { usd: 150 } }),
    ).toBe(150);
    expect(
      dailyCreditLimitFor('jpy', { ...DEFAULT_GUARDRAILS, dailyCreditLimits: { usd: 150 } }),
    ).toBe(100_000);
  });
});

describe('an organisation’s limits cannot be loosened from Options', () => {
  /** The background with a test key, a customer card open, and a way to credit on it. */
  async function creditingAgent() {
    const { handle, ask, openCard, saveTestKey } = harness.router({ senders });
    await saveTestKey();
    const customer = await openCard(SEED_IDS.jenny);
    const credit = (amount: string, currency = 'usd') =>
      customer.ask({
        type: 'customer.credit',
        attemptId: crypto.randomUUID(),
        amount,
        currency,
        note: '',
      });
    const saveLimits = (limits: {
      creditLimits?: Record<string, number>;
      dailyCreditLimits?: Record<string, number>;
    }) => ask({ type: 'settings.save', settings: limits }, options);
    const inForce = async () => expectOk(await ask({ type: 'settings.get' }, options));
    return { handle, credit, saveLimits, inForce };
  }

  it('holds a day to five times a pinned per-credit limit, whatever daily the agent set', async () => {
    const { credit, saveLimits, inForce } = await creditingAgent();
    // Set before the policy came: kept for the day it is lifted, never in force under it.
    expect((await saveLimits({ dailyCreditLimits: { usd: 99_999_999 } })).ok).toBe(true);
    await setPolicy({ creditLimits: { usd: 20 } });
    expect((await inForce()).settings.dailyCreditLimits).toMatchObject({ usd: 100 });
    for (const _ of [1, 2, 3, 4, 5]) expect((await credit('20')).ok).toBe(true);
    expect(await credit('20')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('over the daily limit of $100.00') },
    });
    expect(harness.emulator.balanceTransactions()).toHaveLength(5);
    // Asked again under the policy: refused, with the most it may be.
    expect(await saveLimits({ dailyCreditLimits: { usd: 99_999_999 } })).toEqual({
      ok: false,
      error: {
        message:
          'The daily limit for USD can be at most $100.00, 5 times the per-credit limit your organisation set, so nothing was saved. Enter $100.00 or less.',
      },
    });
    // Tightening is the agent's to do.
    expect((await saveLimits({ dailyCreditLimits: { usd: 60 } })).ok).toBe(true);
    expect((await inForce()).settings.dailyCreditLimits).toMatchObject({ usd: 60 });
    // Lifted, the agent's own figure is back.
    await fakeBrowser.storage.managed.clear();
    expect((await inForce()).settings.dailyCreditLimits).toEqual({ usd: 60 });
  });

  it('lockLimits: no limit raised past the organisation’s or the default, none added higher', async () => {
    const { credit, saveLimits, inForce } = await creditingAgent();
    expect(
      (
        await saveLimits({
          creditLimits: { eur: 99_999_999, gbp: 10 },
          dailyCreditLimits: { eur: 99_999_999 },
        })
      ).ok,
    ).toBe(true);
    await setPolicy({ creditLimits: { usd: 20 }, lockLimits: true });
    // EUR was not listed: its default (€100) is the most, and the agent's stricter GBP stays.
    expect((await inForce()).settings).toMatchObject({
      creditLimits: { usd: 20, eur: 100, gbp: 10 },
      dailyCreditLimits: { eur: 500 },
    });
    expect(await credit('150', 'eur')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('over the limit of €100.00 per credit') },
    });
    expect(await saveLimits({ creditLimits: { usd: 20, eur: 500 } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('EUR can be at most €100.00') },
    });
    expect(await saveLimits({ creditLimits: { usd: 20, chf: 1000 } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('CHF can be at most CHF') },
    });
    expect(await saveLimits({ dailyCreditLimits: { jpy: 1_000_000 } })).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining('The daily limit for JPY can be at most ¥100,000'),
      },
    });
    // Lowering stays the agent's to do, in any currency.
    expect((await saveLimits({ creditLimits: { usd: 20, eur: 50, chf: 30 } })).ok).toBe(true);
    expect((await inForce()).settings.creditLimits).toEqual({ usd: 20, eur: 50, chf: 30 });
  });

  it.each([
    ['lower-case first', { usd: 50, USD: 10 }],
    ['upper-case first', { USD: 10, usd: 50 }],
  ])('a policy naming a currency twice (%s) keeps the lower figure, and says so', (_, limits) => {
    const read = readManagedPolicy({ creditLimits: limits, dailyCreditLimits: limits }, {});
    expect(read.policy).toEqual({ creditLimits: { usd: 10 }, dailyCreditLimits: { usd: 10 } });
    expect(read.valid).toEqual(read.policy);
    expect(read.warnings).toEqual([
      expect.stringMatching(
        /^Policy creditLimits names USD more than once .*the lowest, 10, is in force/,
      ),
      expect.stringMatching(/^Policy dailyCreditLimits names USD more than once/),
    ]);
  });

  it('shows the duplicate in Options, and merges the agent’s own duplicates to the lower', async () => {
    const { saveLimits, inForce } = await creditingAgent();
    await setPolicy({ creditLimits: { eur: 80, EUR: 30 } });
    expect((await inForce()).warnings).toEqual([
      expect.stringContaining('Policy creditLimits names EUR more than once'),
    ]);
    expect((await saveLimits({ creditLimits: { eur: 30, gbp: 70, GBP: 20 } })).ok).toBe(true);
    expect((await inForce()).settings.creditLimits).toEqual({ eur: 30, gbp: 20 });
  });

  it('reads lockLimits, and ignores a value that is not true or false', () => {
    expect(readManagedPolicy({ lockLimits: true }, {}).policy).toEqual({ lockLimits: true });
    const read = readManagedPolicy({ lockLimits: 'yes' }, { lockLimits: true });
    expect(read.policy).toEqual({ lockLimits: true });
    expect(read.warnings[0]).toContain('Policy lockLimits was ignored');
  });
});
