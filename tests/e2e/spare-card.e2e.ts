import type { Frame } from 'playwright-core';
import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { clickCardButton } from './pages/card-frame';
import { saveTestKey } from './pages/options-page';
import { NO_CARD_SHOWN, TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

const isSpare = (frame: Frame) => frame.url().includes('/card.html#spare-');

/** Closes the card from the page, as the agent does, and returns the spare made for the next. */
async function closeAndFindSpare(ticket: TicketPage): Promise<Frame> {
  await ticket.page.mouse.click(5, 5);
  await ticket.page.keyboard.press('Escape');
  await ticket.page.waitForFunction(NO_CARD_SHOWN);
  await expect.poll(() => ticket.page.frames().some(isSpare)).toBe(true);
  const spare = ticket.page.frames().find(isSpare)!;
  await spare.waitForLoadState('load');
  return spare;
}

/** A card page's request to the background, as a compromised card could make it. */
const askFrom = (frame: Frame, request: Record<string, unknown>) =>
  frame.evaluate(
    (message) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage(message),
    request,
  ) as Promise<{
    ok: boolean;
  }>;

const tokenOf = (frame: Frame) => new URL(frame.url()).hash.slice(1);

describeInChromium('the card frame made ahead of need', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('waits hidden and inert with no grant and no data, and the page can neither click, read nor start it', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context, '/hostile.html');
    await ticket.openCard(SEED_IDS.jenny);
    const spare = await closeAndFindSpare(ticket);
    const requestsBefore = emulator.apiRequests().length;

    // Not drawn at all while it waits (it is out of the top layer), so its text is the
    // markup's blanks alone.
    const spareText = () => spare.evaluate(() => document.body.innerText.trim());
    expect(await spareText()).toBe('');
    // It lies at the top left: nothing of it is under the pointer there, and a real click
    // there reaches the page.
    expect(await ticket.page.evaluate(() => document.elementFromPoint(2, 2)?.tagName)).not.toBe(
      'STRIPE-HELPDESK-CARD',
    );
    await ticket.page.mouse.click(2, 2);
    // The page posts grants to every frame it can reach, guessing at the nonce.
    await ticket.page.evaluate(() => {
      for (let i = 0; i < window.frames.length; i++) {
        for (const nonce of [undefined, '', 'guess'])
          window.frames[i]!.postMessage(
            { type: 'card.spareGrant', nonce, token: 'A'.repeat(32) },
            '*',
          );
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isSpare(spare)).toBe(true);
    expect(await spareText()).toBe('');

    const seen = await ticket.page.evaluate(() => (window as any).attack.probe());
    expect(seen.openShadowRoot).toBe(false);
    expect(seen.capturedRoots).toBe(0);
    expect(seen.messagesFromOthers).toEqual([]);
    expect(seen.iframesVisible).toEqual([]);
    for (const secret of ['card.html', 'spare-', 'Jenny Rosen'])
      expect(seen.bodyText).not.toContain(secret);
    expect(emulator.apiRequests()).toHaveLength(requestsBefore);
    await ticket.page.close();
  });

  it('serves the next card for its ID alone: the card before is revoked, and Confirm still needs a real click', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const jennys = await ticket.openCard(SEED_IDS.jenny);
    await jennys.getByTestId('customer-balance').waitFor();
    const jennysToken = tokenOf(jennys);
    const spare = await closeAndFindSpare(ticket);

    const card = await ticket.openCard(SEED_IDS.openSession);
    expect(card).toBe(spare); // the same frame, not a new one
    await card.getByRole('heading', { name: 'Checkout Session' }).waitFor();
    expect(tokenOf(card)).not.toBe(jennysToken);
    // Jenny's grant went with her card; this one reaches no other object.
    expect((await askFrom(card, { type: 'card.open', token: jennysToken })).ok).toBe(false);
    expect(
      (
        await askFrom(card, {
          type: 'card.openRelated',
          token: tokenOf(card),
          objectId: SEED_IDS.alexHome,
        })
      ).ok,
    ).toBe(false);

    await clickCardButton(card, 'Expire session');
    await card.getByRole('button', { name: 'Confirm' }).waitFor();
    await card.evaluate(() =>
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Confirm')!.click(),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.apiPosts()).toHaveLength(0);
    await card.getByRole('button', { name: 'Confirm' }).click();
    await card.getByText('Expired').first().waitFor();
    expect(emulator.apiPosts().map((post) => post.path)).toEqual([
      `/v1/checkout/sessions/${SEED_IDS.openSession}/expire`,
    ]);
    await ticket.page.close();
  });
});
