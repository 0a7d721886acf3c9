import { describe, expect, it, vi } from 'vitest';
import { GRANT_LIFETIME_MS } from '../../utils/background/card-grants';
import {
  revokeGrantsOfSite,
  revokeGrantsOfTab,
  watchCardPort,
} from '../../utils/background/card-lifetime';
import { CARD_PORT_PREFIX } from '../../utils/messaging/card-port';
import type { MessageSenderLike } from '../../utils/messaging/sender-policy';
import { SEED_IDS } from '../emulator/seed-data';
import {
  EXTENSION_ORIGIN,
  RUNTIME_ID,
  expectOk,
  testSenders,
  useEmulator,
} from './emulator-harness';

const harness = useEmulator();
const TAB = 9;
const senders = testSenders(TAB);
const { page, card, options } = senders;
const EXPIRED = {
  ok: false,
  error: { message: 'This card has expired. Click the ID on the page again.' },
};

async function grantedCard() {
  const granted = await harness.router({ senders }).grantCard(SEED_IDS.completeSession);
  const open = () => granted.ask({ type: 'card.open' });
  expect((await open()).ok).toBe(true);
  return { ...granted, open };
}

function fakePort(name: string, sender: MessageSenderLike) {
  const listeners: Array<() => void> = [];
  return {
    name,
    sender,
    disconnect: vi.fn(),
    onDisconnect: { addListener: (listener: () => void) => listeners.push(listener) },
    /** The frame holding it goes. */
    drop: () => listeners.forEach((listener) => listener()),
  };
}

describe("a card's grant", () => {
  it('is revoked when the card closes', async () => {
    const { ask, open } = await grantedCard();
    await ask({ type: 'card.close' });
    expect(await open()).toEqual(EXPIRED);
  });

  it("is revoked when the card's frame goes, by its port", async () => {
    const { token, open } = await grantedCard();
    const port = fakePort(`${CARD_PORT_PREFIX}${token}`, card);
    watchCardPort(port, RUNTIME_ID, EXTENSION_ORIGIN);
    expect(port.disconnect).not.toHaveBeenCalled();
    port.drop();
    await vi.waitFor(async () => expect(await open()).toEqual(EXPIRED));
  });

  it('is not revoked by a port from anything but the extension pages', async () => {
    const { token, open } = await grantedCard();
    const port = fakePort(`${CARD_PORT_PREFIX}${token}`, page);
    watchCardPort(port, RUNTIME_ID, EXTENSION_ORIGIN);
    expect(port.disconnect).toHaveBeenCalled();
    port.drop();
    expect((await open()).ok).toBe(true);
  });

  it('is revoked when its tab closes, and not by another tab closing', async () => {
    const { open } = await grantedCard();
    await revokeGrantsOfTab(TAB + 1);
    expect((await open()).ok).toBe(true);
    await revokeGrantsOfTab(TAB);
    expect(await open()).toEqual(EXPIRED);
  });

  it('is revoked when its site is disabled', async () => {
    const { open } = await grantedCard();
    await revokeGrantsOfSite('https://other.example');
    expect((await open()).ok).toBe(true);
    await revokeGrantsOfSite('https://acme.zendesk.com');
    expect(await open()).toEqual(EXPIRED);
  });

  it('lives 30 minutes at the most', async () => {
    const { open } = await grantedCard();
    expect(GRANT_LIFETIME_MS).toBe(30 * 60 * 1000);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + GRANT_LIFETIME_MS);
    expect(await open()).toEqual(EXPIRED);
  });

  it('is one of at most 3 of its tab: a fourth revokes the oldest, and other tabs keep theirs', async () => {
    const router = harness.router({ senders });
    const otherTab = testSenders(TAB + 1);
    const elsewhere = await router.grantCard(SEED_IDS.jenny, { from: otherTab.page });
    const cards = [];
    for (const id of [
      SEED_IDS.completeSession,
      SEED_IDS.openSession,
      SEED_IDS.jenny,
      SEED_IDS.jennyPaidInvoice,
    ])
      cards.push(await router.grantCard(id));
    const [oldest, ...kept] = cards;
    expect(await oldest!.ask({ type: 'card.open' })).toEqual(EXPIRED);
    for (const newer of kept) expect((await newer.ask({ type: 'card.open' })).ok).toBe(true);
    expect((await elsewhere.ask({ type: 'card.open' }, otherTab.card)).ok).toBe(true);
  });

  it('of a card in the popup is revoked when the popup closes', async () => {
    const { ask } = harness.router({ senders });
    const reply = await ask({ type: 'popup.openCard', objectId: SEED_IDS.jenny }, options);
    const { token } = expectOk(reply);
    const port = fakePort(`${CARD_PORT_PREFIX}${token}`, options);
    watchCardPort(port, RUNTIME_ID, EXTENSION_ORIGIN);
    port.drop();
    await vi.waitFor(async () =>
      expect(await ask({ type: 'card.open', token }, options)).toEqual(EXPIRED),
    );
  });
});
