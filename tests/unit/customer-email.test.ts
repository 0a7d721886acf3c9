import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openActivityJournal } from '../../utils/journal/activity-journal';
import { SEED_EMAILS, SEED_IDS, type SeedCustomer } from '../emulator/seed-data';
import { expectOk, expectView, testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(9);
const { page, options } = senders;
const REFUSED = { ok: false, error: { message: 'This request is not allowed from here.' } };

async function setUp({ liveKey = false } = {}) {
  const journal = openActivityJournal(`email-${crypto.randomUUID()}`);
  const tellHelpdeskTabs = vi.fn(async () => {});
  const router = harness.router({ journal, tellHelpdeskTabs, senders });
  const { ask } = router;
  await router.saveTestKey();
  if (liveKey) {
    await ask({ type: 'accounts.save', apiKey: harness.emulator.keys.liveSecret }, options);
    const accounts = expectOk(await ask({ type: 'accounts.list' }, options));
    const test = accounts.find((a) => a.mode === 'test')!;
    await ask({ type: 'accounts.setActive', accountId: test.id }, options);
  }
  harness.emulator.received.length = 0;
  return { ...router, open: router.openCard, tellHelpdeskTabs };
}
const customerSearches = () =>
  harness.emulator.received.filter((r) => r.method === 'GET' && r.path === '/v1/customers');

describe('a card opened for an email address', () => {
  afterEach(() => fakeBrowser.storage.managed.clear());

  it('opens as the one customer with it, having asked Stripe once', async () => {
    const { open } = await setUp();
    const { contents } = await open(SEED_EMAILS.jenny);
    expect(contents).toMatchObject({
      kind: 'customer',
      objectId: SEED_IDS.jenny,
      reachedBy: SEED_EMAILS.jenny,
      found: { ok: true, value: { name: 'Jenny Rosen' } },
    });
    expect(customerSearches().map((r) => r.query)).toEqual([
      { email: SEED_EMAILS.jenny, limit: '100' },
    ]);
    const view = expectView(contents, 'customer');
    expect(view.openSessions).toEqual([
      expect.objectContaining({ id: SEED_IDS.openSession, amountTotal: 4900, currency: 'usd' }),
    ]);
    expect(view.recentInvoices!.map((i) => i.number)).toEqual([
      null, // May's draft: not numbered until finalized.
      'ACME-0042',
      'ACME-0041',
    ]);
  });

  it('asks as written and lower-cased, and lists both spellings newest first', async () => {
    const { open } = await setUp();
    const { contents } = await open(SEED_EMAILS.alex);
    expect(contents.kind).toBe('customer_email');
    expect(customerSearches().map((r) => r.query.email)).toEqual([
      'Alex@example.net',
      'alex@example.net',
    ]);
    const view = expectView(contents, 'customer_email');
    expect(view).toMatchObject({ total: 2, totalIsAtLeast: false, otherMode: null });
    expect(view.customers.map((c) => c.id)).toEqual([SEED_IDS.alexWork, SEED_IDS.alexHome]);
    expect(view.customers[0]).toMatchObject({
      openSessions: { count: 1, more: false },
      unpaidInvoices: { count: 1, more: false },
      balance: -2500,
    });
  });

  it('says "10 of N" past ten, from one page of 100, and counts only the ten it shows', async () => {
    const customers = harness.emulator.customers();
    for (let i = 0; i < 24; i++) {
      const id = `cus_ManyWithEmail${String(i).padStart(2, '0')}`;
      customers.set(id, {
        id,
        livemode: false,
        name: `Shared ${i}`,
        email: 'shared@example.com',
        balance: 0,
        currency: 'usd',
        created: 1_700_000_000 + i,
      } satisfies SeedCustomer);
    }
    const { open } = await setUp();
    const { contents } = await open('shared@example.com');
    const view = expectView(contents, 'customer_email');
    expect(view).toMatchObject({ total: 24, totalIsAtLeast: false });
    expect(view.customers).toHaveLength(10);
    expect(view.customers[0]!.id).toBe('cus_ManyWithEmail23');
    const tallied = harness.emulator.received.filter((r) => r.path === '/v1/invoices');
    expect(tallied).toHaveLength(10);
  });

  it('opens only a customer it listed, once', async () => {
    const { open } = await setUp();
    const { ask, reopen } = await open(SEED_EMAILS.alex);
    // Jenny was never listed on this card: refused, whatever the page or card asks.
    expect(await ask({ type: 'customerEmail.open', customerId: SEED_IDS.jenny })).toEqual(REFUSED);
    expect(await ask({ type: 'customerEmail.open', customerId: SEED_IDS.alexHome })).toEqual({
      ok: true,
      value: null,
    });
    expect(await reopen()).toMatchObject({ kind: 'customer', objectId: SEED_IDS.alexHome });
    // Narrowed for good: the other customer of the address is out of reach now.
    expect(await ask({ type: 'customerEmail.open', customerId: SEED_IDS.alexWork })).toEqual(
      REFUSED,
    );
  });

  it('goes back from a customer picked from the list to the list, and from no other card', async () => {
    const { open } = await setUp();
    const { ask, reopen } = await open(SEED_EMAILS.alex);
    expect(await ask({ type: 'card.backToList' })).toEqual(REFUSED);
    await ask({ type: 'customerEmail.open', customerId: SEED_IDS.alexHome });
    expect(await reopen()).toMatchObject({
      kind: 'customer',
      objectId: SEED_IDS.alexHome,
      backToList: true,
    });
    expect(await ask({ type: 'card.backToList' })).toEqual({ ok: true, value: null });
    const list = await reopen();
    expect(list).toMatchObject({ kind: 'customer_email', objectId: SEED_EMAILS.alex });
    expect(list).not.toHaveProperty('reachedBy');
    expect(expectView(list, 'customer_email').customers).toHaveLength(2);
    // And the other customer can be picked now.
    expect(await ask({ type: 'customerEmail.open', customerId: SEED_IDS.alexWork })).toEqual({
      ok: true,
      value: null,
    });

    // An address with one customer opens as theirs: there is no list to go back to.
    const jenny = await open(SEED_EMAILS.jenny);
    expect(jenny.contents).not.toHaveProperty('backToList');
    expect(await jenny.ask({ type: 'card.backToList' })).toEqual(REFUSED);
  });

  it('offers the other mode only when none is found and a key for it is saved, and searches there only when asked', async () => {
    const { open } = await setUp({ liveKey: true });
    const { ask, contents, reopen } = await open(SEED_EMAILS.liveOnly);
    expect(expectView(contents, 'customer_email')).toMatchObject({
      total: 0,
      otherMode: 'live',
      mode: 'test',
    });
    const liveCalls = () =>
      harness.emulator.received.filter((r) =>
        r.headers.authorization?.includes(harness.emulator.keys.liveSecret),
      );
    expect(liveCalls()).toHaveLength(0);
    expect(await ask({ type: 'customerEmail.searchOtherMode' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await reopen()).toMatchObject({
      kind: 'customer',
      objectId: SEED_IDS.liveOnlyCustomer,
      found: { ok: true, value: { mode: 'live' } },
    });
    expect(liveCalls()[0]).toMatchObject({
      path: '/v1/customers',
      query: { email: SEED_EMAILS.liveOnly },
    });
  });

  it('offers no other mode the organisation forbids, and refuses a forged request for it', async () => {
    const { open } = await setUp({ liveKey: true });
    await fakeBrowser.storage.managed.set({ liveKeysAllowed: false });
    const { ask, contents } = await open(SEED_EMAILS.liveOnly);
    expect(expectView(contents, 'customer_email')).toMatchObject({ total: 0, otherMode: null });
    const reply = await ask({ type: 'customerEmail.searchOtherMode' });
    expect(reply).toMatchObject({ ok: false, error: { fixInOptions: true } });
    expect(
      harness.emulator.received.filter((r) =>
        r.headers.authorization?.includes(harness.emulator.keys.liveSecret),
      ),
    ).toHaveLength(0);
  });

  it('refuses an address over 512 characters, or anything that is not one, before any request', async () => {
    const { handle } = await setUp();
    for (const objectId of [
      `${'a'.repeat(64)}.`.repeat(8) + '@example.com',
      'jenny@localhost',
      'jenny@example.com<script>',
    ])
      expect(await handle({ type: 'page.openCard', objectId }, page)).toEqual(REFUSED);
    expect(harness.emulator.received).toHaveLength(0);
  });

  it('retries a rate-limited search like any read', async () => {
    harness.emulator.injectFault({ kind: 'status', status: 429 }, { pathPrefix: '/v1/customers' });
    const { open } = await setUp();
    const { contents } = await open(SEED_EMAILS.jenny);
    expect(contents).toMatchObject({ kind: 'customer', found: { ok: true } });
    expect(customerSearches()).toHaveLength(2);
  });
});

describe("a customer's open sessions on its card", () => {
  it('expires one it listed, journaled under the session, with no email in the journal', async () => {
    const { journal, open } = await setUp();
    const { ask } = await open(SEED_EMAILS.jenny);
    const attemptId = crypto.randomUUID();
    const expire = () =>
      ask({ type: 'customer.expireSession', attemptId, sessionId: SEED_IDS.openSession });
    const reply = await expire();
    expect(reply).toMatchObject({ ok: true, value: { status: 'expired' } });
    const [post] = harness.emulator.apiPosts();
    expect(post).toMatchObject({
      path: `/v1/checkout/sessions/${SEED_IDS.openSession}/expire`,
      rawBody: '',
    });
    expect(post!.headers['idempotency-key']).toBe(`sha-${attemptId}`);
    // A double click sends the same attempt: nothing twice.
    await expire();
    expect(harness.emulator.received.filter((r) => r.method === 'POST' && r.executed)).toHaveLength(
      1,
    );
    const records = await journal.listRecent(10);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'expire_checkout_session',
      objectId: SEED_IDS.openSession,
    });
    expect(JSON.stringify(records)).not.toContain('@');
  });

  it('refuses a session the card did not list as its own, sending nothing', async () => {
    const { open } = await setUp();
    const { ask } = await open(SEED_IDS.jenny);
    for (const sessionId of [SEED_IDS.alexWorkOpenSession, SEED_IDS.completeSession])
      expect(
        await ask({ type: 'customer.expireSession', attemptId: crypto.randomUUID(), sessionId }),
      ).toEqual(REFUSED);
    expect(harness.emulator.apiPosts()).toHaveLength(0);
  });
});

describe('a card a content script asks for an address', () => {
  afterEach(() => fakeBrowser.storage.managed.clear());

  it('is refused while addresses are not marked, by the agent or the organisation, and nothing is searched', async () => {
    const { ask, askForCard } = await setUp();
    await ask({ type: 'settings.save', settings: { markEmails: false } }, options);
    const refused = await askForCard(SEED_EMAILS.jenny);
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Email addresses are not marked') },
    });
    // IDs are cards as ever; and the agent may still paste an address into the popup.
    expect((await askForCard(SEED_IDS.jenny)).ok).toBe(true);
    expect((await ask({ type: 'popup.openCard', objectId: SEED_EMAILS.jenny }, options)).ok).toBe(
      true,
    );

    await ask({ type: 'settings.save', settings: { markEmails: true } }, options);
    await fakeBrowser.storage.managed.set({ markEmailAddresses: false });
    expect((await askForCard(SEED_EMAILS.alex)).ok).toBe(false);
    await fakeBrowser.storage.managed.clear();
    expect((await askForCard(SEED_EMAILS.alex)).ok).toBe(true);
    // No card has asked yet, so nothing was searched (the popup's card searches as it opens).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(customerSearches()).toHaveLength(0);
  });

  it("is refused for the agent's own address, which the page's script is told to skip", async () => {
    const { ask, askForCard, handle } = await setUp();
    const saved = await ask(
      { type: 'settings.save', settings: { ownEmails: ['Jenny.Rosen@Example.com'] } },
      options,
    );
    expect(saved.ok).toBe(true);
    expect(await askForCard(SEED_EMAILS.jenny)).toMatchObject({
      ok: false,
      error: { message: 'This is one of your own addresses (Options), so it is not searched.' },
    });
    expect((await askForCard(SEED_EMAILS.alex)).ok).toBe(true);
    expect(await handle({ type: 'page.marking' }, page)).toEqual({
      ok: true,
      value: { emails: true, skip: ['jenny.rosen@example.com'] },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(customerSearches()).toHaveLength(0);
  });

  it('is searched only when the card shown for it asks, never as it is granted', async () => {
    const { grantCard } = await setUp();
    const card = await grantCard(SEED_EMAILS.jenny);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(customerSearches()).toHaveLength(0);
    const contents = expectOk(await card.ask({ type: 'card.open' }));
    expect(contents).toMatchObject({ kind: 'customer', objectId: SEED_IDS.jenny });
    expect(customerSearches()).toHaveLength(1);
  });
});

describe('what the content script marks', () => {
  it('tells it whether to mark addresses, and tells open tabs when the agent changes it', async () => {
    const { handle, ask, tellHelpdeskTabs } = await setUp();
    expect(await handle({ type: 'page.marking' }, page)).toEqual({
      ok: true,
      value: { emails: true, skip: [] },
    });
    // Saving one field leaves the rest as stored.
    const saved = await ask({ type: 'settings.save', settings: { markEmails: false } }, options);
    expect(saved).toMatchObject({
      ok: true,
      value: { settings: { markEmails: false, retentionDays: 90 } },
    });
    expect(tellHelpdeskTabs).toHaveBeenCalledWith({ type: 'content.marking', emails: false });
    expect(await handle({ type: 'page.marking' }, page)).toMatchObject({
      value: { emails: false, skip: [] },
    });
    // Nothing changed, nothing told.
    await ask({ type: 'settings.save', settings: { retentionDays: 30 } }, options);
    expect(tellHelpdeskTabs).toHaveBeenCalledTimes(1);
  });

  it('follows the organisation over the agent, and refuses the agent changing it', async () => {
    const { handle, ask } = await setUp();
    await fakeBrowser.storage.managed.set({ markEmailAddresses: false });
    expect(await handle({ type: 'page.marking' }, page)).toMatchObject({
      value: { emails: false },
    });
    expect(
      await ask({ type: 'settings.save', settings: { markEmails: true } }, options),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('set by your organisation') },
    });
    await fakeBrowser.storage.managed.clear();
  });
});
