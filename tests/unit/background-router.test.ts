import { describe, expect, it, vi } from 'vitest';
import type { MessageSenderLike } from '../../utils/messaging/sender-policy';
import { createStripeClient } from '../../utils/stripe/client';
import { storage } from 'wxt/utils/storage';
import { buildRequestTable } from '../../utils/background/request-table';
import { CARD_KINDS } from '../../utils/objects/registry';
import { DEMO_ID_BY_KIND, SEED_IDS } from '../emulator/seed-data';
import {
  RUNTIME_ID,
  EXTENSION_ORIGIN as ORIGIN,
  expectOk,
  testSenders,
  useEmulator,
} from './emulator-harness';

const harness = useEmulator();
const REFUSED_REPLY = { ok: false, error: { message: 'This request is not allowed from here.' } };
const creditFields = { amount: '1.00', currency: 'usd', note: '' };
/** Fields that make each kind's request well formed, so that only its kind can refuse it. */
const VALID_FIELDS = {
  'checkoutSession.expire': { attemptId: crypto.randomUUID() },
  'customer.credit': { attemptId: crypto.randomUUID(), ...creditFields },
  'customer.portalLink': { attemptId: crypto.randomUUID(), flow: 'none' },
  'customer.dailyCredits': { currency: 'usd' },
  'customer.expireSession': { attemptId: crypto.randomUUID(), sessionId: SEED_IDS.openSession },
  'customerEmail.open': { customerId: SEED_IDS.alexHome },
  'customerEmail.searchOtherMode': {},
  'invoice.previewCreditNote': { attemptId: crypto.randomUUID(), draft: validDraft() },
  'invoice.issueCreditNote': { attemptId: crypto.randomUUID(), draft: validDraft() },
  'invoice.voidCreditNote': {
    attemptId: crypto.randomUUID(),
    creditNoteId: SEED_IDS.jennyCreditNote,
  },
  'creditNote.void': { attemptId: crypto.randomUUID() },
  'payment.reviewRefund': { attemptId: crypto.randomUUID(), draft: validRefundDraft() },
  'payment.refund': { attemptId: crypto.randomUUID(), draft: validRefundDraft() },
  'refund.cancel': { attemptId: crypto.randomUUID() },
  'subscription.scheduleCancel': { attemptId: crypto.randomUUID() },
  'subscription.undoCancel': { attemptId: crypto.randomUUID() },
  'subscription.previewCancelNow': { attemptId: crypto.randomUUID(), choice: cancelChoice() },
  'subscription.cancelNow': { attemptId: crypto.randomUUID(), choice: cancelChoice() },
  'subscription.pause': {
    attemptId: crypto.randomUUID(),
    behavior: 'keep_as_draft',
    resumesAt: null,
  },
  'subscription.resume': { attemptId: crypto.randomUUID() },
};
function validRefundDraft() {
  return { currency: 'usd', whole: false, amount: '1.00', reason: 'duplicate', note: '' };
}
function cancelChoice() {
  return { prorate: true, invoiceNow: true, feedback: 'too_expensive', comment: '' };
}
function validDraft() {
  return {
    reason: 'duplicate',
    memo: '',
    currency: 'usd',
    amount: { by: 'total', total: '1.00' },
    destination: 'refund',
    split: { refund: '', credit: '', outOfBand: '' },
  };
}
const TAB = 7;
const senders = testSenders(TAB);
const { page: contentScript, card, options } = senders;

function setUp() {
  const sendToFrame = vi.fn(async () => {});
  const openOptions = vi.fn(async () => {});
  return { ...harness.router({ sendToFrame, openOptions, senders }), sendToFrame, openOptions };
}

async function withTestKey({ saveTestKey }: ReturnType<typeof setUp>) {
  await saveTestKey();
  harness.emulator.received.length = 0;
}

describe('who may send what', () => {
  const stripeCalls = [
    { type: 'accounts.list' },
    { type: 'accounts.save', apiKey: 'sk_test_abc' },
    { type: 'journal.recent', limit: 5 },
    { type: 'card.open', token: 'a'.repeat(32) },
    { type: 'checkoutSession.expire', token: 'a'.repeat(32), attemptId: crypto.randomUUID() },
    // Runs the content script in a tab: a page must not choose where.
    { type: 'sites.startOnTab', tabId: 1 },
  ];

  it.each([
    ['another extension', { ...options, id: 'otherextensionid' }],
    ['no sender id', { url: `${ORIGIN}/options.html` }],
    ['a web page posing with our id', { id: RUNTIME_ID, url: 'https://evil.example/' }],
    ['a content script', contentScript],
    [
      'a look-alike extension origin',
      { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}x/options.html` },
    ],
    ['a file URL', { id: RUNTIME_ID, url: 'file:///tmp/x.html', tab: { id: 1 }, frameId: 0 }],
    ['no URL', { id: RUNTIME_ID }],
  ])('refuses every privileged request from %s', async (_name, sender) => {
    const { handle } = setUp();
    for (const request of stripeCalls) {
      expect(await handle(request, sender as MessageSenderLike)).toEqual({
        ok: false,
        error: { message: 'This request is not allowed from here.' },
      });
    }
    expect(harness.emulator.received).toHaveLength(0);
  });

  it.each([
    ['unknown type', { type: 'stripe.raw', path: '/v1/refunds' }],
    ['extra field', { type: 'accounts.list', extra: 1 }],
    ['prototype pollution', JSON.parse('{"type":"accounts.list","__proto__":{"polluted":1}}')],
    ['no type', {}],
    ['not an object', 'accounts.list'],
    ['null', null],
    ['malformed token', { type: 'card.open', token: '../../etc' }],
    ['a retired request type', { type: 'checkoutSession.retrieve', token: 'a'.repeat(32) }],
    ['non-uuid attempt', { type: 'checkoutSession.expire', token: 'a'.repeat(32), attemptId: '1' }],
    ['oversized key', { type: 'accounts.save', apiKey: 'sk_test_' + 'a'.repeat(600) }],
  ])('refuses a malformed message from an extension page: %s', async (_name, message) => {
    const { handle } = setUp();
    const reply = await handle(message, options);
    expect(reply.ok).toBe(false);
    expect(harness.emulator.received).toHaveLength(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a near miss', 'cs_testing_abc'],
    ['HTML in the ID', 'cus_<img src=x>'],
    ['an overlong ID', `cus_${'a'.repeat(300)}`],
    ['a zero-width character', 'cus_ab\u200bc'],
  ])('gives a content script no card for %s', async (_name, objectId) => {
    const { handle } = setUp();
    expect((await handle({ type: 'page.openCard', objectId }, contentScript)).ok).toBe(false);
  });

  it('lets a card act only on the ID granted, from the same tab', async () => {
    const router = setUp();
    await withTestKey(router);
    const session = await router.grantCard(SEED_IDS.completeSession);
    // The granted card's object, looked up for it (see "looks up the object as its card is
    // granted"); nothing past it is sent for anyone else.
    await vi.waitFor(() => expect(harness.emulator.received).toHaveLength(1));
    harness.emulator.received.length = 0;
    expect(await session.ask({ type: 'card.open' })).toMatchObject({
      ok: true,
      value: {
        objectId: SEED_IDS.completeSession,
        kind: 'checkout_session',
        mode: 'test',
        found: { ok: true, value: { id: SEED_IDS.completeSession, status: 'complete' } },
      },
    });
    const otherTab = { ...card, tab: { id: TAB + 1 } };
    const fromOtherTab = await session.ask({ type: 'card.open' }, otherTab);
    expect(fromOtherTab).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('expired') },
    });
    const forged = await router.ask({ type: 'card.open', token: 'b'.repeat(32) }, card);
    expect(forged.ok).toBe(false);
    expect(harness.emulator.received).toHaveLength(0);
  });

  it('refuses a card whose grant names a kind the registry does not know', async () => {
    const router = setUp();
    await withTestKey(router);
    const { handle } = router;
    // A grant stored by another version, or forged into session storage: an ID of no known kind.
    const token = 'c'.repeat(32);
    await storage.setItem('session:cardGrants', [
      {
        token,
        objectId: 'acct_1AccountOfNoKnownKind',
        tabId: TAB,
        frameId: 0,
        pageUrl: contentScript.url,
        inPopup: false,
        createdAt: Date.now(),
      },
    ]);
    for (const request of [
      { type: 'card.open', token },
      { type: 'customer.credit', token, attemptId: crypto.randomUUID(), ...creditFields },
      { type: 'checkoutSession.expire', token, attemptId: crypto.randomUUID() },
    ])
      expect(await handle(request, card)).toEqual(REFUSED_REPLY);
    expect(harness.emulator.received).toHaveLength(0);
  });

  it("refuses every kind's request on a card granted for another kind, sending nothing", async () => {
    const router = setUp();
    await withTestKey(router);
    const { handle } = router;
    const table = buildRequestTable();
    const owned = [...table].flatMap(([type, entry]) =>
      entry.scope === 'card' && entry.kind !== null ? [{ type, kind: entry.kind }] : [],
    );
    // A new kind's requests must be listed here too, or this fails.
    expect(owned.map((o) => o.type).sort()).toEqual(Object.keys(VALID_FIELDS).sort());
    for (const kind of CARD_KINDS) {
      const { token, ask } = await router.grantCard(DEMO_ID_BY_KIND[kind]);
      // Every read its card opens with is over before the refusals are counted.
      expect(await ask({ type: 'card.open' })).toMatchObject({ ok: true });
      harness.emulator.received.length = 0;
      for (const request of owned.filter((o) => o.kind !== kind)) {
        const fields = VALID_FIELDS[request.type as keyof typeof VALID_FIELDS];
        // Named for the object this card shows: well formed, so only its kind can refuse it.
        const message = { type: request.type, token, shownId: DEMO_ID_BY_KIND[kind], ...fields };
        expect(table.get(request.type)!.handler.schema.safeParse(message).success).toBe(true);
        expect(await handle(message, card)).toEqual(REFUSED_REPLY);
      }
      expect(harness.emulator.received).toHaveLength(0);
    }
  });

  it('points a card to Options, and sends nothing, when no key of the right mode is saved', async () => {
    const { grantCard } = setUp();
    const session = await grantCard(SEED_IDS.openSession);
    const customer = await grantCard(SEED_IDS.jenny);
    expect(await session.ask({ type: 'card.open' })).toMatchObject({
      ok: true,
      value: {
        kind: 'checkout_session',
        found: {
          ok: false,
          error: {
            message:
              'No test-mode API key is saved, so nothing was sent. Add a test key in Options.',
            fixInOptions: true,
          },
        },
      },
    });
    expect(await customer.ask({ type: 'card.open' })).toMatchObject({
      ok: true,
      value: {
        kind: 'customer',
        found: {
          ok: false,
          error: { message: 'No API key is saved yet. Add one in Options.', fixInOptions: true },
        },
      },
    });
    expect(harness.emulator.received).toHaveLength(0);
  });

  it('opens Options for a card, never for a web page', async () => {
    const { ask, openOptions } = setUp();
    expect(await ask({ type: 'options.open' }, contentScript)).toMatchObject({ ok: false });
    expect(openOptions).not.toHaveBeenCalled();
    expect(await ask({ type: 'options.open' }, card)).toEqual({ ok: true, value: null });
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  // Helpdesks show emails in srcdoc frames: the browser reports the URL `about:srcdoc` and the
  // origin of the page that made the frame.
  const emailFrame = (origin: string | undefined): MessageSenderLike => ({
    id: RUNTIME_ID,
    url: 'about:srcdoc',
    ...(origin === undefined ? {} : { origin }),
    tab: { id: TAB, url: 'https://acme.zendesk.com/agent/tickets/1' },
    frameId: 4,
  });

  it('gives a card to an ID clicked in an email frame, and records the ticket it is in', async () => {
    const router = setUp();
    const { journal } = router;
    await withTestKey(router);
    const session = await router.grantCard(SEED_IDS.openSession, {
      from: emailFrame('https://acme.zendesk.com'),
    });
    const attemptId = crypto.randomUUID();
    await session.ask({ type: 'checkoutSession.expire', attemptId });
    expect(await journal.get(attemptId)).toMatchObject({
      outcome: 'succeeded',
      pageUrl: 'https://acme.zendesk.com/agent/tickets/1',
    });
    // A frame of another origin inside the ticket records its own origin, not the ticket.
    const other = await router.grantCard(SEED_IDS.jenny, {
      from: emailFrame('https://mail.example'),
    });
    const retry = crypto.randomUUID();
    await other.ask({ type: 'customer.portalLink', attemptId: retry, flow: 'none' });
    expect(await journal.get(retry)).toMatchObject({ pageUrl: 'https://mail.example' });
  });

  it('refuses an attempt reused for another credit, sending nothing and keeping the first', async () => {
    const router = setUp();
    const { journal } = router;
    await withTestKey(router);
    const jenny = await router.grantCard(SEED_IDS.jenny);
    const attemptId = crypto.randomUUID();
    harness.emulator.injectFault({ kind: 'drop-before' }, { method: 'POST', times: 3 });
    const credit = (amount: string) =>
      jenny.ask({ type: 'customer.credit', attemptId, amount, currency: 'usd', note: '' });
    expect(await credit('5.00')).toMatchObject({ ok: false, error: { unresolved: true } });
    harness.emulator.received.length = 0;
    expect(await credit('6.00')).toEqual({
      ok: false,
      error: {
        message:
          'This confirmation belongs to a different request, so nothing was sent. Review it again.',
      },
    });
    expect(harness.emulator.received).toHaveLength(0);
    expect(await journal.get(attemptId)).toMatchObject({ outcome: 'pending', amount: 500 });
  });

  it('records the ticket by origin and path only, never its query or fragment', async () => {
    const router = setUp();
    const { journal } = router;
    await withTestKey(router);
    const ticket = {
      ...contentScript,
      url: 'https://acme.zendesk.com/agent/tickets/1?sso_token=s3cr3t#access_token=abc',
    };
    const jenny = await router.grantCard(SEED_IDS.jenny, { from: ticket });
    const attemptId = crypto.randomUUID();
    const reply = await jenny.ask({
      type: 'customer.credit',
      attemptId,
      amount: '1.00',
      currency: 'usd',
      note: '',
    });
    expect(reply.ok).toBe(true);
    expect((await journal.get(attemptId))!.pageUrl).toBe(
      'https://acme.zendesk.com/agent/tickets/1',
    );
    const [post] = harness.emulator.apiPosts();
    expect(post!.form.metadata).toMatchObject({
      ticket_url: 'https://acme.zendesk.com/agent/tickets/1',
    });
    expect(post!.rawBody).not.toContain('s3cr3t');
  });

  it.each([
    ['no origin', undefined],
    ['an opaque origin (a sandboxed frame)', 'null'],
    ['a file origin', 'file://'],
  ])('gives nothing to a frame without an address and with %s', async (_name, origin) => {
    const { handle } = setUp();
    const reply = await handle(
      { type: 'page.openCard', objectId: SEED_IDS.jenny },
      emailFrame(origin),
    );
    expect(reply).toEqual({
      ok: false,
      error: { message: 'This request is not allowed from here.' },
    });
  });

  it("relays no size of a card to its page, whatever the card shows: its frame's height is fixed", async () => {
    const { grantCard, handle, sendToFrame } = setUp();
    for (const shown of [SEED_IDS.jenny, SEED_IDS.openSession]) {
      const granted = await grantCard(shown);
      for (const height of [506, 362, 195])
        expect(
          await handle({ type: 'card.resize', token: granted.token, height }, card),
        ).toMatchObject({ ok: false });
    }
    expect(sendToFrame).not.toHaveBeenCalled();
  });

  it('relays a close request to the frame that asked for the card', async () => {
    const { grantCard, sendToFrame } = setUp();
    const jenny = await grantCard(SEED_IDS.jenny);
    await jenny.ask({ type: 'card.close' });
    expect(sendToFrame).toHaveBeenCalledWith(TAB, 0, { type: 'content.closeCard' });
  });
});

describe("a card's object", () => {
  const getsOf = (objectId: string) =>
    harness.emulator.apiRequests().filter((r) => r.method === 'GET' && r.path.includes(objectId));

  it('is looked up as its card is granted; the card gets that answer, and fresh ones after', async () => {
    const router = setUp();
    await withTestKey(router);
    const session = await router.grantCard(SEED_IDS.openSession);
    // Before the card has asked: its frame is still loading.
    await vi.waitFor(() => expect(getsOf(SEED_IDS.openSession)).toHaveLength(1));
    const first = await session.ask({ type: 'card.open' });
    expect(first).toMatchObject({
      ok: true,
      value: { found: { ok: true, value: { id: SEED_IDS.openSession, status: 'open' } } },
    });
    expect(getsOf(SEED_IDS.openSession)).toHaveLength(1);
    // Later requests (after an action, "Try again") are never answered from the past.
    await session.ask({ type: 'card.open' });
    expect(getsOf(SEED_IDS.openSession)).toHaveLength(2);
  });

  it('is looked up for a card in the popup too, a customer with the account it was found in', async () => {
    const router = setUp();
    await withTestKey(router);
    const reply = await router.ask({ type: 'popup.openCard', objectId: SEED_IDS.jenny }, options);
    const { token } = expectOk(reply);
    await vi.waitFor(() => expect(getsOf(SEED_IDS.jenny).length).toBeGreaterThan(0));
    const sent = getsOf(SEED_IDS.jenny).length;
    const view = await router.ask({ type: 'card.open', token }, options);
    expect(view).toMatchObject({
      ok: true,
      value: { found: { ok: true, value: { id: SEED_IDS.jenny } } },
    });
    expect(getsOf(SEED_IDS.jenny)).toHaveLength(sent);
  });

  it('is looked up again when the card asks more than 5 s after it was granted', async () => {
    const router = setUp();
    await withTestKey(router);
    const session = await router.grantCard(SEED_IDS.openSession);
    await vi.waitFor(() => expect(getsOf(SEED_IDS.openSession)).toHaveLength(1));
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 5_001);
    try {
      await session.ask({ type: 'card.open' });
    } finally {
      vi.restoreAllMocks();
    }
    expect(getsOf(SEED_IDS.openSession)).toHaveLength(2);
  });
});

describe('expiring through the router', () => {
  it('expires once for two identical confirmations sent together', async () => {
    const router = setUp();
    const { journal } = router;
    await withTestKey(router);
    const session = await router.grantCard(SEED_IDS.openSession);
    const attemptId = crypto.randomUUID();
    const expire = () => session.ask({ type: 'checkoutSession.expire', attemptId });
    const [first, second] = await Promise.all([expire(), expire()]);
    expect(first).toEqual(second);
    expect(first).toMatchObject({ ok: true, value: { status: 'expired' } });
    expect(harness.emulator.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(await journal.get(attemptId)).toMatchObject({
      outcome: 'succeeded',
      objectId: SEED_IDS.openSession,
      action: 'expire_checkout_session',
      pageUrl: contentScript.url,
      requestId: expect.stringMatching(/^req_/),
    });
  });

  it('sends the same attempt again after success as a read, not a second expire', async () => {
    const router = setUp();
    await withTestKey(router);
    const session = await router.grantCard(SEED_IDS.openSession);
    const attemptId = crypto.randomUUID();
    const expire = () => session.ask({ type: 'checkoutSession.expire', attemptId });
    await expire();
    const again = await expire();
    expect(again).toMatchObject({ ok: true, value: { status: 'expired' } });
    expect(harness.emulator.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('explains an already-complete session from its status after Stripe refuses', async () => {
    const router = setUp();
    const { journal } = router;
    await withTestKey(router);
    const session = await router.grantCard(SEED_IDS.completeSession);
    const attemptId = crypto.randomUUID();
    const reply = await session.ask({ type: 'checkoutSession.expire', attemptId });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        message: 'This session is complete, so it can no longer be expired.',
        requestId: expect.stringMatching(/^req_/),
      },
    });
    expect(await journal.get(attemptId)).toMatchObject({ outcome: 'failed' });
  });

  it.each([
    [
      'live session with only a test key',
      SEED_IDS.liveOpenSession,
      'No live-mode API key is saved',
    ],
  ])('sends nothing for a %s', async (_name, id, message) => {
    const router = setUp();
    await withTestKey(router);
    const session = await router.grantCard(id);
    const reply = await session.ask({
      type: 'checkoutSession.expire',
      attemptId: crypto.randomUUID(),
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining(message) },
    });
    expect(harness.emulator.received).toHaveLength(0);
  });

  it('keeps an unanswered expire pending, and the start-up pass settles it by reading Stripe, sending nothing again', async () => {
    const router = setUp();
    const { journal } = router;
    await withTestKey(router);
    const session = await router.openCard(SEED_IDS.openSession);
    const attemptId = crypto.randomUUID();
    harness.emulator.injectFault({ kind: 'drop-after' }, { method: 'POST', times: 3 });
    // …and Stripe cannot be read just then to settle it: the attempt stays in doubt.
    harness.emulator.injectFault({ kind: 'status', status: 500 }, { method: 'GET', times: 3 });
    const reply = await session.ask({ type: 'checkoutSession.expire', attemptId });
    expect(reply).toMatchObject({ ok: false, error: { unresolved: true } });
    expect(await journal.get(attemptId)).toMatchObject({ outcome: 'pending' });

    const { resumePendingActions } = await import('../../utils/journal/resume-pending');
    const { accountById } = await import('../../utils/storage/account-store');
    const { reconcilerFor } = await import('../../utils/objects/registry');
    const result = await resumePendingActions(
      journal,
      accountById,
      ({ apiKey }) => createStripeClient({ apiKey, baseUrl: harness.url, sleep: async () => {} }),
      reconcilerFor,
    );
    expect(result).toEqual({ resolved: 1, stillPending: 0 });
    expect(await journal.get(attemptId)).toMatchObject({ outcome: 'succeeded' });
    const posts = harness.emulator.apiRequests().filter((r) => r.method === 'POST');
    expect(new Set(posts.map((p) => p.headers['idempotency-key']))).toEqual(
      new Set([`sha-${attemptId}`]),
    );
    // The three tries of the first send, whose answers were lost; none after reading Stripe.
    expect(posts).toHaveLength(3);
    expect(harness.emulator.sessions().get(SEED_IDS.openSession)!.status).toBe('expired');
  });
});
