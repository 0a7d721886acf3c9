import { describe, expect, it } from 'vitest';
import {
  findCardGrant,
  issueCardGrant,
  rememberGrantLookUp,
  repointCardGrant,
} from '../../utils/background/card-grants';
import { SEED_IDS } from '../emulator/seed-data';
import { testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const { page, card, options } = testSenders(12);
const REFUSED_REPLY = { ok: false, error: { message: 'This request is not allowed from here.' } };
const draft = {
  reason: 'duplicate',
  memo: '',
  currency: 'usd',
  amount: { by: 'total', total: '1.00' },
  destination: 'credit',
  split: { refund: '', credit: '', outOfBand: '' },
};

/**
 * The review's reproduction: after a note on ACME-0041 its re-read is slow; the agent goes
 * to the customer, then to another invoice; the late read arrives while the grant is the
 * other invoice's.
 */
async function cardMovedOnDuringASlowRead() {
  const { handle } = harness.router();
  await handle({ type: 'accounts.save', apiKey: harness.emulator.keys.testSecret }, options);
  const granted = await handle(
    { type: 'page.openCard', objectId: SEED_IDS.jennyPaidInvoice },
    page,
  );
  if (!granted.ok) throw new Error(granted.error.message);
  const { token } = granted.value as { token: string };
  const ask = (request: Record<string, unknown>) => handle({ ...request, token }, card);
  expect((await ask({ type: 'card.open' })).ok).toBe(true);
  // The re-read after the note: slow.
  harness.emulator.injectFault(
    { kind: 'delay', ms: 600 },
    { method: 'GET', pathPrefix: `/v1/invoices/${SEED_IDS.jennyPaidInvoice}` },
  );
  const lateRead = ask({ type: 'card.open' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Meanwhile the agent goes to the customer (the card has shown it) and on to another
  // invoice of theirs.
  expect((await ask({ type: 'card.openRelated', objectId: SEED_IDS.jenny })).ok).toBe(true);
  expect((await ask({ type: 'card.open' })).ok).toBe(true);
  expect((await ask({ type: 'card.openRelated', objectId: SEED_IDS.jennyOpenInvoice })).ok).toBe(
    true,
  );
  expect((await ask({ type: 'card.open' })).ok).toBe(true);
  return { ask, late: await lateRead };
}

describe('a card acts only on the object it shows', () => {
  it('a late read of the object the card left does not widen what the card may act on', async () => {
    const { ask } = await cardMovedOnDuringASlowRead();
    // The paid invoice's credit note was reachable from its card, never from the open one's.
    expect(
      await ask({
        type: 'invoice.voidCreditNote',
        shownId: SEED_IDS.jennyOpenInvoice,
        attemptId: crypto.randomUUID(),
        creditNoteId: SEED_IDS.jennyCreditNote,
      }),
    ).toEqual(REFUSED_REPLY);
    expect(
      harness.emulator.creditNotes().find((n) => n.id === SEED_IDS.jennyCreditNote)?.status,
    ).toBe('issued');
  });

  it('a late read of the object the card left is not handed to the card as its object', async () => {
    const { late } = await cardMovedOnDuringASlowRead();
    // The card gets no view of the invoice it left: nothing it could draw as its object.
    expect(late).toMatchObject({
      ok: true,
      value: { objectId: SEED_IDS.jennyPaidInvoice, found: { ok: false } },
    });
  });

  it('an action named for the object the card showed before is refused, with nothing sent', async () => {
    const { ask } = await cardMovedOnDuringASlowRead();
    harness.emulator.received.length = 0;
    const request = { type: 'invoice.previewCreditNote', attemptId: crypto.randomUUID(), draft };
    expect(await ask({ ...request, shownId: SEED_IDS.jennyPaidInvoice })).toEqual(REFUSED_REPLY);
    expect(harness.emulator.apiRequests()).toHaveLength(0);
    // The same, named for the invoice the card now shows, goes ahead.
    expect((await ask({ ...request, shownId: SEED_IDS.jennyOpenInvoice })).ok).toBe(true);
  });

  it('an action that names no object is refused', async () => {
    const { ask } = await cardMovedOnDuringASlowRead();
    expect(
      await ask({ type: 'invoice.previewCreditNote', attemptId: crypto.randomUUID(), draft }),
    ).toEqual(REFUSED_REPLY);
  });
});

describe("a grant's look-up result", () => {
  it('is written only while the grant still stands for the object read', async () => {
    const grant = await issueCardGrant({
      objectId: SEED_IDS.jennyPaidInvoice,
      tabId: 3,
      frameId: 0,
      pageUrl: 'https://acme.zendesk.com/agent/tickets/1',
      inPopup: false,
      reachable: [SEED_IDS.jenny],
    });
    expect(
      await repointCardGrant(grant.token, { from: SEED_IDS.jennyPaidInvoice, to: SEED_IDS.jenny }),
    ).not.toBeNull();
    // The paid invoice's read comes back after the card moved to the customer.
    const written = await rememberGrantLookUp(grant.token, {
      objectId: SEED_IDS.jennyPaidInvoice,
      accountId: 'acct-other',
      reachable: [SEED_IDS.jennyCreditNote],
    });
    expect(written).toBeNull();
    const now = await findCardGrant(grant.token, 3);
    expect(now).toMatchObject({ objectId: SEED_IDS.jenny, reachable: [] });
    expect(now?.accountId).toBeUndefined();
  });
});
