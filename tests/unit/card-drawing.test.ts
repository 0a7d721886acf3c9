import { describe, expect, it, vi } from 'vitest';
import type { BackgroundContext } from '../../utils/background/message-router';
import { SEED_IDS } from '../emulator/seed-data';
import { expectOk, testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const TAB = 4;
const senders = testSenders(TAB);
const REFUSED = { ok: false, error: { message: 'This request is not allowed from here.' } };

/** A router whose content script answers `answer` about how the page draws the card. */
function withContentScriptAnswering(answer: BackgroundContext['askFrame']) {
  const askFrame = vi.fn(answer);
  return { ...harness.router({ askFrame, senders }), askFrame };
}

const checkOf = async (answer: unknown) => {
  const { grantCard } = withContentScriptAnswering(async () => answer);
  const card = await grantCard(SEED_IDS.openSession);
  return card.ask({ type: 'card.checkDrawnPlainly' });
};

describe('Confirm asks how the page draws its card', () => {
  it("asks the content script of the card's own tab and frame, about this card alone", async () => {
    const { grantCard, askFrame } = withContentScriptAnswering(async () => ({ drawn: 'plainly' }));
    const card = await grantCard(SEED_IDS.openSession);
    expect(await card.ask({ type: 'card.checkDrawnPlainly' })).toEqual({ ok: true, value: null });
    expect(askFrame).toHaveBeenCalledExactlyOnceWith(TAB, 0, {
      type: 'content.howIsCardDrawn',
      token: card.token,
    });
  });

  it.each([
    [
      { drawn: 'through', effect: 'mask', on: 'root' },
      'The page draws this card through a mask on its root element, which can hide what Confirm does, so nothing was sent. Act on it from the toolbar popup instead.',
    ],
    [
      { drawn: 'through', effect: 'filter', on: 'root' },
      'The page draws this card through a filter on its root element',
    ],
    [
      { drawn: 'through', effect: 'clip-path', on: 'ancestor' },
      'The page draws this card through a clip path on an element around the card',
    ],
    [
      { drawn: 'through', effect: 'opacity', on: 'card' },
      'The page draws this card through transparency on the card itself',
    ],
    [
      { drawn: 'through', effect: 'transform', on: 'root' },
      'The page draws this card through a transform on its root element',
    ],
    [
      { drawn: 'through', effect: 'blend-mode', on: 'root' },
      'The page draws this card through a blend mode on its root element',
    ],
    [
      { drawn: 'out-of-top-layer' },
      'The page has moved this card out of the layer it is drawn in, so nothing was sent.',
    ],
    [
      { drawn: 'in-foreign-frame' },
      'This card is inside a frame of another site, which can hide what Confirm does, so nothing was sent.',
    ],
    [{ drawn: 'not-here' }, 'The page this card is on did not say how it shows the card'],
  ])('refuses a card drawn %j, saying why', async (answer, sentence) => {
    const reply = await checkOf(answer);
    expect(reply).toEqual({ ok: false, error: { message: expect.stringContaining(sentence) } });
  });

  it.each([
    undefined,
    null,
    'plainly',
    { drawn: 'plainly', extra: true },
    { drawn: 'plainly ' },
    { drawn: 'through', effect: 'something new', on: 'root' },
    { drawn: 'through', effect: 'mask', on: 'body', note: '<b>Confirm</b>' },
    [{ drawn: 'plainly' }],
  ])('refuses an answer that is not one the content script gives (%j)', async (answer) => {
    expect(await checkOf(answer)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('did not say how it shows the card') },
    });
  });

  it('refuses when no content script is there to answer, or it stays silent', async () => {
    const gone = withContentScriptAnswering(() =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    );
    const card = await gone.grantCard(SEED_IDS.openSession);
    expect(await card.ask({ type: 'card.checkDrawnPlainly' })).toMatchObject({ ok: false });

    const silent = withContentScriptAnswering(() => new Promise(() => {}));
    const silentCard = await silent.grantCard(SEED_IDS.openSession);
    const started = Date.now();
    expect(await silentCard.ask({ type: 'card.checkDrawnPlainly' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('did not say how it shows the card') },
    });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('asks no page about a card in the popup, which no page draws', async () => {
    const router = withContentScriptAnswering(async () => ({ drawn: 'not-here' }));
    const { token } = expectOk(
      await router.ask({ type: 'popup.openCard', objectId: SEED_IDS.openSession }, senders.options),
    );
    expect(await router.ask({ type: 'card.checkDrawnPlainly', token }, senders.options)).toEqual({
      ok: true,
      value: null,
    });
    expect(router.askFrame).not.toHaveBeenCalled();
  });

  it('is asked only by the card: a content script can neither ask nor answer by message', async () => {
    const { grantCard, handle, askFrame } = withContentScriptAnswering(async () => ({
      drawn: 'plainly',
    }));
    const card = await grantCard(SEED_IDS.openSession);
    for (const message of [
      { type: 'card.checkDrawnPlainly', token: card.token },
      { drawn: 'plainly' },
      { type: 'content.howIsCardDrawn', token: card.token },
    ])
      expect(await handle(message, senders.page)).toEqual(REFUSED);
    // Nor a card of another tab.
    expect(
      await card.ask({ type: 'card.checkDrawnPlainly' }, { ...senders.card, tab: { id: TAB + 1 } }),
    ).toMatchObject({ ok: false });
    expect(askFrame).not.toHaveBeenCalled();
  });
});
