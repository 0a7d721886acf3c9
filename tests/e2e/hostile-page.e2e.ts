import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { expectProbeFoundNothing } from './pages/hostile-probe';
import { saveTestKey } from './pages/options-page';
import { TicketPage, NO_CARD_SHOWN, holdsCardGrant } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

describeInChromium('a hostile helpdesk page', () => {
  const extension = useExtensionBrowser(saveTestKey);
  const posts = () => extension().emulator.apiPosts();
  const attack = (ticket: TicketPage, step: string, arg?: string) =>
    ticket.page.evaluate(([name, value]) => (window as any).attack[name!](value), [
      step,
      arg,
    ] as const);

  it('gets no card from forged messages or synthetic clicks, and no Stripe request is made', async () => {
    const ticket = await TicketPage.open(extension().context, '/hostile.html');
    const cardsOpened: string[] = [];
    ticket.page.on('framenavigated', (f) => void (holdsCardGrant(f) && cardsOpened.push(f.url())));
    await attack(ticket, 'forgeMessages');
    await attack(ticket, 'syntheticClicks');
    // A real click last: once its card is there, any card asked for earlier would be too.
    await ticket.openCard(SEED_IDS.jenny);
    expect(cardsOpened).toHaveLength(1);
    expect(posts()).toHaveLength(0);
    await ticket.page.close();
  });

  it('cannot read the card, its shadow root, its address or any Stripe data', async () => {
    const ticket = await TicketPage.open(extension().context, '/hostile.html');
    const card = await ticket.openCard(SEED_IDS.jenny);
    await card.getByTestId('customer-balance').waitFor();
    const seen = await attack(ticket, 'probe');
    expectProbeFoundNothing(seen, extension().emulator.keys.testSecret);
    await ticket.page.close();
  });

  it('cannot hide the card to trick a click: the card stays where it is drawn', async () => {
    const ticket = await TicketPage.open(extension().context, '/hostile.html');
    const card = await ticket.openCard(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).waitFor();
    const style = await card.frameElement().then((frame) =>
      frame.evaluate((element) => {
        const host = (element.getRootNode() as ShadowRoot).host;
        const computed = getComputedStyle(host);
        return { opacity: computed.opacity, transform: computed.transform };
      }),
    );
    expect(style).toEqual({ opacity: '1', transform: 'none' });
    await ticket.page.close();
  });

  it('cannot lay a layer over the card but in the top layer, where it turns Confirm off', async () => {
    const ticket = await TicketPage.open(extension().context, '/hostile.html');
    const card = await ticket.openCard(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).click();
    const confirm = card.getByRole('button', { name: 'Confirm' });
    await confirm.waitFor();
    // However high its z-index, a layer of the page's own is drawn under the card.
    await attack(ticket, 'overlay');
    const { x, y } = (await confirm.boundingBox())!;
    expect(
      await ticket.page.evaluate(
        ([px, py]) => document.elementFromPoint(px!, py!)?.tagName,
        [x + 2, y + 2],
      ),
    ).toBe('STRIPE-HELPDESK-CARD');
    await attack(ticket, 'topLayerOverlay');
    await card.getByRole('alert').getByText('The page is covering or hiding this card').waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    // The agent's click lands on the layer, and nothing reaches Stripe.
    const box = (await confirm.boundingBox())!;
    await ticket.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(posts()).toHaveLength(0);
    await ticket.page.close();
  });

  it.each(['restyleHost', 'fadeRoot'])(
    'cannot fade the card under a click (%s): the card closes',
    async (step) => {
      const ticket = await TicketPage.open(extension().context, '/hostile.html');
      const card = await ticket.openCard(SEED_IDS.openSession);
      await card.getByRole('button', { name: 'Expire session' }).click();
      await card.getByRole('button', { name: 'Confirm' }).waitFor();
      await attack(ticket, step);
      await ticket.page.waitForFunction(NO_CARD_SHOWN);
      expect(posts()).toHaveLength(0);
      await ticket.page.close();
    },
  );

  // Rules in a stylesheet change no attribute, so the card stays open; and Chromium's
  // visibility check does not count a mask. Confirm must see them itself, and refuse.
  it.each([
    ['maskAllButConfirm', 'a mask'],
    ['filterAndShiftRoot', 'a filter'],
  ])(
    'cannot draw the card through a stylesheet rule on the root (%s): Confirm refuses, saying why',
    async (step, effect) => {
      const ticket = await TicketPage.open(extension().context, '/hostile.html');
      const card = await ticket.openCard(SEED_IDS.openSession);
      await card.getByRole('button', { name: 'Expire session' }).click();
      const confirm = card.getByRole('button', { name: 'Confirm' });
      await confirm.waitFor();
      await attack(ticket, step, JSON.stringify(await confirm.boundingBox()));
      await new Promise((resolve) => setTimeout(resolve, 800)); // Armed, were the rule unseen.
      // The agent clicks the Confirm they see.
      const box = (await confirm.boundingBox())!;
      await ticket.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await card
        .getByRole('alert')
        .getByText(`The page draws this card through ${effect} on its root element`)
        .waitFor({ timeout: 3000 });
      expect(posts()).toHaveLength(0);
      await ticket.page.close();
    },
  );

  it('cannot use the card page by embedding it', async () => {
    const ticket = await TicketPage.open(extension().context, '/hostile.html');
    const staticUrl = `chrome-extension://${extension().extensionId}/card.html#${'a'.repeat(32)}`;
    const settled = ticket.page.waitForEvent('framenavigated', {
      predicate: (f) => f.parentFrame() === ticket.page.mainFrame(),
    });
    await attack(ticket, 'embedCard', staticUrl);
    // Blocked by use_dynamic_url: the static address ends on Chrome's error page, not the card.
    const frame = await settled;
    expect(frame.url()).not.toContain('card.html');
    expect(await frame.getByRole('heading', { name: 'Checkout Session' }).count()).toBe(0);
    expect(extension().emulator.apiRequests()).toHaveLength(0);
    await ticket.page.close();
  });
});
